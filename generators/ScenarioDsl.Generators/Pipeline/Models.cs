using ScenarioDsl.Language.Binding;

namespace ScenarioDsl.Generators.Pipeline;

// Everything the pipeline caches on: sealed records of strings, numbers and EquatableArray, with value
// equality. No ISymbol, SyntaxNode, Compilation or language-core syntax tree (a test walks them by reflection).

/// <summary>One .emps file: its path (as the compiler names it) and its text.</summary>
internal sealed record EmpsFileInput(string Path, string Text);

/// <summary>
/// What the generator takes from the compilation of all .emps files: the bound model it emits from, and the diagnostics
/// it reports itself (those of error severity, <see cref="EmpsAnalyzer.IsReportedByGenerator"/>), in the core's order.
/// </summary>
internal sealed record BoundFiles(BoundModel Model, EquatableArray<ScenarioDsl.Language.Diagnostics.Diagnostic> Errors)
{
    public static BoundFiles Of(EmpsCompilation compilation) =>
        new(compilation.Model, compilation.Diagnostics.Where(EmpsAnalyzer.IsReportedByGenerator).ToEquatableArray());
}

/// <summary>
/// Where generated code goes: a C# namespace, or empty for the global namespace. <paramref name="XunitSerializable"/>:
/// the compilation references xunit v2's <c>Xunit.Abstractions.IXunitSerializable</c>, so suite cases implement it.
/// </summary>
internal sealed record EmitOptions(string Namespace, bool XunitSerializable = false);

/// <summary>
/// One generated file: the declarations of one .emps file in source order (<c>name.emps.g.cs</c>), or the cue list
/// (<c>Cues.g.cs</c>). One file per .emps file, not per declaration: Roslyn re-adds every output of a generator on
/// every run and checks each hint name against the ones added before it (linear in the count), so the number of
/// outputs costs quadratic time on every keystroke (docs/performance.md).
/// </summary>
internal sealed record EmitFile(string HintName, string Namespace, EquatableArray<EmitModel> Declarations);

/// <summary>The generated code of one declaration (a member of an <see cref="EmitFile"/>).</summary>
internal abstract record EmitModel(string Namespace);

/// <summary>A dimension as generated code names it.</summary>
internal sealed record DimensionModel(string Name, string Identifier, double Low, double High, string? Description);

/// <summary><c>&lt;Space&gt;State</c> and <c>Spaces.&lt;Space&gt;</c>.</summary>
internal sealed record SpaceModel(
    string Namespace,
    string Name,
    string Identifier,
    string StateType,
    string? Description,
    EquatableArray<DimensionModel> Dimensions) : EmitModel(Namespace);

/// <summary>Every declared cue (not the built-in <c>mirroring</c>), in declaration order.</summary>
internal sealed record CuesModel(string Namespace, EquatableArray<CueModel> Cues) : EmitModel(Namespace);

internal sealed record CueModel(string Name, EquatableArray<string> Phrases);

/// <summary>A dimension's closed range, a constant of a persona's compiled step.</summary>
internal sealed record RangeModel(double Low, double High);

/// <summary>
/// <c>Personas.&lt;Persona&gt;</c> with compiled rules and a compiled state update, whose constants include the
/// ranges of the persona's space (<paramref name="Ranges"/>, dimension order): a range edit re-emits the persona.
/// </summary>
internal sealed record PersonaModel(
    string Namespace,
    string Identifier,
    string StateType,
    string SpaceIdentifier,
    EquatableArray<string> DimensionIdentifiers,
    EquatableArray<RangeModel> Ranges,
    PersonaSymbol Persona) : EmitModel(Namespace);

/// <summary><c>Goals.&lt;Goal&gt;</c>.</summary>
internal sealed record GoalModel(
    string Namespace,
    string Identifier,
    string StateType,
    string SpaceIdentifier,
    GoalSymbol Goal) : EmitModel(Namespace);

/// <summary><c>Scenarios.&lt;Scenario&gt;</c>.</summary>
internal sealed record ScenarioModel(
    string Namespace,
    string Name,
    string Identifier,
    string StateType,
    string PersonaIdentifier,
    string GoalIdentifier,
    int Seed) : EmitModel(Namespace);

/// <summary>One case of a suite.</summary>
internal sealed record SuiteCaseModel(string Name, string PersonaIdentifier, string GoalIdentifier, int Seed);

/// <summary>
/// <c>Suites.&lt;Suite&gt;</c>, a nested static class with <c>Cases</c> and its row type <c>Case</c>, which implements
/// xunit v2's <c>IXunitSerializable</c> when <paramref name="XunitSerializable"/>.
/// </summary>
internal sealed record SuiteModel(
    string Namespace,
    string Name,
    string Identifier,
    string StateType,
    EquatableArray<SuiteCaseModel> Cases,
    bool XunitSerializable) : EmitModel(Namespace);
