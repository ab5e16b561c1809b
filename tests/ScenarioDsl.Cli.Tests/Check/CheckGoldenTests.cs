using ScenarioDsl.Cli.Output;
using ScenarioDsl.Cli.Tests.Infrastructure;

namespace ScenarioDsl.Cli.Tests.Check;

/// <summary>
/// <c>emps check</c> on the folders under TestData/check, compared with Golden/check/NAME.{txt,json,sarif}.
/// Runs in the test project folder, so paths print as TestData/check/NAME/... .
/// Regenerate with EMPS_UPDATE_BASELINES=1.
/// </summary>
public sealed class CheckGoldenTests
{
    /// <summary>lexical: encodings, line endings, lexer errors; semantic: one compilation over several
    /// files with errors, warnings and infos; configured: a .globalconfig in the folder changes severities.</summary>
    public static TheoryData<string> Inputs => ["lexical", "semantic", "configured"];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Text_output_matches_baseline(string name)
    {
        var result = Check(name);
        Baseline.AssertMatches($"Golden/check/{name}.txt", result.ToTranscript());
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Json_output_matches_baseline(string name)
    {
        var result = Check(name, "--format", "json");
        Assert.Equal("", result.Error);
        Baseline.AssertMatches($"Golden/check/{name}.json", result.Out);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Sarif_output_matches_baseline(string name)
    {
        var result = Check(name, "--format", "sarif");
        Assert.Equal("", result.Error);
        // The tool version changes with releases, not with behaviour: keep it out of the baseline.
        string normalized = result.Out.Replace(
            $"\"semanticVersion\": \"{SarifRenderer.ToolVersion}\"", "\"semanticVersion\": \"<version>\"", StringComparison.Ordinal);
        Baseline.AssertMatches($"Golden/check/{name}.sarif", normalized);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void All_formats_agree_on_the_exit_code(string name)
    {
        int text = Check(name).ExitCode;
        Assert.Equal(text, Check(name, "--format", "json").ExitCode);
        Assert.Equal(text, Check(name, "--format", "sarif").ExitCode);
    }

    private static CliResult Check(string name, params string[] options) =>
        CliRunner.Run(TestPaths.ProjectDirectory, ["check", $"TestData/check/{name}", .. options]);
}
