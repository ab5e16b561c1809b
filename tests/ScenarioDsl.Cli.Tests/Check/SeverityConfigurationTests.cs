using ScenarioDsl.Cli.Tests.Infrastructure;

namespace ScenarioDsl.Cli.Tests.Check;

/// <summary>The nearest .globalconfig above each file, then --severity, decide severities.</summary>
public sealed class SeverityConfigurationTests
{
    private const string LexicalError = "@\n";
    private const string OpenComment = "/* never closed\n";
    private const string OpenCommentMessage = "unterminated comment: '/*' has no closing '*/'";

    /// <summary>Clean but for EMPS3006 (a persona with no `says` without `when`) and EMPS2008 (energy cannot rise).</summary>
    private const string OnlyWarnings = """
        space Mood { calm [0, 1]  energy [0, 1] }
        cues { praise "well done" }
        persona Tired in Mood {
          start { calm: 0.2, energy: 0.1 }
          on praise => calm += 0.1
          says when calm > 0.5 "Better."
        }
        goal Energise in Mood { target { energy: 0.8 } }
        scenario WakeUp { persona Tired  goal Energise }

        """;

    [Fact]
    public void Warnings_alone_exit_0()
    {
        using var folder = new TempFolder();
        folder.Write("a.emps", OnlyWarnings);

        var result = folder.Run("check", "a.emps");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning EMPS3006", result.Out);
        Assert.Equal("0 errors, 2 warnings in 1 file\n", result.Error);
    }

    [Fact]
    public void A_globalconfig_raising_a_warning_to_an_error_makes_the_exit_code_1()
    {
        using var folder = new TempFolder();
        folder.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.EMPS3006.severity = error\n");
        folder.Write("a.emps", OnlyWarnings);

        var result = folder.Run("check", "a.emps");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error EMPS3006", result.Out);
        Assert.Contains("warning EMPS2008", result.Out);
    }

    [Fact]
    public void The_severity_option_can_raise_a_warning_to_an_error()
    {
        using var folder = new TempFolder();
        folder.Write("a.emps", OnlyWarnings);

        Assert.Equal(1, folder.Run("check", "a.emps", "--severity", "EMPS2008=error").ExitCode);
    }

    [Fact]
    public void A_globalconfig_can_turn_an_error_into_a_warning_and_the_exit_code_follows()
    {
        using var folder = new TempFolder();
        folder.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.EMPS0001.severity = warning\n");
        folder.Write("a.emps", LexicalError);

        var result = folder.Run("check", "a.emps");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("a.emps(1,1): warning EMPS0001: unexpected character '@'\n", result.Out);
        Assert.Equal("0 errors, 1 warning in 1 file\n", result.Error);
    }

    [Fact]
    public void Severity_none_hides_the_diagnostic()
    {
        using var folder = new TempFolder();
        folder.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.EMPS0001.severity = none\n");
        folder.Write("a.emps", LexicalError);

        var result = folder.Run("check", "a.emps", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("[]\n", result.Out);
    }

    [Fact]
    public void The_nearest_globalconfig_wins_and_configs_are_not_merged()
    {
        using var folder = new TempFolder();
        folder.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.EMPS0001.severity = none\ndotnet_diagnostic.EMPS0003.severity = none\n");
        folder.Write("top.emps", LexicalError);
        folder.Write("sub/.globalconfig", "is_global = true\ndotnet_diagnostic.EMPS0001.severity = warning\n");
        folder.Write("sub/deeper/low.emps", LexicalError + OpenComment);

        var result = folder.Run("check", ".");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "sub/deeper/low.emps(1,1): warning EMPS0001: unexpected character '@'\n" +
            $"sub/deeper/low.emps(2,1): error EMPS0003: {OpenCommentMessage}\n",
            result.Out);
    }

    [Fact]
    public void The_severity_option_overrides_the_globalconfig()
    {
        using var folder = new TempFolder();
        folder.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.EMPS0001.severity = none\n");
        folder.Write("a.emps", LexicalError);

        var result = folder.Run("check", "a.emps", "--severity", "emps0001=info");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("a.emps(1,1): info EMPS0001: unexpected character '@'\n", result.Out);
        Assert.Equal("0 errors, 0 warnings, 1 info in 1 file\n", result.Error);
    }

    [Fact]
    public void The_severity_option_can_be_repeated()
    {
        using var folder = new TempFolder();
        folder.Write("a.emps", LexicalError + OpenComment);

        var result = folder.Run("check", "a.emps", "--severity", "EMPS0001=none", "--severity", "EMPS0003=warning");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"a.emps(2,1): warning EMPS0003: {OpenCommentMessage}\n", result.Out);
    }

    [Fact]
    public void A_section_in_the_globalconfig_does_not_apply()
    {
        using var folder = new TempFolder();
        folder.Write(".globalconfig", "is_global = true\n[*.emps]\ndotnet_diagnostic.EMPS0001.severity = none\n");
        folder.Write("a.emps", LexicalError);

        Assert.Equal(1, folder.Run("check", "a.emps").ExitCode);
    }
}
