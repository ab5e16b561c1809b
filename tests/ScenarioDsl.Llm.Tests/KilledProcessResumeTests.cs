using System.Text;
using ScenarioDsl.Cli;
using ScenarioDsl.Cli.Llm;
using ScenarioDsl.Llm.Clients;
using ScenarioDsl.Llm.Tests.Fakes;
using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Llm.Tests;

/// <summary>
/// A real <c>emps run --agent llm</c> process, killed mid-sweep (no chance to clean up) and started again with the
/// same --out, against the loopback fake server. Progress is observed, never timed: the server holds every request
/// after the first <see cref="AnsweredBeforeHold"/>, so the sweep cannot end before the kill, and the kill waits
/// until runs are in results.jsonl and both workers are blocked on a held request (nothing being written).
/// </summary>
public sealed class KilledProcessResumeTests : IDisposable
{
    private const string Key = "sk-killed-7e6d5c4b3a29";
    private const int AnsweredBeforeHold = 24;
    private const int Parallel = 2;

    /// <summary>Generous bounds for a slow, loaded machine; only a hung process or server reaches them.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "emps-llm-tests", Guid.NewGuid().ToString("N"));

    public KilledProcessResumeTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, ".globalconfig"), "is_global = true\n");
        // CalmTheWorrier and the suite's 8 cases, with both prompt variants: 18 runs of up to 4 calls each.
        File.WriteAllText(Path.Combine(_folder, "night.emps"), TestScenarios.Text.Replace("seeds    1..3", "seeds    1..8", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    /// <summary>Deterministic replies: they depend only on the conversation (and the seed the request carries).</summary>
    private static string Respond(FakeRequest request)
    {
        var last = request.LastMessage;
        int seed = request.Json.TryGetProperty("seed", out var s) ? s.GetInt32() : 0;
        if (last.Contains("mistake", StringComparison.Ordinal)) return seed % 2 == 0 ? "It sounds like that weighs on you." : "That makes sense; it sounds like a hard night.";
        return last.Contains("still", StringComparison.Ordinal) ? "That's understandable." : "I hear you.";
    }

    private static string[] Sweep(string endpoint, string outDirectory, bool record) =>
    [
        "run", "night.emps", "--agent", "llm", "--llm-prompt", "generic,persona-aligned",
        "--llm-endpoint", endpoint, "--llm-model", "fake-model", "--llm-timeout", "900",
        "--parallel", Parallel.ToString(System.Globalization.CultureInfo.InvariantCulture),
        .. record ? new[] { "--record", "cassettes" } : [],
        "--out", outDirectory,
    ];

    private string[] CompleteLines(string outDirectory, string file)
    {
        var text = RunCommandLlmTests.ReadShared(Path.Combine(_folder, outDirectory, file));
        int end = text.LastIndexOf('\n');
        return end < 0 ? [] : text[..end].Split('\n');
    }

    private static async Task WaitUntilAsync(Func<bool> condition, EmpsProcess process, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (process.HasExited) Assert.Fail($"emps exited before {describe()}:\n{process.Transcript}");
            if (DateTime.UtcNow > deadline) Assert.Fail($"still not {describe()} after {Patience.TotalMinutes} minutes:\n{process.Transcript}");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task AKilledEmpsRunProcessResumesWithEveryRunOnceAndTheUninterruptedResults()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = Respond;
        int answered = 0, held = 0, open = 0;
        server.Hold = async (_, token) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), token); // every reply is a little late
            if (Volatile.Read(ref open) == 0 && Interlocked.Increment(ref answered) > AnsweredBeforeHold)
            {
                // Held until the client goes away (the kill) or the server stops.
                Interlocked.Increment(ref held);
                try { await Task.Delay(Timeout.InfiniteTimeSpan, token); }
                finally { Interlocked.Decrement(ref held); }
            }
        };
        var environment = new Dictionary<string, string?> { [OpenAiCompatibleClient.ApiKeyVariable] = Key };
        string[] args = Sweep(server.Endpoint.ToString(), "out", record: true);
        const int total = 9 * 2;

        // First process: killed once some runs are written and both workers wait on a held reply.
        int before;
        using (var first = EmpsProcess.Start(_folder, environment, args))
        {
            await WaitUntilAsync(
                () => CompleteLines("out", ResultsFile.FileName).Length >= 3 && Volatile.Read(ref held) == Parallel,
                first,
                () => $"3 runs written and {Parallel} requests held ({CompleteLines("out", ResultsFile.FileName).Length} runs, {Volatile.Read(ref held)} held)");
            before = CompleteLines("out", ResultsFile.FileName).Length;

            first.Kill();

            Assert.True(await first.WaitForExitAsync(Patience), "the killed process did not exit");
            Assert.NotEqual(0, first.ExitCode);
            Assert.DoesNotContain("emps run: cancelled", first.Error);
        }
        Assert.InRange(before, 3, total - 1);
        Assert.Equal(before, CompleteLines("out", ResultsFile.FileName).Length);

        // Second process, same command and --out, nothing held: it runs only what is missing.
        Volatile.Write(ref open, 1);
        using (var second = EmpsProcess.Start(_folder, environment, args))
        {
            Assert.True(await second.WaitForExitAsync(Patience), $"the resumed sweep did not finish:\n{second.Transcript}");
            Assert.True(second.ExitCode == 0, second.Transcript);
            Assert.Contains($"resuming: {before} of {total} runs already in results.jsonl", second.Out);
            // One progress line ("[n/18] ...") per run it made.
            Assert.Equal(total - before, second.Out.Split('\n').Count(l => l.StartsWith('[') && l.Contains($"/{total}] ", StringComparison.Ordinal)));
        }

        // Every run exactly once, whole.
        var resumed = File.ReadAllText(Path.Combine(_folder, "out", ResultsFile.FileName), Encoding.UTF8);
        Assert.EndsWith("\n", resumed);
        var lines = resumed[..^1].Split('\n');
        var records = lines.Select(l => RunRecords.TryParse(l)).ToArray();
        Assert.All(records, Assert.NotNull);
        Assert.Equal(total, records.Length);
        Assert.Equal(total, records.Select(r => r!.Key).Distinct().Count());
        // ... with its usage line, once.
        var usage = CompleteLines("out", UsageFile.FileName);
        Assert.Equal(total, usage.Length);
        Assert.Equal(records.Select(r => r!.Key).Order(StringComparer.Ordinal), UsageFile.Read(Path.Combine(_folder, "out")).Select(u => u.Key).Order(StringComparer.Ordinal));

        // The same results as the same sweep never interrupted (in this process, no cassettes: straight from the server).
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int exit = EmpsCli.Run(Sweep(server.Endpoint.ToString(), "reference", record: false), new CliContext(output, error, _folder));
        Assert.True(exit == 0, output + error.ToString());
        var reference = File.ReadAllLines(Path.Combine(_folder, "reference", ResultsFile.FileName), Encoding.UTF8);
        Assert.Equal(reference.Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));

        // The key went to the server and nowhere else.
        Assert.Contains(server.Requests, r => r.Authorization == "Bearer " + Key);
        foreach (var file in Directory.GetFiles(_folder, "*", SearchOption.AllDirectories))
            Assert.DoesNotContain(Key, File.ReadAllText(file, Encoding.UTF8));
    }

    [Fact]
    public async Task CtrlCInARealEmpsRunProcessStopsItCleanlyKeepingTheFinishedRuns()
    {
        if (OperatingSystem.IsWindows()) return; // SIGINT is sent with kill(1); Windows has no equivalent for a console child
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = Respond;
        int answered = 0, held = 0;
        server.Hold = async (_, token) =>
        {
            if (Interlocked.Increment(ref answered) <= AnsweredBeforeHold) return;
            Interlocked.Increment(ref held);
            try { await Task.Delay(Timeout.InfiniteTimeSpan, token); }
            finally { Interlocked.Decrement(ref held); }
        };
        var environment = new Dictionary<string, string?> { [OpenAiCompatibleClient.ApiKeyVariable] = Key };
        using var run = EmpsProcess.Start(_folder, environment, Sweep(server.Endpoint.ToString(), "out", record: false));
        await WaitUntilAsync(
            () => CompleteLines("out", ResultsFile.FileName).Length >= 3 && Volatile.Read(ref held) == Parallel,
            run,
            () => $"3 runs written and {Parallel} requests held ({CompleteLines("out", ResultsFile.FileName).Length} runs, {Volatile.Read(ref held)} held)");
        int before = CompleteLines("out", ResultsFile.FileName).Length;

        // What a terminal sends on Ctrl+C.
        using (var kill = System.Diagnostics.Process.Start("kill", ["-INT", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();

        Assert.True(await run.WaitForExitAsync(Patience), $"emps did not stop after SIGINT:\n{run.Transcript}");
        Assert.True(run.ExitCode == 130, run.Transcript);
        Assert.True(run.Error.Contains("emps run: cancelled; run the same command again to resume.", StringComparison.Ordinal), run.Transcript);
        // The held calls were abandoned, not waited for; the finished runs are all there, whole, and nothing else.
        var text = File.ReadAllText(Path.Combine(_folder, "out", ResultsFile.FileName), Encoding.UTF8);
        Assert.EndsWith("\n", text);
        Assert.Equal(before, CompleteLines("out", ResultsFile.FileName).Length);
        Assert.All(CompleteLines("out", ResultsFile.FileName), l => Assert.NotNull(RunRecords.TryParse(l)));
    }
}
