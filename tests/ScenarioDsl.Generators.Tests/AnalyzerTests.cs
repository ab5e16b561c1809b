using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ScenarioDsl.Generators.Tests.Infrastructure;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Diagnostics;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;
using LanguageSeverity = ScenarioDsl.Language.Diagnostics.DiagnosticSeverity;

namespace ScenarioDsl.Generators.Tests;

/// <summary>
/// The catalogue on the .emps lines: the generator reports the errors, the analyzer (CompilationWithAnalyzers) the
/// warnings and infos, and a build prints both.
/// </summary>
public sealed class AnalyzerTests
{
    /// <summary>What a build reports on .emps files: the generator's diagnostics, then the analyzer's.</summary>
    internal static ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> Analyze(params (string Path, string Text)[] files)
    {
        var (fromGenerator, fromAnalyzer) = Report(files);
        return fromGenerator.AddRange(fromAnalyzer);
    }

    private static (ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> Generator, ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> Analyzer) Report(
        params (string Path, string Text)[] files)
    {
        // Warnings stay warnings here (the harness's compilation makes every warning an error).
        var compilation = GeneratorHarness.CreateCompilation("namespace User { public static class Code { } }")
            .WithOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var texts = GeneratorHarness.Texts(files);
        GeneratorHarness.CreateDriver(texts).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var fromGenerator);
        var options = new AnalyzerOptions(texts.ToImmutableArray());
        var fromAnalyzer = generated.WithAnalyzers([new EmpsAnalyzer()], options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return (fromGenerator, fromAnalyzer);
    }

    [Fact]
    public void The_generator_reports_the_errors_and_the_analyzer_everything_else_each_once()
    {
        // The compiler stops before running analyzers when the C# declarations do not compile (a test naming a type
        // of a broken space, say), so only what the generator reports is printed then: the errors must be there.
        string text = DiagnosticSamples.ByCode["EMPS3006"] + "space Bad { a [1, 0] }\n";
        var (fromGenerator, fromAnalyzer) = Report(("/project/mixed.emps", text));
        var expected = EmpsCompilation.FromText(text, "/project/mixed.emps").Diagnostics;
        Assert.Contains(expected, d => d.Severity == LanguageSeverity.Error);
        Assert.Contains(expected, d => d.Severity != LanguageSeverity.Error);
        Assert.Equal(expected.Where(d => d.Severity == LanguageSeverity.Error).Select(d => d.Code), fromGenerator.Select(d => d.Id));
        Assert.All(fromGenerator, d => Assert.Equal(RoslynSeverity.Error, d.Severity));
        Assert.Equal(
            expected.Where(d => d.Severity != LanguageSeverity.Error).Select(d => d.Code).OrderBy(c => c, StringComparer.Ordinal),
            fromAnalyzer.Select(d => d.Id).OrderBy(c => c, StringComparer.Ordinal));
    }

    public static TheoryData<string> Codes => new(DiagnosticCatalogue.All.Select(d => d.Code));

    [Fact]
    public void Every_catalogue_code_has_a_sample()
    {
        Assert.Equal(DiagnosticCatalogue.All.Select(d => d.Code).OrderBy(c => c), DiagnosticSamples.ByCode.Keys.OrderBy(c => c));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_code_is_reported_at_its_location(string code)
    {
        string path = "/project/sample.emps";
        string text = DiagnosticSamples.ByCode[code];
        var expected = EmpsCompilation.FromText(text, path).Diagnostics.Where(d => d.Code == code).ToArray();
        Assert.True(expected.Length > 0, $"the sample for {code} does not trigger it");

        var reported = Analyze((path, text)).Where(d => d.Id == code).ToArray();
        Assert.Equal(expected.Length, reported.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            var span = reported[i].Location.GetLineSpan();
            Assert.Equal(path, span.Path);
            Assert.Equal(expected[i].Location.LineSpan.Start.Line, span.StartLinePosition.Line);
            Assert.Equal(expected[i].Location.LineSpan.Start.Character, span.StartLinePosition.Character);
            Assert.Equal(expected[i].Location.LineSpan.End.Line, span.EndLinePosition.Line);
            Assert.Equal(expected[i].Location.LineSpan.End.Character, span.EndLinePosition.Character);
            Assert.Equal(expected[i].Message, reported[i].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            var descriptor = DiagnosticCatalogue.All.Single(d => d.Code == code);
            Assert.Equal(Map(descriptor.DefaultSeverity), reported[i].Severity);
            Assert.Equal(descriptor.Category, reported[i].Descriptor.Category);
        }
    }

    private static RoslynSeverity Map(LanguageSeverity s) => s switch
    {
        LanguageSeverity.Error => RoslynSeverity.Error,
        LanguageSeverity.Warning => RoslynSeverity.Warning,
        LanguageSeverity.Info => RoslynSeverity.Info,
        _ => RoslynSeverity.Hidden,
    };

    [Fact]
    public void Syntax_error_lands_on_the_emps_line_and_column()
    {
        // Line 5 (1-based), the number after 'calm' where ':' was expected.
        var d = Analyze(("/project/a.emps", DiagnosticSamples.ByCode["EMPS0001"])).Single(x => x.Id == "EMPS0001");
        var span = d.Location.GetLineSpan();
        Assert.Equal(4, span.StartLinePosition.Line);
        Assert.Equal(33, span.StartLinePosition.Character);
        Assert.Equal(RoslynSeverity.Error, d.Severity);
    }

    [Fact]
    public void Names_are_global_across_files_and_each_file_gets_its_own_diagnostics()
    {
        var diagnostics = Analyze(
            ("/project/space.emps", "space Mood { calm [0, 1] }\n"),
            ("/project/persona.emps", "persona P in Mood { start { calm: 0.2 } says \"x\" }\ngoal G in Mood { target { calm: 0.9 } }\nscenario S { persona P goal G }\n"),
            ("/project/zdup.emps", "space Mood { other [0, 1] }\n"));
        // No unknown space: the persona file sees the space file.
        Assert.DoesNotContain(diagnostics, d => d.Id == "EMPS1002");
        var duplicate = Assert.Single(diagnostics, d => d.Id == "EMPS1001");
        Assert.Equal("/project/zdup.emps", duplicate.Location.GetLineSpan().Path);
    }

    [Fact]
    public void Descriptors_map_the_catalogue_one_to_one()
    {
        var analyzer = new EmpsAnalyzer();
        Assert.Equal(DiagnosticCatalogue.All.Count, analyzer.SupportedDiagnostics.Length);
        foreach (var d in DiagnosticCatalogue.All)
        {
            var r = analyzer.SupportedDiagnostics.Single(x => x.Id == d.Code);
            Assert.Equal(d.Title, r.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(d.Category, r.Category);
            Assert.Equal(Map(d.DefaultSeverity), r.DefaultSeverity);
            Assert.True(r.IsEnabledByDefault);
            Assert.Equal(d.HelpLink, r.HelpLinkUri);
        }
    }

    [Fact]
    public void Non_emps_additional_files_are_ignored()
    {
        Assert.Empty(Analyze(("/project/notes.txt", "space {{{ broken")));
    }
}
