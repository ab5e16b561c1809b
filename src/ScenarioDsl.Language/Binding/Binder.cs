using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Syntax;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Binding;

/// <summary>
/// Binds the syntax trees of one compilation: declares every name (broken declarations too, so
/// references to them resolve and no follow-on errors cascade), resolves references, checks the
/// latent-space rules of the catalogue and builds the <see cref="BoundModel"/> and
/// <see cref="SemanticIndex"/>. Checks that depend on a broken declaration are skipped.
/// </summary>
internal sealed partial class Binder
{
    private readonly IReadOnlyList<SyntaxTree> _trees;
    private readonly List<Diagnostic> _diagnostics = new();
    private readonly Dictionary<string, List<int>> _errorStarts = new(StringComparer.Ordinal);
    private readonly List<SymbolDefinition> _definitions;
    private readonly ReferenceList _references;
    private readonly Dictionary<(SymbolKind, string, string?), SymbolKey> _keys = new();
    private int _errorCount;

    // First declaration of each name, per kind (names are global across files, one namespace per kind).
    // Each table enumerates in declaration order (entries are only added), which the binding phases use.
    private readonly Dictionary<string, Declared> _spaces;
    private readonly Dictionary<string, Declared> _personas;
    private readonly Dictionary<string, Declared> _goals;
    private readonly Dictionary<string, Declared> _scenarios;
    private readonly Dictionary<string, Declared> _suites;
    private readonly Dictionary<string, DeclaredCue> _cues = new(StringComparer.Ordinal);

    // Broken declarations: declared, but what depends on them is not checked.
    private readonly HashSet<string> _brokenSpaces = new(StringComparer.Ordinal);
    // Spaces with a dimension that could not be read (a syntax error in the body): the dimensions
    // that were read are used, but a name they do not hold may be the broken one, so unknown
    // dimensions (EMPS2003) and checks that need every dimension are not reported for them.
    private readonly HashSet<string> _incompleteSpaces = new(StringComparer.Ordinal);

    private Binder(IReadOnlyList<SyntaxTree> trees)
    {
        _trees = trees;
        // Sized once from a count of the declarations, instead of growing with them.
        int spaces = 0, personas = 0, goals = 0, scenarios = 0, suites = 0, all = 0;
        for (int t = 0; t < trees.Count; t++)
        {
            var declarations = trees[t].Root.Declarations;
            all += declarations.Count;
            for (int i = 0; i < declarations.Count; i++)
            {
                switch (declarations[i].Kind)
                {
                    case DeclarationKind.Space: spaces++; break;
                    case DeclarationKind.Persona: personas++; break;
                    case DeclarationKind.Goal: goals++; break;
                    case DeclarationKind.Scenario: scenarios++; break;
                    case DeclarationKind.Suite: suites++; break;
                }
            }
        }
        _spaces = new Dictionary<string, Declared>(spaces, StringComparer.Ordinal);
        _personas = new Dictionary<string, Declared>(personas, StringComparer.Ordinal);
        _goals = new Dictionary<string, Declared>(goals, StringComparer.Ordinal);
        _scenarios = new Dictionary<string, Declared>(scenarios, StringComparer.Ordinal);
        _suites = new Dictionary<string, Declared>(suites, StringComparer.Ordinal);
        _definitions = new List<SymbolDefinition>(all + 16);
        _references = new ReferenceList(all);
    }

    /// <summary>A cue together with the tree it came from.</summary>
    private sealed record DeclaredCue(CueSyntax Syntax, SyntaxTree Tree);

    public static BindingResult Bind(IReadOnlyList<SyntaxTree> trees) => new Binder(trees).Run();

    private BindingResult Run()
    {
        for (int t = 0; t < _trees.Count; t++)
        {
            var diagnostics = _trees[t].Diagnostics;
            for (int i = 0; i < diagnostics.Count; i++) Add(diagnostics[i]);
        }

        DeclareAll();
        ReportIdentifierCollisions();
        var spaces = BindSpaces();
        _boundSpaces = spaces;
        var cues = BindCues();
        var spaceByName = ByName(spaces, static s => s.Name);
        var personas = BindPersonas(spaceByName);
        var goals = BindGoals(spaceByName);
        var personaByName = ByName(personas, static p => p.Name);
        var goalByName = ByName(goals, static g => g.Name);
        var scenarios = BindScenarios(personaByName, goalByName);
        var suites = BindSuites(personaByName, goalByName);
        ReportUnused(scenarios, suites);

        var ordered = OrderedDiagnostics();
        var model = FlagErrors(spaces, cues, personas, goals, scenarios, suites);
        _references.Complete();
        return new BindingResult(model, ordered, new SemanticIndex(_definitions, _references), ReusedDeclarations);
    }

    private static Dictionary<string, T> ByName<T>(T[] symbols, Func<T, string> name)
    {
        var result = new Dictionary<string, T>(symbols.Length, StringComparer.Ordinal);
        foreach (var symbol in symbols) result.Add(name(symbol), symbol);
        return result;
    }

    /// <summary>The diagnostics by file (in the order of the trees), then position, then the order they were reported in.</summary>
    private List<Diagnostic> OrderedDiagnostics()
    {
        if (_diagnostics.Count <= 1) return _diagnostics;
        var treeIndex = new Dictionary<string, int>(_trees.Count, StringComparer.Ordinal);
        for (int i = _trees.Count - 1; i >= 0; i--) treeIndex[_trees[i].Path] = i; // the first tree of a path wins
        var keys = new (int Tree, int Start, int Order)[_diagnostics.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            var location = _diagnostics[i].Location;
            keys[i] = (treeIndex.TryGetValue(location.Path, out int tree) ? tree : int.MaxValue, location.Span.Start, i);
        }
        Array.Sort(keys); // the order of reporting breaks ties, so this unstable sort gives the stable order
        var ordered = new List<Diagnostic>(keys.Length);
        foreach (var key in keys) ordered.Add(_diagnostics[key.Order]);
        return ordered;
    }

    // ---- declarations ----------------------------------------------------------------------

    private void DeclareAll()
    {
        for (int t = 0; t < _trees.Count; t++)
        {
            var tree = _trees[t];
            var declarations = tree.Root.Declarations;
            var known = DeclaredIn(tree);
            for (int i = 0; i < declarations.Count; i++)
            {
                if (known[i] is { } declared)
                {
                    Declare(declared);
                    continue;
                }
                var declaration = declarations[i];
                if (declaration is CuesDeclarationSyntax cues)
                {
                    foreach (var member in cues.Members)
                        if (member is CueSyntax cue) DeclareCue(cue, tree);
                }
                else if (declaration.Kind == DeclarationKind.Space && declaration.Name is { } name && !_spaces.ContainsKey(name.Text))
                {
                    _brokenSpaces.Add(name.Text); // a space broken before its body
                }
            }
        }
        if (_brokenSpaces.Count > 0) _brokenSpaces.ExceptWith(_spaces.Keys);
    }

    private void Declare(Declared declared)
    {
        var table = DeclarationsOf(declared.Kind)!;
        if (table.TryGetValue(declared.Name, out var first))
        {
            Report(DiagnosticCatalogue.DuplicateDeclaration, declared.Tree, declared.NameSpan, DeclarationSyntax.KindName(declared.Syntax.Kind), declared.Name, "at " + Where(first.Tree, first.NameSpan));
            return;
        }
        table.Add(declared.Name, declared);
        _definitions.Add(declared.Definition);
    }

    private void DeclareCue(CueSyntax cue, SyntaxTree tree)
    {
        string name = cue.Name.Text;
        if (name == CueSymbol.Mirroring)
        {
            Report(DiagnosticCatalogue.DuplicateDeclaration, tree, cue.Name.Span, "cue", name, "built in");
            return;
        }
        if (_cues.TryGetValue(name, out var first))
        {
            Report(DiagnosticCatalogue.DuplicateDeclaration, tree, cue.Name.Span, "cue", name, "at " + Where(first.Tree, first.Syntax.Name.Span));
            return;
        }
        _cues[name] = new DeclaredCue(cue, tree);
        _definitions.Add(new SymbolDefinition(Key(SymbolKind.Cue, name), tree.Path, cue.Name.Span, cue.Span));
    }

    // ---- references ------------------------------------------------------------------------

    /// <summary>Resolves a name against a table, reporting EMPS1002 with a suggestion when unknown.</summary>
    private bool Resolve(ICollection<string> names, string what, SyntaxToken token, SyntaxTree tree, SymbolKey key)
    {
        if (token.IsMissing) return false;
        if (names.Contains(token.Text))
        {
            _references.Add(new SymbolReference(key, tree.Path, token.Span));
            return true;
        }
        Report(DiagnosticCatalogue.UnknownReference, tree, token.Span, SuggestName(token, names), what, token.Text);
        return false;
    }

    private static Suggestion? SuggestName(SyntaxToken token, IEnumerable<string> candidates)
    {
        var best = NameSuggester.Suggest(token.Text, candidates);
        return best is null ? null : new Suggestion($"did you mean '{best}'?", token.Span, best);
    }

    // ---- helpers ---------------------------------------------------------------------------

    /// <summary>One key object per symbol (references are many; their keys are few). A declaration brings its own (<see cref="Declared.Key"/>).</summary>
    private SymbolKey Key(SymbolKind kind, string name, string? container = null)
    {
        if (container is null && DeclarationsOf(kind) is { } table && table.TryGetValue(name, out var declared)) return declared.Key;
        if (!_keys.TryGetValue((kind, name, container), out var key)) _keys[(kind, name, container)] = key = new SymbolKey(kind, name, container);
        return key;
    }

    private Dictionary<string, Declared>? DeclarationsOf(SymbolKind kind) => kind switch
    {
        SymbolKind.Space => _spaces,
        SymbolKind.Persona => _personas,
        SymbolKind.Goal => _goals,
        SymbolKind.Scenario => _scenarios,
        SymbolKind.Suite => _suites,
        _ => null,
    };

    private void Report(DiagnosticDescriptor descriptor, SyntaxTree tree, TextSpan span, params object?[] args) =>
        Add(DiagnosticCatalogue.Create(descriptor, tree.Text, span, null, args));

    private void Report(DiagnosticDescriptor descriptor, SyntaxTree tree, TextSpan span, Suggestion? suggestion, params object?[] args) =>
        Add(DiagnosticCatalogue.Create(descriptor, tree.Text, span, suggestion, args));

    private void Add(Diagnostic diagnostic)
    {
        _diagnostics.Add(diagnostic);
        if (diagnostic.Severity != DiagnosticSeverity.Error) return;
        _errorCount++;
        if (!_errorStarts.TryGetValue(diagnostic.Location.Path, out var starts)) _errorStarts[diagnostic.Location.Path] = starts = new List<int>();
        starts.Add(diagnostic.Location.Span.Start);
    }

    /// <summary>"file.emps(3,5)", or "line 3" within the same file, for messages that point elsewhere.</summary>
    private static string Where(SyntaxTree tree, TextSpan span)
    {
        var pos = tree.Text.GetLinePosition(span.Start);
        return $"{tree.Path}({pos.Line + 1},{pos.Character + 1})";
    }

    private static SourceLocation LocationOf(SyntaxTree tree, SyntaxToken token)
    {
        var pos = tree.Text.GetLinePosition(token.Span.Start);
        return new SourceLocation(tree.Path, pos.Line + 1, pos.Character + 1);
    }

    /// <summary>
    /// Whether a member that could not be read (its syntax error is reported) holds <paramref name="keyword"/> after its
    /// first token: recovery skips a broken member to the end of its line, so `personas A B goals X` loses `goals X`,
    /// which is there as written; the missing-member error (EMPS3007) would only repeat the syntax error wrongly.
    /// </summary>
    private static bool InSkippedMember(IReadOnlyList<MemberSyntax> members, string keyword)
    {
        for (int i = 0; i < members.Count; i++)
        {
            if (members[i] is not SkippedSyntax skipped) continue;
            var tokens = skipped.Tokens;
            for (int t = 1; t < tokens.Count; t++)
                if (tokens[t].IsKeyword(keyword)) return true;
        }
        return false;
    }

    /// <summary>The first member of each keyword in <paramref name="unique"/>; later ones are reported (EMPS3008).</summary>
    private MemberTable FirstMembers(IReadOnlyList<MemberSyntax> members, string kindName, string owner, SyntaxTree tree, string[] unique)
    {
        var first = new MemberTable(unique);
        for (int i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var head = member.Head;
            string keyword = head.Text;
            int slot = Array.IndexOf(unique, keyword);
            if (slot < 0) continue;
            if (!first.TrySet(slot, member))
                Report(DiagnosticCatalogue.DuplicateMember, tree, head.Span, keyword, kindName, owner);
        }
        return first;
    }

    /// <summary>
    /// A declaration's first member per unique keyword: a slot per keyword of a small fixed list, found
    /// by its position in the list (no hashing; a declaration kind has at most six such keywords).
    /// </summary>
    private readonly struct MemberTable
    {
        private readonly string[] _keywords;
        private readonly MemberSyntax?[] _first;

        public MemberTable(string[] keywords)
        {
            _keywords = keywords;
            _first = new MemberSyntax?[keywords.Length];
        }

        /// <summary>Sets the slot's member unless it has one already (then false).</summary>
        public bool TrySet(int slot, MemberSyntax member)
        {
            if (_first[slot] is not null) return false;
            _first[slot] = member;
            return true;
        }

        public bool TryGetValue(string keyword, out MemberSyntax? member)
        {
            int slot = Array.IndexOf(_keywords, keyword);
            member = slot < 0 ? null : _first[slot];
            return member is not null;
        }

        public bool ContainsKey(string keyword) => TryGetValue(keyword, out _);
    }

    private static string Format(double value) => DiagnosticCatalogue.FormatNumber(value);

    /// <summary>The first <paramref name="count"/> items as an equatable array: the array itself when it is full.</summary>
    private static EquatableArray<T> Exact<T>(T[] items, int count)
    {
        if (count == items.Length) return items.Length == 0 ? EquatableArray<T>.Empty : new EquatableArray<T>(items);
        var exact = new T[count];
        Array.Copy(items, exact, count);
        return new EquatableArray<T>(exact);
    }

    // Scratch collections, cleared by each use and read only until the next (binding is single-threaded per binder).
    private readonly List<(int Index, double Value, EntrySyntax Entry)> _point = new();
    private bool[] _given = new bool[16];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>The binder's scratch set of names, empty (a duplicate check inside one block).</summary>
    private HashSet<string> ScratchNames()
    {
        _names.Clear();
        return _names;
    }

    // ---- errors on the model ---------------------------------------------------------------

    /// <summary>
    /// True when an error lies inside the declaration, from its first token to its last (a zero-width one at its very
    /// end included). The trivia around it is not its own: a stray character on a line between two declarations
    /// touches neither (SPEC 3).
    /// </summary>
    private bool HasErrorsIn(Declared declared)
    {
        if (_errorCount == 0 || !_errorStarts.TryGetValue(declared.Tree.Path, out var starts)) return false;
        var span = declared.Syntax.Span;
        foreach (int start in starts)
            if (start >= span.Start && start <= span.End) return true;
        return false;
    }

    private bool HasErrorsIn(Dictionary<string, Declared> declarations, string name) => _errorCount > 0 && HasErrorsIn(declarations[name]);

    /// <summary>
    /// The model, with <c>HasErrors</c> set on a declaration with an error inside it, on a persona or
    /// goal in a broken space, and on a scenario or suite using a broken persona or goal.
    /// </summary>
    private BoundModel FlagErrors(
        SpaceSymbol[] spaces, List<CueSymbol> cues, PersonaSymbol[] personas, GoalSymbol[] goals, ScenarioSymbol[] scenarios, SuiteSymbol[] suites)
    {
        // The arrays become the model's (nothing else keeps them): flags are set in place.
        HashSet<string>? brokenSpaces = null;
        for (int i = 0; i < spaces.Length; i++)
        {
            ref var s = ref spaces[i];
            if (!s.HasErrors && HasErrorsIn(_spaces, s.Name)) s = s with { HasErrors = true };
            if (s.HasErrors) (brokenSpaces ??= new HashSet<string>(StringComparer.Ordinal)).Add(s.Name);
        }

        HashSet<string>? brokenPersonas = null;
        for (int i = 0; i < personas.Length; i++)
        {
            ref var p = ref personas[i];
            if (!p.HasErrors && (HasErrorsIn(_personas, p.Name) || brokenSpaces?.Contains(p.Space) == true)) p = p with { HasErrors = true };
            if (p.HasErrors) (brokenPersonas ??= new HashSet<string>(StringComparer.Ordinal)).Add(p.Name);
        }

        HashSet<string>? brokenGoals = null;
        for (int i = 0; i < goals.Length; i++)
        {
            ref var g = ref goals[i];
            if (!g.HasErrors && (HasErrorsIn(_goals, g.Name) || brokenSpaces?.Contains(g.Space) == true)) g = g with { HasErrors = true };
            if (g.HasErrors) (brokenGoals ??= new HashSet<string>(StringComparer.Ordinal)).Add(g.Name);
        }

        for (int i = 0; i < scenarios.Length; i++)
        {
            ref var s = ref scenarios[i];
            if (!s.HasErrors && (HasErrorsIn(_scenarios, s.Name) || brokenPersonas?.Contains(s.Persona) == true || brokenGoals?.Contains(s.Goal) == true))
                s = s with { HasErrors = true };
        }

        for (int i = 0; i < suites.Length; i++)
        {
            ref var s = ref suites[i];
            if (!s.HasErrors && (HasErrorsIn(_suites, s.Name) || AnyIn(s.Personas, brokenPersonas) || AnyIn(s.Goals, brokenGoals)))
                s = s with { HasErrors = true };
        }

        return new BoundModel(
            new EquatableArray<SpaceSymbol>(spaces),
            new EquatableArray<CueSymbol>(cues.ToArray()),
            new EquatableArray<PersonaSymbol>(personas),
            new EquatableArray<GoalSymbol>(goals),
            new EquatableArray<ScenarioSymbol>(scenarios),
            new EquatableArray<SuiteSymbol>(suites));
    }

    private static bool AnyIn(EquatableArray<string> names, HashSet<string>? set)
    {
        if (set is null) return false;
        foreach (var name in names)
            if (set.Contains(name)) return true;
        return false;
    }
}
