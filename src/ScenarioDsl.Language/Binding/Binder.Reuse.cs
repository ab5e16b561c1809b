using System.Runtime.CompilerServices;
using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Syntax;

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
    private static readonly ConditionalWeakTable<DeclarationSyntax, ReuseSlot> Reuse = new();

    /// <summary>How many declarations were replayed from the reuse table (for tests and benchmarks).</summary>
    internal int ReusedDeclarations { get; private set; }

    private sealed class ReuseSlot
    {
        public volatile ReusedBinding? Value;
    }

    private sealed record ReusedBinding(object Environment, object Symbol, Diagnostic[] Diagnostics, SymbolReference[] References);

    /// <summary>
    /// Everything outside its own syntax that binding a persona or goal reads: the declared space
    /// names (suggestions for an unknown space), whether its space is broken, that space's
    /// dimensions, and the declared cue names (rules; empty for goals).
    /// </summary>
    private sealed record DeclarationEnvironment(
        EquatableArray<string> SpaceNames,
        bool SpaceBroken,
        EquatableArray<DimensionSymbol>? Dimensions,
        EquatableArray<string> CueNames);

    private EquatableArray<string>? _spaceNamesKey;

    private DeclarationEnvironment EnvironmentOf(SyntaxToken? spaceName, IReadOnlyDictionary<string, SpaceSymbol> spaces, EquatableArray<string> cueNames)
    {
        // In the order binding enumerates them: "did you mean" takes the first of equally close names.
        _spaceNamesKey ??= spaces.Keys.ToEquatableArray();
        string? name = spaceName is { IsMissing: false } t ? t.Text : null;
        bool broken = name is not null && _brokenSpaces.Contains(name);
        var dimensions = name is not null && spaces.TryGetValue(name, out var space) ? space.Dimensions : (EquatableArray<DimensionSymbol>?)null;
        return new DeclarationEnvironment(_spaceNamesKey.Value, broken, dimensions, cueNames);
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
        EquatableArray<DimensionSymbol>? GoalSpaceDimensions);

    private T BindReusing<T>(DeclarationSyntax declaration, object environment, Func<T> bind) where T : class
    {
        var slot = Reuse.GetValue(declaration, static _ => new ReuseSlot());
        if (slot.Value is { } reused && reused.Environment.Equals(environment) && reused.Symbol is T symbol)
        {
            foreach (var d in reused.Diagnostics) Add(d);
            _references.AddRange(reused.References);
            ReusedDeclarations++;
            return symbol;
        }

        int diagnosticsBefore = _diagnostics.Count, referencesBefore = _references.Count;
        var result = bind();
        slot.Value = new ReusedBinding(
            environment,
            result,
            _diagnostics.GetRange(diagnosticsBefore, _diagnostics.Count - diagnosticsBefore).ToArray(),
            _references.GetRange(referencesBefore, _references.Count - referencesBefore).ToArray());
        return result;
    }
}
