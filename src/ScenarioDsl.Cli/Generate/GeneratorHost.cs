using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ScenarioDsl.Generators;
using RoslynSourceText = Microsoft.CodeAnalysis.Text.SourceText;

namespace ScenarioDsl.Cli.Generate;

/// <summary>
/// Runs the real <see cref="EmpsGenerator"/> in-process under Roslyn's <see cref="CSharpGeneratorDriver"/>, the
/// host the compiler itself uses, over .emps files given as additional files: the same pipeline, hint names,
/// namespace resolution and text as in a build. Nothing here reads, parses or emits .emps itself.
/// </summary>
public static class GeneratorHost
{
    /// <summary>The type whose presence in the compilation makes suite cases xunit-serializable (see docs/generator.md).</summary>
    private const string XunitStub = "namespace Xunit.Abstractions { public interface IXunitSerializable { } }";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The generated files, ordered by hint name (ordinal).</summary>
    /// <param name="files">Each .emps file's path (as a build passes it: absolute, it appears in <c>#line</c>) and text.</param>
    /// <param name="settings">The MSBuild namespace property and the xunit reference a build would give the generator.</param>
    /// <exception cref="GeneratorFailedException">The generator threw (a bug: it must never fail on any input).</exception>
    public static IReadOnlyList<GeneratedFile> Run(IEnumerable<(string Path, string Text)> files, GeneratorSettings settings)
    {
        var texts = files.Select(f => (AdditionalText)new EmpsAdditionalText(f.Path, f.Text)).ToImmutableArray();
        var driver = CSharpGeneratorDriver.Create(
            [new EmpsGenerator().AsSourceGenerator()],
            texts,
            ParseOptions,
            new BuildPropertiesProvider(settings.Namespace));

        // The generator reads nothing of the C# compilation but whether xunit v2's interface exists,
        // so an empty compilation (plus that interface when asked) is all a build would tell it.
        var compilation = CSharpCompilation.Create(
            "EmpsGenerate",
            settings.Xunit ? [CSharpSyntaxTree.ParseText(XunitStub, ParseOptions)] : [],
            [],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var result = driver.RunGenerators(compilation).GetRunResult();
        var run = result.Results.Single();
        if (run.Exception is { } exception) throw new GeneratorFailedException(exception);
        return run.GeneratedSources
            .Select(s => new GeneratedFile(s.HintName, s.SourceText.ToString()))
            .OrderBy(f => f.HintName, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>An .emps file as the compiler hands it to the generator.</summary>
    private sealed class EmpsAdditionalText(string path, string text) : AdditionalText
    {
        private readonly RoslynSourceText _text = RoslynSourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override RoslynSourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>The MSBuild properties the generator reads (<c>build_property.EmpsNamespace</c>), as the compiler passes them.</summary>
    private sealed class BuildPropertiesProvider(string? empsNamespace) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options None = new(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(
            empsNamespace is null
                ? ImmutableDictionary<string, string>.Empty
                : ImmutableDictionary<string, string>.Empty.Add("build_property.EmpsNamespace", empsNamespace));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
