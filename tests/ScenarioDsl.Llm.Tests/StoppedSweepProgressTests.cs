using ScenarioDsl.Cli.Run;
using ScenarioDsl.Llm.Tests.Fakes;
using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Results;
using Spectre.Console;

namespace ScenarioDsl.Llm.Tests;

/// <summary>
/// The terminal's progress bar after a sweep that an LLM failure or Ctrl+C stopped: it shows how far the sweep got, not a
/// full bar over a scorecard of fewer runs than it went for.
/// </summary>
public class StoppedSweepProgressTests
{
    private static string Render(int total, int skipped, int finished)
    {
        var output = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 120;
        var scenario = TestScenarios.Worrier();
        var job = new RunJob(scenario, scenario.Seed, new GenericAgent());
        var record = RunRecords.From(scenario.RunAsync(job.Agent, job.Seed).AsTask().GetAwaiter().GetResult());
        new SpectreRunProgress(console).RunAsync(total, skipped, report =>
        {
            for (int i = 0; i < finished; i++) report(job, record);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
        return output.ToString();
    }

    [Fact]
    public void AStoppedSweepShowsHowFarItGot()
    {
        var text = Render(total: 10, skipped: 2, finished: 3);

        Assert.DoesNotContain("100%", text);
        Assert.Contains("50%", text);
        Assert.Contains("runs: 5 of 10, stopped", text);
    }

    [Fact]
    public void AFinishedSweepShowsAFullBar()
    {
        var text = Render(total: 4, skipped: 1, finished: 3);

        Assert.Contains("100%", text);
        Assert.DoesNotContain("stopped", text);
    }
}
