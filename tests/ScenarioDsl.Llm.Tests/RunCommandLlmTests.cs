using System.Text;
using ScenarioDsl.Cli;
using ScenarioDsl.Cli.Commands;
using ScenarioDsl.Cli.Llm;
using ScenarioDsl.Cli.Run;
using ScenarioDsl.Llm.Clients;
using ScenarioDsl.Llm.Tests.Fakes;
using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Llm.Tests;

/// <summary><c>emps run --agent llm</c> end to end (in process) against the loopback fake server: record, replay, shards, dry run.</summary>
public sealed class RunCommandLlmTests : IDisposable
{
    private const string Key = "sk-cli-0123456789abcdef";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "emps-llm-tests", Guid.NewGuid().ToString("N"));

    public RunCommandLlmTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, ".globalconfig"), "is_global = true\n");
        File.WriteAllText(Path.Combine(_folder, "night.emps"), TestScenarios.Text);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    private (int Exit, string Out, string Error) Emps(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int exit = EmpsCli.Run(args, new CliContext(output, error, _folder));
        return (exit, output.ToString(), error.ToString());
    }

    private string Results(string dir) => File.ReadAllText(Path.Combine(_folder, dir, "results.jsonl"), Encoding.UTF8);

    private static string[] SortedLines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task RecordThenReplayThroughEmpsRunGivesIdenticalResultsAndWritesNoKey()
    {
        int calls;
        var previous = Environment.GetEnvironmentVariable(OpenAiCompatibleClient.ApiKeyVariable);
        try
        {
            Environment.SetEnvironmentVariable(OpenAiCompatibleClient.ApiKeyVariable, Key);
            await using var server = await FakeOpenAiServer.StartAsync();
            server.Responder = r => r.LastMessage.Contains("mistake", StringComparison.Ordinal) ? "It sounds like that weighs on you." : "That makes sense.";
            var recorded = Emps("run", "night.emps", "--agent", "llm,aligned", "--llm-endpoint", server.Endpoint.ToString(), "--llm-model", "fake-model",
                "--llm-prompt", "generic,persona-aligned", "--record", "cassettes", "--parallel", "2", "--out", "recorded");
            Assert.True(recorded.Exit == 0, recorded.Out + recorded.Error);
            calls = server.RequestCount;
            Assert.True(calls > 0);
            Assert.All(server.Requests, r => Assert.Equal("Bearer " + Key, r.Authorization));
        }
        finally
        {
            Environment.SetEnvironmentVariable(OpenAiCompatibleClient.ApiKeyVariable, previous);
        }

        // No server, no endpoint, no key.
        var replayed = Emps("run", "night.emps", "--agent", "llm,aligned", "--llm-model", "fake-model",
            "--llm-prompt", "generic,persona-aligned", "--replay", "cassettes", "--out", "replayed");
        Assert.True(replayed.Exit == 0, replayed.Out + replayed.Error);

        Assert.Equal(SortedLines(Results("recorded")), SortedLines(Results("replayed")));
        Assert.Equal(4 * 3, SortedLines(Results("replayed")).Length);
        Assert.Contains("llm:persona-aligned:fake-model", replayed.Out);
        var usage = File.ReadAllLines(Path.Combine(_folder, "replayed", "llm-usage.jsonl"));
        Assert.Equal(4 * 2, usage.Length);
        foreach (var file in Directory.GetFiles(_folder, "*", SearchOption.AllDirectories))
            Assert.DoesNotContain(Key, File.ReadAllText(file, Encoding.UTF8));

        // A different model is not in the cassettes: a clear failure, exit 1, nothing invented.
        var miss = Emps("run", "night.emps", "--agent", "llm", "--llm-model", "other-model", "--replay", "cassettes", "--out", "miss");
        Assert.Equal(1, miss.Exit);
        Assert.Contains("no cassette entry for this LLM request", miss.Error);
        Assert.Contains("run the same command again to resume", miss.Error);
    }

    /// <summary>An endpoint that echoes the key in its error body: emps run's failure message names the error, never the key.</summary>
    [Fact]
    public async Task AKeyEchoedInAnErrorBodyIsNotPrintedByEmpsRun()
    {
        var previous = Environment.GetEnvironmentVariable(OpenAiCompatibleClient.ApiKeyVariable);
        try
        {
            Environment.SetEnvironmentVariable(OpenAiCompatibleClient.ApiKeyVariable, Key);
            await using var server = await FakeOpenAiServer.StartAsync();
            server.Enqueue(new FakeStep(401, $"Incorrect API key provided: {Key}"));
            var run = Emps("run", "night.emps", "--agent", "llm", "--llm-endpoint", server.Endpoint.ToString(), "--llm-model", "fake-model",
                "--record", "cassettes", "--out", "out");

            Assert.Equal(1, run.Exit);
            Assert.Contains("HTTP 401", run.Error);
            Assert.Contains("Incorrect API key provided: [key redacted]", run.Error);
            Assert.DoesNotContain(Key, run.Out + run.Error);
            foreach (var file in Directory.GetFiles(_folder, "*", SearchOption.AllDirectories))
                Assert.DoesNotContain(Key, File.ReadAllText(file, Encoding.UTF8));
        }
        finally
        {
            Environment.SetEnvironmentVariable(OpenAiCompatibleClient.ApiKeyVariable, previous);
        }
    }

    [Fact]
    public void ShardedRunsMergedEqualTheUnshardedRun()
    {
        Assert.Equal(0, Emps("run", "night.emps", "--agent", "generic,aligned,sycophant", "--out", "whole").Exit);
        for (int k = 1; k <= 3; k++)
            Assert.Equal(0, Emps("run", "night.emps", "--agent", "generic,aligned,sycophant", "--shard", $"{k}/3", "--out", $"s{k}").Exit);
        Assert.NotEqual(SortedLines(Results("whole")).Length, SortedLines(Results("s1")).Length);

        var merged = Emps("merge", "s1", "s2", "s3", "--out", "merged");

        Assert.True(merged.Exit == 0, merged.Error);
        Assert.Equal(SortedLines(Results("whole")), SortedLines(Results("merged")));
    }

    [Fact]
    public void ADryRunCountsAndWritesNothing()
    {
        var dry = Emps("run", "night.emps", "--agent", "llm,generic", "--llm-endpoint", "http://127.0.0.1:9/v1", "--llm-model", "m", "--dry-run", "--out", "dry");

        Assert.True(dry.Exit == 0, dry.Error);
        Assert.Contains("dry run: 8 runs, 0 already in results.jsonl, 8 to run", dry.Out);
        Assert.Contains("LLM calls: at most 16 (4 LLM runs", dry.Out);
        Assert.False(Directory.Exists(Path.Combine(_folder, "dry")));
    }

    [Fact]
    public async Task TheLlmPersonaAndJudgeRolesAreSelectablePerRun()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = r => r.MessageText(0).StartsWith("You judge", StringComparison.Ordinal) ? "{\"cues\":[\"validation\"]}" : "It still bothers me.";

        var run = Emps("run", "night.emps", "--agent", "generic", "--llm-persona", "--llm-judge", "--llm-endpoint", server.Endpoint.ToString(), "--llm-model", "fake-model", "--out", "roles");

        Assert.True(run.Exit == 0, run.Out + run.Error);
        var lines = SortedLines(Results("roles"));
        Assert.Equal(4, lines.Length);
        Assert.All(lines, l => Assert.Contains("It still bothers me.", l));
        Assert.All(lines, l => Assert.Equal("generic+llm-persona:fake-model+llm-judge:fake-model", RunRecords.TryParse(l)!.Agent));
        Assert.True(server.RequestCount > 4);
        // Every call the roles made is counted, one line per run (there was no llm-usage.jsonl for reference agents with roles).
        var usage = File.ReadAllLines(Path.Combine(_folder, "roles", "llm-usage.jsonl")).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(4, usage.Length);
        Assert.All(usage, u => Assert.Equal("generic+llm-persona:fake-model+llm-judge:fake-model", u.GetProperty("agent").GetString()));
        Assert.Equal(server.RequestCount, usage.Sum(u => u.GetProperty("calls").GetInt32()));
        Assert.Equal(server.RequestCount, usage.Sum(u => u.GetProperty("roleCalls").GetInt32()));

        // The preview is an upper bound of what the run made: the judge also reads every draft generic tries (up to six a turn).
        var dry = Emps("run", "night.emps", "--agent", "generic", "--llm-persona", "--llm-judge", "--llm-endpoint", server.Endpoint.ToString(), "--llm-model", "fake-model", "--dry-run", "--out", "roles2");
        var bound = System.Text.RegularExpressions.Regex.Match(dry.Out, @"LLM calls: at most (\d+) \(4 LLM runs");
        Assert.True(bound.Success, dry.Out);
        Assert.True(server.RequestCount <= int.Parse(bound.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), $"{server.RequestCount} calls made, {dry.Out}");
        Assert.Contains("LLM calls: at most 128 (4 LLM runs", dry.Out); // 4 runs x 4 turns x (persona 1 + judge 1 + 6 drafts)
    }

    [Fact]
    public async Task LlmRoleOptionsArePartOfTheResumeKey()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        // The judge finds validation in every reply (the generic agent's words alone do not all say it).
        server.Responder = r => r.MessageText(0).StartsWith("You judge", StringComparison.Ordinal) ? "{\"cues\":[\"validation\"]}" : "It still bothers me.";
        (int Exit, string Out, string Error) Sweep(params string[] roles) => roles.Length == 0
            ? Emps("run", "night.emps", "--agent", "generic", "--out", "sweep")
            : Emps(["run", "night.emps", "--agent", "generic", .. roles, "--llm-endpoint", server.Endpoint.ToString(), "--llm-model", "fake-model", "--out", "sweep"]);
        Dictionary<string, RunRecord[]> ByAgent() => SortedLines(Results("sweep")).Select(l => RunRecords.TryParse(l)!)
            .GroupBy(r => r.Agent).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Key, StringComparer.Ordinal).ToArray());

        var judged = Sweep("--llm-judge");
        Assert.True(judged.Exit == 0, judged.Out + judged.Error);
        int calls = server.RequestCount;

        // The same --out without the judge reuses nothing: four runs of its own, with no LLM call.
        var plain = Sweep();
        Assert.True(plain.Exit == 0, plain.Out + plain.Error);
        Assert.DoesNotContain("resuming", plain.Out);
        Assert.Equal(calls, server.RequestCount);
        // The persona role, and both roles, are other runs again; the model of the roles is part of the name.
        Assert.Equal(0, Sweep("--llm-persona").Exit);
        Assert.Equal(0, Sweep("--llm-judge", "--llm-persona").Exit);

        var runs = ByAgent();
        Assert.Equal(
            ["generic", "generic+llm-judge:fake-model", "generic+llm-persona:fake-model", "generic+llm-persona:fake-model+llm-judge:fake-model"],
            runs.Keys.Order(StringComparer.Ordinal));
        Assert.All(runs.Values, r => Assert.Equal(4, r.Length));
        // They are different results: a resumed run with other role options would have reused wrong ones.
        Assert.All(runs["generic+llm-judge:fake-model"].SelectMany(r => r.Messages), m => Assert.Contains("validation", m.Cues));
        Assert.NotEqual(
            runs["generic"].Select(r => string.Join("|", r.Messages.Select(m => string.Join(",", m.Cues)))),
            runs["generic+llm-judge:fake-model"].Select(r => string.Join("|", r.Messages.Select(m => string.Join(",", m.Cues)))));
        Assert.All(runs["generic+llm-persona:fake-model"].SelectMany(r => r.Messages).Where(m => m.Persona is not null), m => Assert.Equal("It still bothers me.", m.Persona));
        Assert.Contains(runs["generic"].SelectMany(r => r.Messages), m => m.Persona is not null && m.Persona != "It still bothers me.");

        // The same role options again resume: every run is found, no call is made.
        calls = server.RequestCount;
        var again = Sweep("--llm-judge");
        Assert.True(again.Exit == 0, again.Out + again.Error);
        Assert.Contains("resuming: 4 of 4 runs already in results.jsonl", again.Out);
        Assert.Equal(calls, server.RequestCount);
        Assert.Contains("0 already in results.jsonl, 4 to run", Emps("run", "night.emps", "--agent", "generic", "--llm-judge", "--llm-endpoint", server.Endpoint.ToString(), "--llm-model", "other-model", "--dry-run", "--out", "sweep").Out);
        Assert.Contains("4 already in results.jsonl, 0 to run", Emps("run", "night.emps", "--agent", "generic", "--llm-judge", "--llm-endpoint", server.Endpoint.ToString(), "--llm-model", "fake-model", "--dry-run", "--out", "sweep").Out);
        Assert.Equal(16, SortedLines(Results("sweep")).Length);
    }

    [Fact]
    public async Task UsageLinesOfLlmAgentsWithRolesCarryTheRunsName()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = r => r.MessageText(0).StartsWith("You judge", StringComparison.Ordinal) ? "{\"cues\":[]}" : "That makes sense.";

        var run = Emps("run", "night.emps", "--agent", "llm:generic", "--llm-judge", "--llm-endpoint", server.Endpoint.ToString(), "--llm-model", "fake-model", "--out", "usage");

        Assert.True(run.Exit == 0, run.Out + run.Error);
        var records = SortedLines(Results("usage")).Select(l => RunRecords.TryParse(l)!).ToArray();
        Assert.All(records, r => Assert.Equal("llm:generic:fake-model+llm-judge:fake-model", r.Agent));
        var usage = UsageFile.Read(Path.Combine(_folder, "usage"));
        Assert.Equal(records.Select(r => r.Key).Order(StringComparer.Ordinal), usage.Select(u => u.Key).Order(StringComparer.Ordinal));
        // The agent's calls (one per turn) and the judge's, told apart by roleCalls.
        Assert.All(usage, u => Assert.Equal(records.Single(r => r.Key == u.Key).Turns, u.Calls - u.RoleCalls));
        Assert.All(usage, u => Assert.True(u.RoleCalls >= records.Single(r => r.Key == u.Key).Turns, $"{u.RoleCalls} judge calls"));
        Assert.Equal(server.RequestCount, usage.Sum(u => u.Calls));
    }

    /// <summary>
    /// A run's usage line is written before its results line, which marks the run done: when the usage line cannot be
    /// written (here llm-usage.jsonl is a folder), the sweep stops with the error and the run is not in results.jsonl, so
    /// the resumed sweep makes it again and counts its calls. Written the other way round, the run was kept without usage.
    /// </summary>
    [Fact]
    public async Task ARunIsNeverInResultsWithoutItsUsageLine()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => "That makes sense.";
        Directory.CreateDirectory(Path.Combine(_folder, "out", UsageFile.FileName));
        string[] sweep = ["run", "night.emps", "--agent", "llm:generic", "--llm-endpoint", server.Endpoint.ToString(), "--llm-model", "fake-model", "--out", "out"];

        var failed = Emps(sweep);

        Assert.Equal(1, failed.Exit);
        Assert.Contains(UsageFile.FileName, failed.Error);
        Assert.Equal("", Results("out"));

        Directory.Delete(Path.Combine(_folder, "out", UsageFile.FileName));
        var resumed = Emps(sweep);
        Assert.True(resumed.Exit == 0, resumed.Out + resumed.Error);
        var records = SortedLines(Results("out")).Select(l => RunRecords.TryParse(l)!).ToArray();
        var usage = UsageFile.Read(Path.Combine(_folder, "out"));
        Assert.NotEmpty(records);
        Assert.Equal(records.Select(r => r.Key).Order(StringComparer.Ordinal), usage.Select(u => u.Key).Order(StringComparer.Ordinal));
    }

    /// <summary>The text of a file another process or thread may be appending to ("" when absent).</summary>
    internal static string ReadShared(string path)
    {
        if (!File.Exists(path)) return "";
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Theory]
    [InlineData("judge")]
    [InlineData("persona")]
    public async Task CancellingDuringAnLlmRoleCallStopsTheRunPromptlyAndWritesNoPartialResult(string role)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        string system = role == "judge" ? "You judge" : "You role-play";
        server.Responder = r => r.MessageText(0).StartsWith("You judge", StringComparison.Ordinal) ? "{\"cues\":[\"validation\"]}" : "It still bothers me.";
        string resultsPath = Path.Combine(_folder, "cancelled", ResultsFile.FileName);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Once the first run is written, the next call of this role is held far longer than the bound below.
        server.Hold = async (request, token) =>
        {
            if (request.MessageText(0).StartsWith(system, StringComparison.Ordinal) && ReadShared(resultsPath).Contains('\n'))
            {
                held.TrySetResult();
                await Task.Delay(TimeSpan.FromMinutes(10), token);
            }
        };
        var request = new RunRequest(["night.emps"], ["generic"], null, "cancelled")
        {
            Llm = new LlmRunRequest
            {
                Endpoint = server.Endpoint.ToString(),
                Model = "fake-model",
                CueJudge = role == "judge",
                PersonaSpeech = role == "persona",
                TimeoutSeconds = 3600,
            },
        };
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        using var interrupt = new CancellationTokenSource();
        // The role blocks its thread inside the synchronous Detect/Say, so the command goes to the pool.
        var run = Task.Run(() => RunCommand.RunAsync(new CliContext(output, error, _folder), request, interrupt.Token));
        await held.Task.WaitAsync(TimeSpan.FromMinutes(3));

        await interrupt.CancelAsync();

        // A generous bound (the held call would last 10 minutes): the call in flight was cancelled, not waited for.
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.Equal(RunSession.Cancelled, await run);
        Assert.Contains("emps run: cancelled; run the same command again to resume", error.ToString());
        // Only the finished run is in the file, whole; nothing of the abandoned one.
        var text = ReadShared(resultsPath);
        Assert.EndsWith("\n", text);
        var lines = SortedLines(text);
        Assert.Single(lines);
        var record = RunRecords.TryParse(lines[0]);
        Assert.NotNull(record);
        Assert.StartsWith("generic", record.Agent, StringComparison.Ordinal);
    }

    [Fact]
    public void ANonLoopbackEndpointWithoutAKeyIsAWarningOnStandardErrorNotAFailure()
    {
        // Tests of this class run one at a time, so the variable can be changed here (and is restored).
        var previous = Environment.GetEnvironmentVariable(OpenAiCompatibleClient.ApiKeyVariable);
        try
        {
            Environment.SetEnvironmentVariable(OpenAiCompatibleClient.ApiKeyVariable, null);
            var dry = Emps("run", "night.emps", "--agent", "llm", "--llm-endpoint", "https://llm.example.invalid:8443/v1/", "--llm-model", "m", "--dry-run", "--out", "warned");

            Assert.True(dry.Exit == 0, dry.Error);
            Assert.Equal(
                "emps run: warning: --llm-endpoint host 'llm.example.invalid' is not this machine and EMPS_LLM_API_KEY is not set: " +
                "requests carry a placeholder key, which a hosted service will refuse (set the variable if the server needs a key)\n",
                dry.Error);
            Assert.DoesNotContain("warning", dry.Out);
            Assert.Contains("dry run: 4 runs", dry.Out);

            // A loopback endpoint needs no key: no warning.
            var local = Emps("run", "night.emps", "--agent", "llm", "--llm-endpoint", "http://localhost:9/v1", "--llm-model", "m", "--dry-run", "--out", "local");
            Assert.Equal(0, local.Exit);
            Assert.Equal("", local.Error);

            // With the key set: no warning, and the key is printed nowhere.
            Environment.SetEnvironmentVariable(OpenAiCompatibleClient.ApiKeyVariable, Key);
            var keyed = Emps("run", "night.emps", "--agent", "llm", "--llm-endpoint", "https://llm.example.invalid:8443/v1/", "--llm-model", "m", "--dry-run", "--out", "keyed");
            Assert.Equal(0, keyed.Exit);
            Assert.Equal("", keyed.Error);
            Assert.DoesNotContain(Key, keyed.Out);
        }
        finally
        {
            Environment.SetEnvironmentVariable(OpenAiCompatibleClient.ApiKeyVariable, previous);
        }
    }

    [Fact]
    public void LlmUsageErrorsExit2()
    {
        var error = Emps("run", "night.emps", "--agent", "llm", "--llm-model", "m");
        Assert.Equal(2, error.Exit);
        Assert.Contains("--agent llm needs --llm-endpoint URL (or --replay DIR)", error.Error);
    }

    /// <summary>Runs <paramref name="args"/> with EMPS_LLM_API_KEY set to <paramref name="key"/> (null: unset), then restores it.</summary>
    private (int Exit, string Out, string Error) EmpsWithKey(string? key, params string[] args)
    {
        var previous = Environment.GetEnvironmentVariable(OpenAiCompatibleClient.ApiKeyVariable);
        try
        {
            Environment.SetEnvironmentVariable(OpenAiCompatibleClient.ApiKeyVariable, key);
            return Emps(args);
        }
        finally
        {
            Environment.SetEnvironmentVariable(OpenAiCompatibleClient.ApiKeyVariable, previous);
        }
    }

    /// <summary>The full URL of the chat completions call, copied from a provider's documentation, is not the API base.</summary>
    [Fact]
    public async Task AnEndpointEndingInChatCompletionsIsAUsageErrorThatSaysWhatToGive()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var full = server.Endpoint.ToString().TrimEnd('/') + "/chat/completions";

        var run = Emps("run", "night.emps", "--agent", "llm", "--llm-endpoint", full, "--llm-model", "fake-model", "--out", "out");

        Assert.Equal(2, run.Exit);
        Assert.Contains($"--llm-endpoint is the API base, without /chat/completions (requests go to ENDPOINT/chat/completions): give '{server.Endpoint.ToString().TrimEnd('/')}'", run.Error);
        Assert.Equal(0, server.RequestCount);
    }

    /// <summary>A 404 is a wrong endpoint path or a model the server does not serve: the message says both, and the remedy.</summary>
    [Fact]
    public async Task A404SaysWhereTheRequestWentAndWhatToCheck()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(new FakeStep(404) { Body = "" });

        var run = EmpsWithKey(Key, "run", "night.emps", "--agent", "llm", "--llm-endpoint", server.Endpoint.ToString(), "--llm-model", "fake-model", "--out", "out");

        Assert.Equal(1, run.Exit);
        Assert.Contains("HTTP 404", run.Error);
        Assert.Contains("check that --llm-endpoint is the API base (the request went to /v1/chat/completions on its host) and that the server serves --llm-model 'fake-model'", run.Error);
        Assert.Contains("emps run: stopped; finished runs are kept: fix the cause above, then run the same command again to resume.", run.Error);
        Assert.DoesNotContain(Key, run.Out + run.Error);
    }

    [Theory]
    [InlineData(401, null, "EMPS_LLM_API_KEY is not set: the requests carried a placeholder key")]
    [InlineData(401, Key, "check the key in EMPS_LLM_API_KEY")]
    [InlineData(403, Key, "check the key in EMPS_LLM_API_KEY")]
    public async Task A401Or403SaysToCheckTheKey(int status, string? key, string hint)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(new FakeStep(status, "Unauthorized"));

        var run = EmpsWithKey(key, "run", "night.emps", "--agent", "llm", "--llm-endpoint", server.Endpoint.ToString(), "--llm-model", "fake-model", "--out", "out");

        Assert.Equal(1, run.Exit);
        Assert.Contains($"HTTP {status}", run.Error);
        Assert.Contains(hint, run.Error);
        Assert.Contains("fix the cause above, then run the same command again to resume", run.Error);
        Assert.DoesNotContain(Key, run.Out + run.Error);
    }

    /// <summary>A replay miss happens again on the same command: the stop line says to fix the cause first.</summary>
    [Fact]
    public void AReplayMissSaysToFixTheCauseBeforeRunningAgain()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "empty-cassettes"));

        var miss = Emps("run", "night.emps", "--agent", "llm", "--llm-model", "m", "--replay", "empty-cassettes", "--out", "out");

        Assert.Equal(1, miss.Exit);
        Assert.Contains("emps run: stopped; finished runs are kept: fix the cause above, then run the same command again to resume.", miss.Error);
    }

    /// <summary>Retries used up on a passing failure (5xx, 429, timeouts): running the same command again is the remedy.</summary>
    [Fact]
    public async Task RetriesUsedUpSayToRunTheSameCommandAgain()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(new FakeStep(503, "overloaded"));

        var run = EmpsWithKey(Key, "run", "night.emps", "--agent", "llm", "--llm-endpoint", server.Endpoint.ToString(), "--llm-model", "fake-model",
            "--llm-retries", "0", "--out", "out");

        Assert.Equal(1, run.Exit);
        Assert.Contains("the LLM call failed after 1 attempt: HTTP 503", run.Error);
        Assert.Contains("emps run: stopped; finished runs are kept: run the same command again to resume once the endpoint answers (--llm-retries and --llm-timeout give each call more attempts and time).", run.Error);
    }

    /// <summary>
    /// A model that answers with no text (a reasoning model that spends the 200 output tokens before answering, a refusal)
    /// gives runs in which the agent said nothing: they are scored all the same, so emps run says so instead of keeping quiet.
    /// </summary>
    [Fact]
    public async Task EmptyRepliesOfTheLlmAgentAreWarnedAbout()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => "That makes sense.";
        server.Enqueue(new FakeStep(200, ""), new FakeStep(200, "   "));

        var run = EmpsWithKey(Key, "run", "night.emps", "--agent", "llm,aligned", "--llm-endpoint", server.Endpoint.ToString(), "--llm-model", "fake-model",
            "--record", "cassettes", "--out", "out");

        Assert.True(run.Exit == 0, run.Error);
        // Two runs: the scenario and the suite case of the same seed send the same requests, answered from the cassette.
        Assert.Contains("emps run: warning: 4 replies of the LLM agent in 2 runs had no text", run.Error);
        // The same warning on a replay, which serves the same empty answers.
        var replay = Emps("run", "night.emps", "--agent", "llm,aligned", "--llm-model", "fake-model", "--replay", "cassettes", "--out", "replayed");
        Assert.True(replay.Exit == 0, replay.Error);
        Assert.Contains("emps run: warning: 4 replies of the LLM agent in 2 runs had no text", replay.Error);

        // One empty reply is one.
        server.Enqueue(new FakeStep(200, ""));
        var single = EmpsWithKey(Key, "run", "night.emps", "--agent", "llm", "--llm-endpoint", server.Endpoint.ToString(), "--llm-model", "fake-model",
            "--llm-prompt", "generic", "--out", "single");
        Assert.Contains("emps run: warning: 1 reply of the LLM agent in 1 run had no text, and was scored as an empty message", single.Error);

        // Without empty replies: no warning.
        var full = EmpsWithKey(Key, "run", "night.emps", "--agent", "llm", "--llm-endpoint", server.Endpoint.ToString(), "--llm-model", "fake-model", "--out", "full");
        Assert.Equal("", full.Error);
    }

    /// <summary>The help of the endpoint and model options says what they serve: the roles use them too, and the path is appended.</summary>
    [Fact]
    public void TheHelpOfTheEndpointAndModelSaysWhatTheyServe()
    {
        var help = Emps("run", "--help");

        Assert.Equal(0, help.Exit);
        var text = string.Join(" ", help.Out.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("OpenAI-compatible API base URL (for example http://localhost:8080/v1; requests go to URL/chat/completions) for --agent llm, --llm-persona and --llm-judge.", text);
        Assert.Contains("Model name for --agent llm, --llm-persona and --llm-judge", text);
    }

    /// <summary>A dry run previews the command: a --replay folder that is not there is the same usage error as on the real run.</summary>
    [Fact]
    public void ADryRunWithAMissingReplayFolderIsTheRunsUsageError()
    {
        var dry = Emps("run", "night.emps", "--agent", "llm", "--llm-model", "m", "--replay", "no-such-cassettes", "--dry-run", "--out", "dry");
        var real = Emps("run", "night.emps", "--agent", "llm", "--llm-model", "m", "--replay", "no-such-cassettes", "--out", "real");

        Assert.Equal(2, real.Exit);
        Assert.Equal(2, dry.Exit);
        Assert.Equal(real.Error, dry.Error);
        Assert.Contains("the cassette folder 'no-such-cassettes' does not exist", dry.Error);
        Assert.DoesNotContain("all served from the cassettes", dry.Out);
        Assert.False(Directory.Exists(Path.Combine(_folder, "dry")));
    }

    /// <summary>
    /// A judge whose answers are not the JSON asked for (a server that ignores response_format, a model that answers in prose)
    /// counts no cue at all: every judged run then looks as if the agent said nothing that matters. emps run says so.
    /// </summary>
    [Fact]
    public async Task JudgeVerdictsThatAreNotTheJsonAskedForAreWarnedAbout()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = r => r.MessageText(0).StartsWith("You judge", StringComparison.Ordinal) ? "The reply shows validation." : "It still bothers me.";

        var prose = Emps("run", "night.emps", "--agent", "aligned", "--llm-judge", "--llm-endpoint", server.Endpoint.ToString(), "--llm-model", "fake-model",
            "--record", "cassettes", "--out", "prose");

        Assert.True(prose.Exit == 0, prose.Error);
        Assert.Matches(@"emps run: warning: (\d+) of \1 verdicts of the LLM judge were not the JSON asked for \(\{""cues"": \[\.\.\.\]\}\) and counted as no cue", prose.Error);
        // The same on a replay of the same verdicts.
        var replay = Emps("run", "night.emps", "--agent", "aligned", "--llm-judge", "--llm-model", "fake-model", "--replay", "cassettes", "--out", "replayed");
        Assert.Matches(@"emps run: warning: (\d+) of \1 verdicts of the LLM judge were not the JSON asked for", replay.Error);

        // Proper verdicts, "none" included: no warning.
        server.Responder = r => r.MessageText(0).StartsWith("You judge", StringComparison.Ordinal)
            ? (r.LastMessage.Contains("sense", StringComparison.Ordinal) ? "{\"cues\":[\"validation\"]}" : "{\"cues\":[]}")
            : "It still bothers me.";
        var json = Emps("run", "night.emps", "--agent", "aligned", "--llm-judge", "--llm-endpoint", server.Endpoint.ToString(), "--llm-model", "fake-model", "--out", "json");
        Assert.True(json.Exit == 0, json.Error);
        Assert.Equal("", json.Error);
    }

    /// <summary>
    /// A retried LLM call is not silent: without a terminal (output redirected, as here) each retry is one line on standard
    /// error as the wait starts, naming the run, the turn, the reason, the attempt and the wait; never the server's text
    /// (this 429's body echoes the key).
    /// </summary>
    [Fact]
    public async Task ARetryIsALineOnStandardErrorWhenOutputIsRedirected()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => "Okay.";
        // Turns 1 and 2 of the first run answer; turn 3 is refused once, with Retry-After: 1.
        server.Enqueue(new FakeStep(200, "Okay."), new FakeStep(200, "Okay."), new FakeStep(429, $"Rate limit reached for {Key}", RetryAfter: "1"));

        var run = EmpsWithKey(Key, "run", "night.emps", "--agent", "llm", "--llm-endpoint", server.Endpoint.ToString(), "--llm-model", "fake-model", "--out", "out");

        Assert.True(run.Exit == 0, run.Error);
        Assert.Equal("emps run: retrying CalmTheWorrier seed 3 llm:persona-aligned:fake-model, turn 3 (HTTP 429, attempt 2 of 5) in 1.0 s\n", run.Error);
        Assert.DoesNotContain(Key, run.Out + run.Error);
        Assert.DoesNotContain("retrying", run.Out);
    }

    /// <summary>
    /// Under --parallel each retry line names the run whose call waits, not another one in flight: every run is refused once at
    /// turn 3 (Retry-After: 0), and the lines name each run exactly once. The roles' calls are named after the run they serve too.
    /// </summary>
    [Fact]
    public async Task UnderParallelEachRetryLineNamesItsOwnRunAndTurn()
    {
        // Seeds 9 and 1..3: no two runs send the same request (the scenario's seed 3 would repeat the suite's case s3).
        File.WriteAllText(Path.Combine(_folder, "night.emps"), TestScenarios.Text.Replace("seed    3", "seed    9", StringComparison.Ordinal));
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => "Okay.";
        var refused = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        server.Step = r => r.AssistantMessages == 2 && refused.TryAdd(r.Body, true) ? new FakeStep(429, RetryAfter: "0") : null;

        var run = EmpsWithKey(Key, "run", "night.emps", "--agent", "llm", "--llm-prompt", "generic,persona-aligned", "--llm-endpoint", server.Endpoint.ToString(),
            "--llm-model", "fake-model", "--parallel", "3", "--out", "out");

        Assert.True(run.Exit == 0, run.Error);
        var records = Results("out").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => RunRecords.TryParse(l)!).ToArray();
        Assert.Equal(8, records.Length);
        Assert.All(records, r => Assert.Equal(4, r.Turns));
        Assert.Equal(8, refused.Count);
        var expected = records.Select(r => $"emps run: retrying {r.Description}, turn 3 (HTTP 429, attempt 2 of 5) in 0.0 s").Order(StringComparer.Ordinal);
        Assert.Equal(expected, run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));

        // A judge's call (made inside the persona's turn, through the role's own synchronous interface) is named the same way.
        refused.Clear();
        server.Responder = r => r.MessageText(0).StartsWith("You judge", StringComparison.Ordinal) ? "{\"cues\":[]}" : "It still bothers me.";
        server.Step = r => r.MessageText(0).StartsWith("You judge", StringComparison.Ordinal) && refused.IsEmpty && refused.TryAdd(r.Body, true)
            ? new FakeStep(503)
            : null;
        var judged = EmpsWithKey(Key, "run", "night.emps", "--agent", "generic", "--llm-judge", "--llm-endpoint", server.Endpoint.ToString(),
            "--llm-model", "fake-model", "--llm-retries", "1", "--out", "judged");
        Assert.True(judged.Exit == 0, judged.Error);
        Assert.Matches(@"^emps run: retrying CalmTheWorrier seed 9 generic\+llm-judge:fake-model, turn 1 \(HTTP 503, attempt 2 of 2\) in \d\.\d s\n$", judged.Error);
    }
}
