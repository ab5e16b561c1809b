using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ScenarioDsl.Generators;

namespace ScenarioDsl.Cli.Tests.Infrastructure;

/// <summary>
/// What the source generator emits when the compiler runs it, obtained as the generator tests obtain it
/// (tests/ScenarioDsl.Generators.Tests, GeneratorHarness): Roslyn's driver over in-memory additional files, MSBuild
/// properties as <c>build_property.*</c> options, and a compilation with real references (xunit.abstractions for an
/// xunit v2 project). It shares no code with <c>emps generate</c>, so the command is compared with the compiler's view.
/// </summary>
public static class GeneratorOracle
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>The generated files, hint name and text, ordered by hint name.</summary>
    public static IReadOnlyList<(string HintName, string Text)> Emit(IEnumerable<(string Path, string Text)> files, string? empsNamespace = null, bool xunit = false)
    {
        var driver = CSharpGeneratorDriver.Create(
            [new EmpsGenerator().AsSourceGenerator()],
            files.Select(f => (AdditionalText)new MemoryText(f.Path, f.Text)),
            ParseOptions,
            new Properties(empsNamespace is null ? [] : new Dictionary<string, string> { ["build_property.EmpsNamespace"] = empsNamespace }));
        var run = driver.RunGenerators(CreateCompilation([], xunit)).GetRunResult();
        Assert.All(run.Results, r => Assert.Null(r.Exception));
        return run.Results.SelectMany(r => r.GeneratedSources)
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The documented stdout of <c>emps generate</c> for these files: <c>// HINT</c> before each, a blank line between.</summary>
    public static string AsPrinted(IReadOnlyList<(string HintName, string Text)> files) =>
        string.Join("\n", files.Select(f => $"// {f.HintName}\n{f.Text}"));

    /// <summary>The framework, the runtime and (optionally) xunit.abstractions, with generated or other C# sources.</summary>
    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources, bool xunit)
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(ScenarioDsl.Runtime.Running.Scenario).Assembly.Location)
            .Append(typeof(ScenarioDsl.Language.Binding.BoundModel).Assembly.Location);
        if (xunit) paths = paths.Append(typeof(Xunit.Abstractions.IXunitSerializable).Assembly.Location);
        return CSharpCompilation.Create(
            "Generated_" + Guid.NewGuid().ToString("N"),
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    private sealed class MemoryText(string path, string text) : AdditionalText
    {
        private readonly Microsoft.CodeAnalysis.Text.SourceText _text = Microsoft.CodeAnalysis.Text.SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Properties(IReadOnlyDictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

        private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
