using ScenarioDsl.Cli.Tests.Infrastructure;

namespace ScenarioDsl.Cli.Tests.Host;

public sealed class EmpsCliTests
{
    [Fact]
    public void Every_verb_has_a_distinct_name()
    {
        var names = Program.Verbs.Select(create => create().Name).ToList();

        Assert.Contains("check", names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("check", "--help")]
    public void Help_exits_0_and_goes_to_the_injected_writer(params string[] args)
    {
        var result = CliRunner.Run(TestPaths.ProjectDirectory, args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Out);
    }

    [Fact]
    public void A_bare_emps_shows_the_help_and_exits_2()
    {
        var result = CliRunner.Run(TestPaths.ProjectDirectory);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("check", result.Out);
    }
}
