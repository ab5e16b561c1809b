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
    private readonly List<SymbolDefinition> _definitions = new();
    private readonly List<SymbolReference> _references = new();
    private readonly Dictionary<(SymbolKind, string, string?), SymbolKey> _keys = new();
    private int _errorCount;

    // First declaration of each name, per kind (names are global across files, one namespace per kind).
    private readonly Dictionary<string, Declared<SpaceDeclarationSyntax>> _spaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Declared<DeclarationSyntax>> _personas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Declared<DeclarationSyntax>> _goals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Declared<DeclarationSyntax>> _scenarios = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Declared<DeclarationSyntax>> _suites = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Declared<CueSyntax>?> _cues = new(StringComparer.Ordinal);

    // Broken declarations: declared, but what depends on them is not checked.
    private readonly HashSet<string> _brokenSpaces = new(StringComparer.Ordinal);

    private Binder(IReadOnlyList<SyntaxTree> trees) => _trees = trees;

    /// <summary>A declaration together with the tree it came from.</summary>
    private sealed record Declared<T>(T Syntax, SyntaxTree Tree) where T : SyntaxNode;

    public static BindingResult Bind(IReadOnlyList<SyntaxTree> trees) => new Binder(trees).Run();

    private BindingResult Run()
    {
        foreach (var tree in _trees)
            foreach (var d in tree.Diagnostics) Add(d);

        DeclareAll();
        ReportIdentifierCollisions();
        var spaces = BindSpaces();
        _boundSpaces = spaces;
        var cues = BindCues();
        var personas = BindPersonas(spaces);
        var goals = BindGoals(spaces);
        var scenarios = BindScenarios(personas, goals);
        var suites = BindSuites(personas, goals);
        ReportUnused(scenarios, suites);

        var ordered = _diagnostics
            .Select((d, i) => (d, i))
            .OrderBy(p => TreeIndex(p.d.Location.Path))
            .ThenBy(p => p.d.Location.Span.Start)
            .ThenBy(p => p.i)
            .Select(p => p.d)
            .ToList();

        var model = new BoundModel(
            spaces.Select(s => s.HasErrors || !HasErrorsIn(_spaces[s.Name]) ? s : s with { HasErrors = true }).ToEquatableArray(),
            cues.ToEquatableArray(),
            personas.Select(p => p.HasErrors || !HasErrorsIn(_personas[p.Name]) ? p : p with { HasErrors = true }).ToEquatableArray(),
            goals.Select(g => g.HasErrors || !HasErrorsIn(_goals[g.Name]) ? g : g with { HasErrors = true }).ToEquatableArray(),
            scenarios.Select(s => s.HasErrors || !HasErrorsIn(_scenarios[s.Name]) ? s : s with { HasErrors = true }).ToEquatableArray(),
            suites.Select(s => s.HasErrors || !HasErrorsIn(_suites[s.Name]) ? s : s with { HasErrors = true }).ToEquatableArray());

        model = PropagateErrors(model);
        return new BindingResult(model, ordered, new SemanticIndex(_definitions, _references), ReusedDeclarations);
    }

    private int TreeIndex(string path)
    {
        for (int i = 0; i < _trees.Count; i++)
            if (_trees[i].Path == path) return i;
        return int.MaxValue;
    }

    // ---- declarations ----------------------------------------------------------------------

    private void DeclareAll()
    {
        foreach (var tree in _trees)
        {
            foreach (var declaration in tree.Root.Declarations)
            {
                if (declaration is CuesDeclarationSyntax cues)
                {
                    foreach (var cue in cues.Members.OfType<CueSyntax>()) DeclareCue(cue, tree);
                    continue;
                }

                if (declaration.Name is null) continue;
                string name = declaration.Name.Value.Text;
                switch (declaration.Kind)
                {
                    case DeclarationKind.Space:
                        if (declaration is SpaceDeclarationSyntax space)
                            Declare(_spaces, space, tree, SymbolKind.Space);
                        else if (!_spaces.ContainsKey(name))
                            _brokenSpaces.Add(name);
                        break;
                    case DeclarationKind.Persona: Declare(_personas, declaration, tree, SymbolKind.Persona); break;
                    case DeclarationKind.Goal: Declare(_goals, declaration, tree, SymbolKind.Goal); break;
                    case DeclarationKind.Scenario: Declare(_scenarios, declaration, tree, SymbolKind.Scenario); break;
                    case DeclarationKind.Suite: Declare(_suites, declaration, tree, SymbolKind.Suite); break;
                }
            }
        }
        _brokenSpaces.ExceptWith(_spaces.Keys);
    }

    private void Declare<T>(Dictionary<string, Declared<T>> table, T declaration, SyntaxTree tree, SymbolKind kind)
        where T : DeclarationSyntax
    {
        var name = declaration.Name!;
        if (table.TryGetValue(name.Value.Text, out var first))
        {
            Report(DiagnosticCatalogue.DuplicateDeclaration, tree, name.Value.Span, DeclarationSyntax.KindName(declaration.Kind), name.Value.Text, "at " + Where(first.Tree, first.Syntax.Name!.Value.Span));
            return;
        }
        table[name.Value.Text] = new Declared<T>(declaration, tree);
        _definitions.Add(new SymbolDefinition(Key(kind, name.Value.Text), tree.Path, name.Value.Span, declaration.Span));
    }

    private void DeclareCue(CueSyntax cue, SyntaxTree tree)
    {
        string name = cue.Name.Text;
        if (name == CueSymbol.Mirroring)
        {
            Report(DiagnosticCatalogue.DuplicateDeclaration, tree, cue.Name.Span, "cue", name, "built in");
            return;
        }
        if (_cues.TryGetValue(name, out var first) && first is not null)
        {
            Report(DiagnosticCatalogue.DuplicateDeclaration, tree, cue.Name.Span, "cue", name, "at " + Where(first.Tree, first.Syntax.Name.Span));
            return;
        }
        _cues[name] = new Declared<CueSyntax>(cue, tree);
        _definitions.Add(new SymbolDefinition(Key(SymbolKind.Cue, name), tree.Path, cue.Name.Span, cue.Span));
    }

    private IEnumerable<(TDecl Syntax, SyntaxTree Tree)> Declarations<TDecl>() where TDecl : DeclarationSyntax =>
        _trees.SelectMany(t => t.Root.Declarations.OfType<TDecl>().Select(d => (d, t)));

    /// <summary>True when the declaration is the one its name resolves to (not a duplicate).</summary>
    private static bool IsFirst<T>(Dictionary<string, Declared<T>> table, DeclarationSyntax declaration) where T : DeclarationSyntax =>
        declaration.Name is not null && table.TryGetValue(declaration.Name.Value.Text, out var d) && ReferenceEquals(d.Syntax, declaration);

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

    /// <summary>One key object per symbol in a compilation (references are many; their keys are few).</summary>
    private SymbolKey Key(SymbolKind kind, string name, string? container = null)
    {
        if (!_keys.TryGetValue((kind, name, container), out var key)) _keys[(kind, name, container)] = key = new SymbolKey(kind, name, container);
        return key;
    }

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

    /// <summary>Reports EMPS3008 for a member given twice; returns the first of each kind.</summary>
    private Dictionary<string, T> FirstMembers<T>(IEnumerable<T> members, string kindName, string owner, SyntaxTree tree, params string[] unique)
        where T : MemberSyntax
    {
        var first = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            string keyword = member.Head.Text;
            if (Array.IndexOf(unique, keyword) < 0) continue;
            if (first.ContainsKey(keyword))
                Report(DiagnosticCatalogue.DuplicateMember, tree, member.Head.Span, keyword, kindName, owner);
            else
                first[keyword] = member;
        }
        return first;
    }

    private static string Format(double value) => DiagnosticCatalogue.FormatNumber(value);

    // ---- errors on the model ---------------------------------------------------------------

    /// <summary>True when an error lies inside the declaration (a zero-width one at its very end included).</summary>
    private bool HasErrorsIn<T>(Declared<T> declared) where T : SyntaxNode
    {
        if (!_errorStarts.TryGetValue(declared.Tree.Path, out var starts)) return false;
        var span = declared.Syntax.FullSpan;
        foreach (int start in starts)
            if (start >= span.Start && start <= span.End) return true;
        return false;
    }

    /// <summary>A persona or goal in a broken space, or a scenario or suite using a broken persona or goal, is broken too.</summary>
    private static BoundModel PropagateErrors(BoundModel model)
    {
        var brokenSpaces = new HashSet<string>(model.Spaces.Where(s => s.HasErrors).Select(s => s.Name));
        var personas = model.Personas.Select(p => p.HasErrors || brokenSpaces.Contains(p.Space) ? p with { HasErrors = true } : p).ToEquatableArray();
        var goals = model.Goals.Select(g => g.HasErrors || brokenSpaces.Contains(g.Space) ? g with { HasErrors = true } : g).ToEquatableArray();
        var brokenPersonas = new HashSet<string>(personas.Where(p => p.HasErrors).Select(p => p.Name));
        var brokenGoals = new HashSet<string>(goals.Where(g => g.HasErrors).Select(g => g.Name));
        var scenarios = model.Scenarios
            .Select(s => s.HasErrors || brokenPersonas.Contains(s.Persona) || brokenGoals.Contains(s.Goal) ? s with { HasErrors = true } : s)
            .ToEquatableArray();
        var suites = model.Suites
            .Select(s => s.HasErrors || s.Personas.Any(brokenPersonas.Contains) || s.Goals.Any(brokenGoals.Contains) ? s with { HasErrors = true } : s)
            .ToEquatableArray();
        return model with { Personas = personas, Goals = goals, Scenarios = scenarios, Suites = suites };
    }
}
