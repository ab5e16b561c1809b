using System.Text;
using ScenarioDsl.Cli;
using ScenarioDsl.Cli.Llm;
using ScenarioDsl.Cli.Run;
using ScenarioDsl.Llm.Tests.Fakes;
using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Llm.Tests;

/// <summary>Shards, emps merge, parallel and resumed sweeps (the pieces emps run composes).</summary>
public sealed class SweepTests : IDisposable
{
    private const string Key = "sk-sweep-9a8b7c6d5e4f";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "emps-llm-tests", Guid.NewGuid().ToString("N"));

    public SweepTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    private CliContext Context(out StringWriter output, out StringWriter error)
    {
        output = new StringWriter { NewLine = "\n" };
        error = new StringWriter { NewLine = "\n" };
        return new CliContext(output, error, _folder);
    }

    private static RunJob[] Jobs(params IAgent[] agents) =>
        TestScenarios.Library().AllRuns().SelectMany(s => agents.Select(a => new RunJob(s, s.Seed, a))).ToArray();

    private static string[] Lines(string directory) =>
        File.ReadAllLines(Path.Combine(directory, ResultsFile.FileName)).Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(20)]
    public void ShardsAreDisjointBalancedAndCoverEveryJob(int count)
    {
        var jobs = Jobs(new GenericAgent(), new AlignedAgent());
        var shards = Enumerable.Range(1, count).Select(k => new Shard(k, count).Select(jobs, j => j.Key)).ToArray();
        var all = shards.SelectMany(s => s.Select(j => j.Key)).ToArray();
        Assert.Equal(jobs.Select(j => j.Key).Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        Assert.True(shards.Max(s => s.Count) - shards.Min(s => s.Count) <= 1);
        // Deterministic, whatever order the jobs come in.
        Assert.Equal(shards[0].Select(j => j.Key), new Shard(1, count).Select(jobs.Reverse().ToArray(), j => j.Key).Select(j => j.Key).Reverse());
    }

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("1")]
    [InlineData("a/b")]
    [InlineData("1/0")]
    public void BadShardsAreRejected(string text) => Assert.False(Shard.TryParse(text, out _, out _));

    private static async Task WriteShardAsync(string directory, IReadOnlyList<RunJob> jobs)
    {
        using var results = ResultsFile.Open(directory);
        foreach (var job in jobs) results.Append(RunRecords.From(await job.Scenario.RunAsync(job.Agent, job.Seed)));
    }

    [Fact]
    public async Task MergedShardsEqualTheUnshardedRun()
    {
        var jobs = Jobs(new GenericAgent(), new ValidatingAgent(), new SycophantAgent());
        var whole = Path.Combine(_folder, "whole");
        await WriteShardAsync(whole, jobs);
        for (int k = 1; k <= 3; k++) await WriteShardAsync(Path.Combine(_folder, $"shard{k}"), new Shard(k, 3).Select(jobs, j => j.Key));
        // A torn last line (a killed shard) is skipped, not merged.
        File.AppendAllText(Path.Combine(_folder, "shard2", ResultsFile.FileName), "{\"scenario\":\"torn");

        var context = Context(out var output, out var error);
        int exit = EmpsCli.Run(["merge", "shard1", "shard2", "shard3", "--out", "merged"], context);

        Assert.True(exit == 0, error.ToString());
        Assert.Equal(Lines(whole), Lines(Path.Combine(_folder, "merged")));
        Assert.True(File.Exists(Path.Combine(_folder, "merged", "report.html")));
        Assert.Contains($"merged {jobs.Length} runs from 3 folders ({jobs.Length} new)", output.ToString());
        // Merging again (or a shard twice) adds nothing and changes nothing.
        Assert.Equal(0, EmpsCli.Run(["merge", "shard1", "shard1", "shard3", "--out", "merged"], Context(out var again, out _)));
        Assert.Contains("(0 new)", again.ToString());
        Assert.Equal(Lines(whole), Lines(Path.Combine(_folder, "merged")));
    }

    [Fact]
    public async Task MergeRefusesConflictsAndMissingFolders()
    {
        var jobs = Jobs(new GenericAgent());
        await WriteShardAsync(Path.Combine(_folder, "a"), jobs.Take(1).ToArray());
        var other = RunRecords.From(await jobs[0].Scenario.RunAsync(new ScriptedAgent(["calm down"], new GenericAgent().Name), jobs[0].Seed));
        using (var b = ResultsFile.Open(Path.Combine(_folder, "b"))) b.Append(other);

        Assert.Equal(1, EmpsCli.Run(["merge", "a", "b", "--out", "m"], Context(out _, out var conflict)));
        Assert.Contains("hold different results for CalmTheWorrier seed 3 generic", conflict.ToString());
        Assert.Equal(2, EmpsCli.Run(["merge", "a", "absent", "--out", "m"], Context(out _, out var missing)));
        Assert.Contains("'absent' holds no results.jsonl", missing.ToString());
        Assert.Equal(2, EmpsCli.Run(["merge", "a"], Context(out _, out _)));
    }

    /// <summary>A conflict with what OUT already holds writes nothing: not the new runs sorted before the conflicting one either.</summary>
    [Fact]
    public async Task AConflictWithTheOutputFolderLeavesItUntouched()
    {
        var jobs = Jobs(new GenericAgent());
        Assert.True(jobs.Length >= 2);
        await WriteShardAsync(Path.Combine(_folder, "a"), jobs);
        var last = jobs.MaxBy(j => j.Key, StringComparer.Ordinal)!;
        var other = RunRecords.From(await last.Scenario.RunAsync(new ScriptedAgent(["calm down"], new GenericAgent().Name), last.Seed));
        var outResults = Path.Combine(_folder, "m", ResultsFile.FileName);
        using (var m = ResultsFile.Open(Path.Combine(_folder, "m"))) m.Append(other);
        var before = File.ReadAllBytes(outResults);

        Assert.Equal(1, EmpsCli.Run(["merge", "a", "--out", "m"], Context(out _, out var conflict)));

        Assert.Contains("already holds different results for", conflict.ToString());
        Assert.Equal(before, File.ReadAllBytes(outResults));
        Assert.False(File.Exists(Path.Combine(_folder, "m", "report.html")));
    }

    /// <summary>A --record folder that cannot be created (a file is in the way) is a usage error naming it, not an unhandled exception.</summary>
    [Fact]
    public void ARecordFolderThatCannotBeCreatedIsAUsageError()
    {
        File.WriteAllText(Path.Combine(_folder, "taken"), "a file, not a folder");
        File.WriteAllText(Path.Combine(_folder, "night.emps"), TestScenarios.Text);
        var request = new LlmRunRequest { Model = "m", Endpoint = "http://127.0.0.1:1/v1", Record = "taken" };
        using (var run = LlmRun.Create(request, ["llm"], Context(out _, out _), apiKey: null))
            Assert.Contains(run.Errors, e => e.StartsWith("--record: cannot create the cassette folder 'taken'", StringComparison.Ordinal));

        int exit = EmpsCli.Run(["run", "night.emps", "--agent", "llm", "--llm-endpoint", "http://127.0.0.1:1/v1", "--llm-model", "m", "--record", "taken", "--out", "out"],
            Context(out _, out var error));

        Assert.Equal(2, exit);
        Assert.Contains("cannot create the cassette folder 'taken'", error.ToString());
        Assert.DoesNotContain("   at ", error.ToString());
    }

    [Fact]
    public void LlmOptionsAreValidated()
    {
        var context = Context(out _, out _);
        string[] Errors(LlmRunRequest request, params string[] agents)
        {
            using var run = LlmRun.Create(request, agents, context, apiKey: null);
            return run.Errors.ToArray();
        }
        Assert.Contains("--agent llm needs --llm-model NAME", Errors(new LlmRunRequest { Endpoint = "http://127.0.0.1:1/v1" }, "llm"));
        Assert.Contains("--agent llm needs --llm-endpoint URL (or --replay DIR)", Errors(new LlmRunRequest { Model = "m" }, "llm"));
        Assert.Contains("--llm-endpoint must be an absolute http or https URL, not 'ftp://x'", Errors(new LlmRunRequest { Model = "m", Endpoint = "ftp://x" }, "llm"));
        Assert.Contains("--record and --replay cannot be used together", Errors(new LlmRunRequest { Model = "m", Endpoint = "http://127.0.0.1:1/v1", Record = "r", Replay = "r" }, "llm"));
        Assert.Contains("the cassette folder 'nowhere' does not exist", Errors(new LlmRunRequest { Model = "m", Replay = "nowhere" }, "llm"));
        File.WriteAllText(context.GetFullPath("a-file"), "");
        Assert.Contains("the cassette folder 'a-file' is a file, not a folder", Errors(new LlmRunRequest { Model = "m", Replay = "a-file" }, "llm"));
        Assert.Contains("unknown --llm-prompt 'chatty'; expected generic or persona-aligned", Errors(new LlmRunRequest { Model = "m", Endpoint = "http://127.0.0.1:1/v1", Prompts = ["chatty"] }, "llm"));
        Assert.Contains("--llm-endpoint, --llm-model, --llm-prompt, --record and --replay need --agent llm, --llm-persona or --llm-judge", Errors(new LlmRunRequest { Model = "m" }, "generic"));
        Assert.Contains("--shard expects K/N (for example 2/4), not 'x'", Errors(new LlmRunRequest { Shard = "x" }, "generic"));
        Assert.Empty(Errors(new LlmRunRequest { Model = "m", Endpoint = "http://127.0.0.1:1/v1", Prompts = ["generic,persona-aligned"] }, "llm", "llm:generic"));
        Assert.Contains("--llm-judge needs --llm-model NAME", Errors(new LlmRunRequest { CueJudge = true, Endpoint = "http://127.0.0.1:1/v1" }, "generic"));
        Assert.Empty(Errors(new LlmRunRequest { PersonaSpeech = true, Model = "m", Endpoint = "http://127.0.0.1:1/v1" }, "generic"));
    }

    [Theory]
    [InlineData("http://llm.example.invalid/v1", null, true)]
    [InlineData("https://10.1.2.3:8443/v1", "  ", true)]
    [InlineData("http://llm.example.invalid/v1", Key, false)]
    [InlineData("http://localhost:8080/v1", null, false)]
    [InlineData("http://127.0.0.1:8080/v1", null, false)]
    [InlineData("http://127.1.2.3:8080/v1", null, false)]
    [InlineData("http://[::1]:8080/v1", null, false)]
    public void AnEndpointOffThisMachineWithoutAKeyIsWarnedAbout(string endpoint, string? key, bool warned)
    {
        var context = Context(out _, out _);
        foreach (var request in new[]
        {
            new LlmRunRequest { Model = "m", Endpoint = endpoint },
            new LlmRunRequest { Model = "m", Endpoint = endpoint, DryRun = true },
        })
        {
            using var run = LlmRun.Create(request, ["llm"], context, key);
            Assert.Empty(run.Errors);
            if (!warned)
            {
                Assert.Empty(run.Warnings);
                continue;
            }
            var warning = Assert.Single(run.Warnings);
            Assert.Contains($"--llm-endpoint host '{new Uri(endpoint).Host}' is not this machine and EMPS_LLM_API_KEY is not set", warning);
            Assert.DoesNotContain("/v1", warning);
        }
        // The roles call the endpoint too.
        using (var roles = LlmRun.Create(new LlmRunRequest { Model = "m", Endpoint = endpoint, CueJudge = true }, ["generic"], context, key))
            Assert.Equal(warned ? 1 : 0, roles.Warnings.Count);
    }

    [Fact]
    public void AReplayIsNotWarnedAboutItsEndpoint()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "cassettes"));
        using var run = LlmRun.Create(new LlmRunRequest { Model = "m", Endpoint = "http://llm.example.invalid/v1", Replay = "cassettes" }, ["llm"], Context(out _, out _), null);
        Assert.Empty(run.Errors);
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public void ADryRunCountsRunsAndCallsWithoutCallingOrWriting()
    {
        var context = Context(out _, out _);
        using var run = LlmRun.Create(new LlmRunRequest { Model = "m", Endpoint = "http://127.0.0.1:1/v1", Prompts = ["generic,persona-aligned"], DryRun = true, Shard = "1/2" }, ["llm", "generic"], context, null);
        Assert.Empty(run.Errors);
        var jobs = run.Shard.Select(Jobs([.. run.Agents, new GenericAgent()]), j => j.Key);
        var text = run.DescribeDryRun(jobs, Path.Combine(_folder, "out"));
        int llmRuns = jobs.Count(j => LlmRun.IsLlmAgent(j.Agent.Name));
        Assert.Contains($"dry run: {jobs.Count} runs in shard 1/2, 0 already in results.jsonl, {jobs.Count} to run", text);
        Assert.Contains($"LLM calls: at most {llmRuns * 4} ({llmRuns} LLM runs", text);
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));
    }

    [Fact]
    public async Task AKilledParallelSweepResumesWithNothingLostOrDuplicated()
    {
        var outDirectory = Path.Combine(_folder, "out");
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = r => r.LastMessage.Contains("mistake", StringComparison.Ordinal) ? "It sounds like that weighs on you." : "That makes sense.";
        var request = new LlmRunRequest { Model = "fake-model", Endpoint = server.Endpoint.ToString(), Prompts = ["generic,persona-aligned"], Parallel = 3, TimeoutSeconds = 30 };
        var context = Context(out _, out _);
        int expected;

        // First attempt: cancelled (Ctrl+C) after two runs have finished.
        using (var run = LlmRun.Create(request, ["llm"], context, Key))
        {
            var jobs = Jobs([.. run.Agents]);
            expected = jobs.Length;
            using var results = ResultsFile.Open(outDirectory);
            using var interrupt = new CancellationTokenSource();
            int finished = 0;
            var outcome = await run.RunPendingAsync(jobs, results, outDirectory, (_, _) =>
            {
                if (++finished == 2) interrupt.Cancel();
            }, interrupt.Token);
            Assert.True(outcome.Cancelled);
            Assert.Null(outcome.Failure);
            Assert.InRange(results.Records.Count, 2, expected - 1);
        }
        // A torn line, as a kill during a write leaves.
        File.AppendAllText(Path.Combine(outDirectory, ResultsFile.FileName), "{\"scenario\":\"Worr");

        // Second attempt with the same --out: only the missing runs.
        using (var run = LlmRun.Create(request, ["llm"], context, Key))
        {
            var jobs = Jobs([.. run.Agents]);
            using var results = ResultsFile.Open(outDirectory);
            var pending = jobs.Where(j => !results.Contains(j.Key)).ToArray();
            Assert.NotEmpty(pending);
            var outcome = await run.RunPendingAsync(pending, results, outDirectory, (_, _) => { }, CancellationToken.None);
            Assert.Equal(new LlmRun.Outcome(false, null), outcome);
        }

        var records = File.ReadAllLines(Path.Combine(outDirectory, ResultsFile.FileName)).Select(l => RunRecords.TryParse(l)!).ToArray();
        Assert.Equal(expected, records.Length);
        Assert.Equal(expected, records.Select(r => r.Key).Distinct().Count());
        Assert.All(records, r => Assert.Equal(r.MaxTurns, r.Turns));
        // Every finished run has its usage line; nothing in the folder holds the key.
        var usage = UsageFile.Read(outDirectory);
        Assert.Equal(records.Select(r => r.Key).Order(StringComparer.Ordinal), usage.Select(u => u.Key).Order(StringComparer.Ordinal));
        Assert.All(usage, u => Assert.True(u.Calls == 4 && u.TotalTokens > 0));
        foreach (var file in Directory.GetFiles(outDirectory))
            Assert.DoesNotContain(Key, File.ReadAllText(file, Encoding.UTF8));
    }

    /// <summary>
    /// A kill during the usage line's write leaves a torn last line in llm-usage.jsonl: the resumed sweep's first usage line
    /// must not be glued to it (and lost with it).
    /// </summary>
    [Fact]
    public async Task AResumedSweepAfterATornUsageLineLosesNoUsage()
    {
        var outDirectory = Path.Combine(_folder, "torn-usage");
        await using var server = await FakeOpenAiServer.StartAsync();
        var request = new LlmRunRequest { Model = "fake-model", Endpoint = server.Endpoint.ToString(), TimeoutSeconds = 30 };
        var context = Context(out _, out _);
        await SweepAsync(request, context, outDirectory, jobs => jobs[..1]);
        File.AppendAllText(Path.Combine(outDirectory, UsageFile.FileName), "{\"scenario\":\"Worr");

        await SweepAsync(request, context, outDirectory);

        Assert.Equal(RecordKeys(outDirectory), UsageFile.Read(outDirectory).Select(u => u.Key).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// One sweep of the LLM agent into <paramref name="outDirectory"/>, as a resumed <c>emps run</c> makes it: the runs not in
    /// results.jsonl yet, among all of them or those <paramref name="pick"/> takes (at least two exist). Returns the runs made.
    /// </summary>
    private static async Task<RunJob[]> SweepAsync(LlmRunRequest request, CliContext context, string outDirectory, Func<RunJob[], RunJob[]>? pick = null)
    {
        using var run = LlmRun.Create(request, ["llm"], context, Key);
        var jobs = Jobs([.. run.Agents]);
        Assert.True(jobs.Length >= 2);
        using var results = ResultsFile.Open(outDirectory);
        var pending = (pick is null ? jobs : pick(jobs)).Where(j => !results.Contains(j.Key)).ToArray();
        Assert.Equal(new LlmRun.Outcome(false, null), await run.RunPendingAsync(pending, results, outDirectory, (_, _) => { }, CancellationToken.None));
        return pending;
    }

    /// <summary>The keys of the records in results.jsonl, in order.</summary>
    private static string[] RecordKeys(string outDirectory) =>
        File.ReadAllLines(Path.Combine(outDirectory, ResultsFile.FileName)).Select(l => RunRecords.TryParse(l)!.Key).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task AnLlmFailureStopsTheSweepAndKeepsFinishedRuns()
    {
        var outDirectory = Path.Combine(_folder, "failing");
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(new FakeStep(200, "That makes sense."), new FakeStep(200, "That makes sense."), new FakeStep(200, "That makes sense."), new FakeStep(200, "That makes sense."), new FakeStep(401));
        var request = new LlmRunRequest { Model = "fake-model", Endpoint = server.Endpoint.ToString(), TimeoutSeconds = 30 };
        using var run = LlmRun.Create(request, ["llm"], Context(out _, out _), Key);
        using var results = ResultsFile.Open(outDirectory);

        var outcome = await run.RunPendingAsync(Jobs([.. run.Agents]), results, outDirectory, (_, _) => { }, CancellationToken.None);

        Assert.False(outcome.Cancelled);
        Assert.Contains("HTTP 401", outcome.Failure);
        Assert.Single(results.Records);
    }

    /// <summary>
    /// A kill between a run's usage line and its results line leaves a usage line for a run the resumed sweep makes again:
    /// llm-usage.jsonl must still hold one line per finished run, so that a sum over its lines counts each run once.
    /// </summary>
    [Fact]
    public async Task AResumedSweepAfterAKillBetweenUsageAndResultsCountsEachRunOnce()
    {
        var outDirectory = Path.Combine(_folder, "usage-once");
        await using var server = await FakeOpenAiServer.StartAsync();
        var request = new LlmRunRequest { Model = "fake-model", Endpoint = server.Endpoint.ToString(), TimeoutSeconds = 30 };
        var context = Context(out _, out _);
        await SweepAsync(request, context, outDirectory);
        // The kill: the last run's usage line was written, its results line was not.
        var resultsPath = Path.Combine(outDirectory, ResultsFile.FileName);
        File.WriteAllLines(resultsPath, File.ReadAllLines(resultsPath)[..^1]);

        Assert.Single(await SweepAsync(request, context, outDirectory));

        var lines = File.ReadAllLines(Path.Combine(outDirectory, UsageFile.FileName));
        var keys = RecordKeys(outDirectory);
        Assert.Equal(keys.Length, lines.Length);
        Assert.Equal(keys, UsageFile.Read(outDirectory).Select(u => u.Key).Order(StringComparer.Ordinal));
    }

    /// <summary>emps merge writes the usage of the runs it holds, not the stray line of a run a killed shard never finished.</summary>
    [Fact]
    public async Task MergeLeavesOutTheUsageOfRunsItDoesNotHold()
    {
        var jobs = Jobs(new GenericAgent());
        Assert.True(jobs.Length >= 2);
        var shard = Path.Combine(_folder, "a");
        await WriteShardAsync(shard, jobs[..1]);
        var done = jobs[0].Scenario;
        var stray = jobs[1].Scenario;
        UsageFile.Append(shard, done.Suite, done.Name, jobs[0].Seed, jobs[0].Agent.Name, new Usage.RunUsage(3, 30, 3, 33, 1, 1));
        UsageFile.Append(shard, stray.Suite, stray.Name, jobs[1].Seed, jobs[1].Agent.Name, new Usage.RunUsage(5, 50, 5, 55, 1, 1));

        Assert.Equal(0, EmpsCli.Run(["merge", "a", "--out", "m"], Context(out _, out var error)));

        var merged = UsageFile.Read(Path.Combine(_folder, "m"));
        Assert.Equal([jobs[0].Key], merged.Select(u => u.Key));
        Assert.Single(File.ReadAllLines(Path.Combine(_folder, "m", UsageFile.FileName)));
    }
}
