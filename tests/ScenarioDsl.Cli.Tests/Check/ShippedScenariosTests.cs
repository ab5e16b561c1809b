using ScenarioDsl.Cli.Tests.Infrastructure;

namespace ScenarioDsl.Cli.Tests.Check;

public sealed class ShippedScenariosTests
{
    [Fact]
    public void The_shipped_scenarios_check_clean()
    {
        var result = CliRunner.Run(TestPaths.RepositoryRoot, "check", "scenarios");

        Assert.True(result.ExitCode == 0 && result.Out == "", result.ToTranscript());
        Assert.StartsWith("0 errors, 0 warnings in ", result.Error);
    }
}
