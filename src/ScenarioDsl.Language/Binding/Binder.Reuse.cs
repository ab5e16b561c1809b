using System.Runtime.CompilerServices;
using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Syntax;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Binding;

/// <summary>
/// Reuse of unchanged declarations across compilations. Binding a persona, a goal or a scenario is
/// a pure function of its syntax and of a small environment (a persona or goal: the space it names,
/// the declared space and cue names; a scenario: the persona and goal it names); its result
/// (symbol, diagnostics, references) is remembered per declaration node. A later compilation that shares the node (an unchanged file: the editor's and the generator's
/// compilations reuse unchanged files' syntax trees) and has an equal environment replays the
/// result instead of binding again, so a keystroke rebinds one file, not the workspace. Entries
/// live as long as their syntax nodes (weak keys). Results are identical either way, which the
/// tests check against compilations of freshly parsed trees (which can reuse nothing).
/// </summary>
internal sealed partial class Binder
{
    private static readonly ConditionalWeakTable<SyntaxTree, Declared?[]> DeclaredByTree = new();

    /// <summary>
    /// The remembered objects of a tree's named declarations, by position in its root (null for cues,
    /// a broken space and a declaration without a name, which are declared from their syntax): made
    /// on the tree's first compilation, found with one lookup per tree in the next ones.
    /// </summary>
    private static Declared?[] DeclaredIn(SyntaxTree tree) => DeclaredByTree.GetValue(tree, static t => Declared.AllOf(t));

    /// <summary>How many declarations were replayed from the reuse table (for tests and benchmarks).</summary>
    internal int ReusedDeclarations { get; private set; }

    /// <summary>
    /// A named declaration with the tree it came from, and what the binder knows of it that no other
    /// file changes: its definition (with its symbol key), its C# identifier, the names it refers to.
    /// One object per syntax node, remembered with its tree (weak key, <see cref="DeclaredIn"/>), so a
    /// compilation that shares the tree declares it without reading its syntax or allocating; it also
    /// holds the node's last binding (<see cref="Binding"/>).
    /// </summary>
    private sealed class Declared
    {
        private Declared(DeclarationSyntax syntax, SyntaxTree tree, SymbolKind kind)
        {
            var name = syntax.Name!.Value;
            Syntax = syntax;
            Tree = tree;
            Name = name.Text;
            Identifier = IdentifierNaming.ToPascalCase(Name);
            Definition = new SymbolDefinition(new SymbolKey(kind, Name), tree.Path, name.Span, syntax.Span);
            var spaceName = syntax switch
            {
                PersonaDeclarationSyntax p => p.SpaceName,
                GoalDeclarationSyntax g => g.SpaceName,
                IncompleteDeclarationSyntax i => i.SpaceName,
                _ => null,
            };
            SpaceText = spaceName?.Text;
            SpaceMissing = spaceName?.IsMissing ?? false;
            if (syntax is ScenarioDeclarationSyntax scenario)
            {
                PersonaReference = FirstReferenceName(scenario, "persona");
                GoalReference = FirstReferenceName(scenario, "goal");
            }
        }

        public DeclarationSyntax Syntax { get; }

        public SyntaxTree Tree { get; }

        public string Name { get; }

        /// <summary>The name as a C# identifier (<see cref="IdentifierNaming.ToPascalCase"/>).</summary>
        public string Identifier { get; }

        public SymbolDefinition Definition { get; }

        public SymbolKey Key => Definition.Key;

        public SymbolKind Kind => Definition.Key.Kind;

        public TextSpan NameSpan => Definition.NameSpan;

        /// <summary>A persona's or goal's space name as written (empty when missing); null for other declarations or when absent.</summary>
        public string? SpaceText { get; }

        public bool SpaceMissing { get; }

        /// <summary>The usable space name of a persona or goal: null when absent or missing.</summary>
        public string? SpaceName => SpaceMissing ? null : SpaceText;

        /// <summary>A scenario's persona and goal names as its binding reads them (the first member of each keyword).</summary>
        public string? PersonaReference { get; }

        public string? GoalReference { get; }

        /// <summary>The last binding of a persona, goal or scenario, replayed while its environment is equal.</summary>
        public volatile ReusedBinding? Binding;

        /// <summary>A space's symbol as last bound: an equal one is used again (its dimensions then compare by reference).</summary>
        public volatile SpaceSymbol? BoundSpace;

        /// <summary>
        /// One object per named declaration of the tree (duplicates too: whether a declaration is the
        /// first of its name depends on the other files). Made again if two threads race: either serves.
        /// </summary>
        public static Declared?[] AllOf(SyntaxTree tree)
        {
            var declarations = tree.Root.Declarations;
            var result = new Declared?[declarations.Count];
            for (int i = 0; i < result.Length; i++)
            {
                var declaration = declarations[i];
                if (declaration.Name is null) continue;
                SymbolKind? kind = declaration.Kind switch
                {
                    DeclarationKind.Space when declaration is SpaceDeclarationSyntax => SymbolKind.Space,
                    DeclarationKind.Persona => SymbolKind.Persona,
                    DeclarationKind.Goal => SymbolKind.Goal,
                    DeclarationKind.Scenario => SymbolKind.Scenario,
                    DeclarationKind.Suite => SymbolKind.Suite,
                    _ => null,
                };
                if (kind is not null) result[i] = new Declared(declaration, tree, kind.Value);
            }
            return result;
        }
    }

    private sealed record ReusedBinding(object Environment, object Symbol, Diagnostic[] Diagnostics, SymbolReference[] References);

    /// <summary>
    /// Everything outside its own syntax that binding a persona or goal reads: the declared space
    /// names (suggestions for an unknown space), whether its space is broken or has a dimension
    /// that could not be read, that space's dimensions, and the declared cue names (rules; empty
    /// for goals).
    /// </summary>
    private sealed record DeclarationEnvironment(
        EquatableArray<string> SpaceNames,
        bool SpaceBroken,
        bool SpaceIncomplete,
        EquatableArray<DimensionSymbol>? Dimensions,
        EquatableArray<string> CueNames);

    private EquatableArray<string>? _spaceNamesKey;

    /// <summary>
    /// The environment of a persona or goal naming its space: one object per space
    /// name in a compilation (<paramref name="bySpace"/>). When the declaration's last binding has an
    /// equal environment from an earlier compilation, that object takes the place of this one, so the
    /// other declarations bound with it (after the first edit, nearly all) are recognised by reference.
    /// </summary>
    private DeclarationEnvironment EnvironmentOf(
        Declared declared, Dictionary<string, SpaceSymbol> spaces, EquatableArray<string> cueNames, Dictionary<string, DeclarationEnvironment> bySpace)
    {
        string? name = declared.SpaceName;
        string key = name ?? ""; // no space name is empty
        if (!bySpace.TryGetValue(key, out var environment))
        {
            // In the order binding enumerates them: "did you mean" takes the first of equally close names.
            _spaceNamesKey ??= new EquatableArray<string>(spaces.Keys.ToArray());
            bool broken = name is not null && _brokenSpaces.Contains(name);
            bool incomplete = name is not null && _incompleteSpaces.Contains(name);
            var dimensions = name is not null && spaces.TryGetValue(name, out var space) ? space.Dimensions : (EquatableArray<DimensionSymbol>?)null;
            bySpace[key] = environment = new DeclarationEnvironment(_spaceNamesKey.Value, broken, incomplete, dimensions, cueNames);
        }
        if (declared.Binding?.Environment is DeclarationEnvironment earlier && !ReferenceEquals(earlier, environment) && earlier.Equals(environment))
            bySpace[key] = environment = earlier;
        return environment;
    }

    /// <summary>
    /// What binding a scenario reads besides its syntax: the persona and goal it names as bound (or,
    /// when a name does not resolve, all names of that kind, for the suggestion) and the dimensions of
    /// the goal's space (the pair checks).
    /// </summary>
    private sealed record ScenarioEnvironment(
        PersonaSymbol? Persona,
        EquatableArray<string>? PersonaNames,
        GoalSymbol? Goal,
        EquatableArray<string>? GoalNames,
        EquatableArray<DimensionSymbol>? GoalSpaceDimensions)
    {
        /// <summary>Equality with an environment of these values, without making it (symbols compared by reference first).</summary>
        public bool Is(
            PersonaSymbol? persona, EquatableArray<string>? personaNames, GoalSymbol? goal, EquatableArray<string>? goalNames,
            EquatableArray<DimensionSymbol>? goalSpaceDimensions) =>
            Same(Persona, persona) && Nullable.Equals(PersonaNames, personaNames)
            && Same(Goal, goal) && Nullable.Equals(GoalNames, goalNames)
            && Nullable.Equals(GoalSpaceDimensions, goalSpaceDimensions);

        private static bool Same<T>(T? a, T? b) where T : class => ReferenceEquals(a, b) || (a is not null && a.Equals(b));
    }

    /// <summary>
    /// Replays the declaration's last binding when it was made in an equal environment: its
    /// diagnostics and references are added as if bound again, and its symbol returned.
    /// </summary>
    private bool TryReplay<T>(Declared declared, object environment, out T symbol) where T : class
    {
        if (declared.Binding is { } reused && reused.Symbol is T remembered
            && (ReferenceEquals(reused.Environment, environment) || reused.Environment.Equals(environment)))
        {
            foreach (var d in reused.Diagnostics) Add(d);
            _references.AddRange(reused.References);
            ReusedDeclarations++;
            symbol = remembered;
            return true;
        }
        symbol = null!;
        return false;
    }

    /// <summary>Where the output of the binding about to start begins (see <see cref="Remember"/>).</summary>
    private (int Diagnostics, int References) Mark() => (_diagnostics.Count, _references.Count);

    /// <summary>Remembers a binding (its symbol, and the diagnostics and references since <paramref name="start"/>) for later compilations.</summary>
    private void Remember(Declared declared, object environment, object symbol, (int Diagnostics, int References) start)
    {
        int count = _diagnostics.Count - start.Diagnostics;
        var diagnostics = count == 0 ? Array.Empty<Diagnostic>() : new Diagnostic[count];
        _diagnostics.CopyTo(start.Diagnostics, diagnostics, 0, count);
        declared.Binding = new ReusedBinding(environment, symbol, diagnostics, _references.ShareSince(start.References));
    }
}
