using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ScenarioDsl.Generators;

namespace ScenarioDsl.Benchmarks.Generators;

/// <summary>Inputs shared by the generator benchmarks: .emps texts, an in-memory C# compilation, a driver.</summary>
internal static class BenchmarkInputs
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static string SpaceFile => """
        space Mood "How one feels" {
          calm [0, 1] "calmness"
          trust [-1, 1]
          energy [0, 1]
        }
        cues {
          kind "that makes sense", "understandable"
          ask "?"
          push "you should"
        }
        """;

    public static string PersonaFile(int i, double start) => $$"""
        // persona file {{i}}
        persona P{{i}} in Mood {
          about "Persona number {{i}}"
          start { calm: {{start.ToString(CultureInfo.InvariantCulture)}}, trust: 0, energy: 0.5 }
          opens "I am persona {{i}} and I am not fine."
          on kind => calm += 0.1, trust += 0.05
          on ask when calm < 0.5 => trust += 0.05
          on push when calm < 0.3 => calm -= 0.05, energy -= 0.02
          on mirroring => trust += 0.02
          drift 0.05
          says when calm > 0.7 "better now"
          says "hm"
        }
        goal G{{i}} in Mood "calm down" { target { calm: 0.9 } turns 12 }
        scenario S{{i}} { persona P{{i}} goal G{{i}} seed {{i}} }
        """;

    public static AdditionalText[] Files(int count)
    {
        var texts = new List<AdditionalText> { new Text("/bench/space.emps", SpaceFile) };
        for (int i = 1; i < count; i++) texts.Add(new Text(PersonaPath(i), PersonaFile(i, 0.2)));
        return texts.ToArray();
    }

    public static string PersonaPath(int i) => $"/bench/persona{i:D4}.emps";

    public static CSharpCompilation Compilation(params SyntaxTree[] trees) => CSharpCompilation.Create(
        "Bench",
        trees,
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll")
            .Append(typeof(ScenarioDsl.Runtime.Running.Scenario).Assembly.Location)
            .Append(typeof(ScenarioDsl.Language.Binding.BoundModel).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> texts, IIncrementalGenerator? generator = null, bool track = false) => CSharpGeneratorDriver.Create(
        [(generator ?? new EmpsGenerator()).AsSourceGenerator()],
        texts,
        ParseOptions,
        new Options(),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    internal sealed class Text(string path, string text) : AdditionalText
    {
        private readonly Microsoft.CodeAnalysis.Text.SourceText _text = Microsoft.CodeAnalysis.Text.SourceText.From(text);

        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        private static readonly Values Global = new(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Bench.Generated" });
        private static readonly Values None = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions => Global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

        private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
