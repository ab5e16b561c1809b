using ScenarioDsl.Cli.Run;
using ScenarioDsl.Llm.Resilience;
using ScenarioDsl.Llm.Tests.Fakes;
using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Results;
using Spectre.Console;

namespace ScenarioDsl.Llm.Tests;

/// <summary>
/// What emps run shows of an LLM call waiting to try again: on a terminal a row under the progress bar while it waits (the
/// run, the turn, the reason, the attempt, the time left), gone when the call goes on; without one a line on standard error.
/// </summary>
public class RetryProgressTests
{
    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static async Task<(RunJob Job, RunRecord Record)> OneRun()
    {
        var scenario = TestScenarios.Worrier();
        var job = new RunJob(scenario, scenario.Seed, new GenericAgent());
        return (job, RunRecords.From(await scenario.RunAsync(job.Agent, job.Seed)));
    }

    /// <summary>
    /// The last frame the display drew: what follows its last control sequence (each frame starts by moving the cursor up over
    /// the previous one, the first by hiding the cursor). The display's own refresh
    /// thread may draw one of the state before a change too, but never after the frame a change draws at once.
    /// </summary>
    private static string LastFrame(string output)
    {
        var parts = System.Text.RegularExpressions.Regex.Split(output, @"\u001b\[[0-9;?]*[A-Za-z]");
        Assert.True(parts.Length > 1, "no frame was drawn");
        return parts[^1];
    }

    /// <summary>An interactive terminal without colours, <paramref name="width"/> columns wide, drawing into <paramref name="output"/>.</summary>
    private static IAnsiConsole Terminal(StringWriter output, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        return console;
    }

    [Fact]
    public async Task OnATerminalAWaitIsARowUnderTheBarUntilTheCallGoesOn()
    {
        var output = new StringWriter { NewLine = "\n" };
        var console = Terminal(output, width: 200);
        var time = new ManualTime(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var (job, record) = await OneRun();
        var first = new RetryWait(job.Label, 3, new LlmRetry(2, 5, "HTTP 429", TimeSpan.FromSeconds(12), 429));
        var second = new RetryWait("Other seed 1 generic", null, new LlmRetry(3, 5, "timed out after 60 s", TimeSpan.FromSeconds(4)));
        var progress = new SpectreRunProgress(console, time);
        string whileWaiting = "", afterTime = "", afterFirst = "", afterBoth = "";

        await progress.RunAsync(total: 3, skipped: 0, report =>
        {
            report(job, record);
            progress.RetryWaiting(first);
            whileWaiting = output.ToString();
            time.Now += TimeSpan.FromSeconds(9.5);
            int start = output.ToString().Length;
            progress.RetryWaiting(second);
            afterTime = LastFrame(output.ToString()[start..]);
            start = output.ToString().Length;
            progress.RetryWaitOver(first);
            afterFirst = LastFrame(output.ToString()[start..]);
            start = output.ToString().Length;
            progress.RetryWaitOver(second);
            afterBoth = LastFrame(output.ToString()[start..]);
            return Task.CompletedTask;
        });

        // Shown at once: the attempt and reason, the run and turn, the wait in the remaining-time column.
        Assert.Contains("retry 2 of 5 (HTTP 429): turn 3 of CalmTheWorrier seed 3 generic", whileWaiting);
        Assert.Contains("in 12 s", whileWaiting);
        // The time left counts down; a call of no known turn says none; several waits have a row each.
        Assert.Contains("in 2.5 s", afterTime);
        Assert.Contains("retry 3 of 5 (timed out after 60 s): Other seed 1 generic", afterTime);
        // Each row goes when its call goes on; the bar stays.
        Assert.DoesNotContain("HTTP 429", afterFirst);
        Assert.Contains("timed out after 60 s", afterFirst);
        Assert.DoesNotContain("retry", afterBoth);
        Assert.Contains("33%", afterBoth);
    }

    /// <summary>On a narrow terminal a waiting call's row is cut, not wrapped, and leaves the bar its room.</summary>
    [Fact]
    public async Task OnANarrowTerminalAWaitRowIsCutNotWrapped()
    {
        var output = new StringWriter { NewLine = "\n" };
        var console = Terminal(output, width: 120);
        var (job, record) = await OneRun();
        var progress = new SpectreRunProgress(console);
        string frame = "";

        await progress.RunAsync(total: 4, skipped: 0, report =>
        {
            report(job, record);
            var retry = new LlmRetry(2, 5, "connection closed", TimeSpan.FromSeconds(30));
            progress.RetryWaiting(new RetryWait("Worrier_Settle_s1 (suite Night) seed 1 llm:persona-aligned:some-long-model-name-2025-06", 4, retry));
            frame = LastFrame(output.ToString());
            return Task.CompletedTask;
        });

        var lines = frame.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Trim().Length > 0).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Contains("25%", lines[0]);
        Assert.StartsWith("retry 2 of 5 (connection closed): turn 4 of Worrier_Settle_s1", lines[1].TrimStart());
        Assert.Contains("…", lines[1]);
        Assert.DoesNotContain("model-name", frame);
        Assert.All(lines, l => Assert.True(l.Length <= 120, l));
        Assert.EndsWith("in 30 s", lines[1]);
    }

    [Fact]
    public async Task WithoutATerminalAWaitIsOneLineOnStandardError()
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var (job, record) = await OneRun();
        var progress = new PlainRunProgress(output, error);

        await progress.RunAsync(total: 2, skipped: 0, report =>
        {
            progress.RetryWaiting(new RetryWait(job.Label, 3, new LlmRetry(2, 5, "HTTP 429", TimeSpan.FromSeconds(2), 429)));
            progress.RetryWaitOver(new RetryWait(job.Label, 3, new LlmRetry(2, 5, "HTTP 429", TimeSpan.FromSeconds(2), 429)));
            progress.RetryWaiting(new RetryWait(null, null, new LlmRetry(2, 2, "connection refused", TimeSpan.FromMilliseconds(740))));
            report(job, record);
            return Task.CompletedTask;
        });

        Assert.Equal(
            "emps run: retrying CalmTheWorrier seed 3 generic, turn 3 (HTTP 429, attempt 2 of 5) in 2.0 s\n" +
            "emps run: retrying an LLM call (connection refused, attempt 2 of 2) in 0.7 s\n",
            error.ToString());
        Assert.StartsWith("[1/2] CalmTheWorrier seed 3 generic: ", output.ToString());
    }
}
