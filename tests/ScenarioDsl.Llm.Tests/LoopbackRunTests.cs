using System.Text;
using ScenarioDsl.Llm.Agents;
using ScenarioDsl.Llm.Cassettes;
using ScenarioDsl.Llm.Resilience;
using ScenarioDsl.Llm.Tests.Fakes;
using ScenarioDsl.Runtime.Results;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Llm.Tests;

/// <summary>Whole scenario runs through Microsoft.Extensions.AI.OpenAI against the loopback fake server, recorded and replayed.</summary>
public sealed class LoopbackRunTests : IDisposable
{
    private const string Key = "sk-test-5f0c1d2e3a4b-secret";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "emps-llm-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    /// <summary>Replies that depend on the conversation, so a wrong replay would change the run.</summary>
    private static string Respond(FakeRequest request)
    {
        var last = request.LastMessage;
        return last.Contains("mistake", StringComparison.Ordinal)
            ? "It sounds like that mistake weighs on you; that makes sense."
            : last.Contains("still", StringComparison.Ordinal) ? "That's understandable. Tell me more." : "I hear you.";
    }

    private static LlmSettings Settings(Uri? endpoint, string? record = null, string? replay = null) => new()
    {
        Endpoint = endpoint,
        Model = "fake-model",
        Variants = [PromptVariant.Generic, PromptVariant.PersonaAligned],
        RecordDirectory = record,
        ReplayDirectory = replay,
        Retry = new RetryOptions { Timeout = TimeSpan.FromSeconds(30), BaseDelay = TimeSpan.FromMilliseconds(5) },
    };

    private static async Task<List<RunRecord>> RunAllAsync(LlmAgentFactory factory)
    {
        var records = new List<RunRecord>();
        foreach (var scenario in TestScenarios.Library().AllRuns())
            foreach (var agent in factory.CreateAgents())
                records.Add(RunRecords.From(await scenario.RunAsync(agent)));
        return records;
    }

    [Fact]
    public async Task AFullScenarioRunsThroughTheRealHttpClient()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = Respond;
        using var factory = LlmAgentFactory.Create(Settings(server.Endpoint), Key);
        var agent = factory.CreateAgent(PromptVariant.PersonaAligned);

        RunResult result = await TestScenarios.Worrier().RunAsync(agent);

        Assert.Equal("llm:persona-aligned:fake-model", result.Agent);
        Assert.Equal(result.Turns, server.RequestCount);
        Assert.Equal("It sounds like that mistake weighs on you; that makes sense.", result.Messages[0].Agent);
        Assert.Equal(["reflection", "validation"], result.Messages[0].Cues);
        Assert.True(result.FinalState[1] < 0.8, "validation lowered distress");
        var first = server.Requests[0];
        Assert.EndsWith("/v1/chat/completions", first.Path);
        Assert.Equal("Bearer " + Key, first.Authorization);
        Assert.Equal("fake-model", first.Json.GetProperty("model").GetString());
        Assert.Equal(3, first.Json.GetProperty("seed").GetInt32());
        var usage = factory.Usage.Get(result.Scenario.Suite, result.ScenarioName, result.Seed, result.Agent);
        Assert.NotNull(usage);
        Assert.Equal(result.Turns, usage.Calls);
        Assert.True(usage.InputTokens > 0 && usage.OutputTokens > 0 && usage.TotalTokens == usage.InputTokens + usage.OutputTokens);
        Assert.True(usage.LatencyMs > 0);
    }

    [Fact]
    public async Task ARunSurvivesA429AndATimeoutMidConversation()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = Respond;
        server.Enqueue(new FakeStep(200, "It sounds like a hard night."), new FakeStep(429, RetryAfter: "0"), new FakeStep(200, "late", Delay: TimeSpan.FromSeconds(4)));
        var settings = Settings(server.Endpoint) with { Retry = new RetryOptions { Timeout = TimeSpan.FromMilliseconds(1500), BaseDelay = TimeSpan.FromMilliseconds(5) } };
        using var factory = LlmAgentFactory.Create(settings, Key);

        var result = await TestScenarios.Worrier().RunAsync(factory.CreateAgent(PromptVariant.Generic));

        Assert.Equal(result.Turns + 2, server.RequestCount);
        Assert.Equal("It sounds like a hard night.", result.Messages[0].Agent);
        Assert.DoesNotContain(result.Messages, m => m.Agent == "late");
    }

    [Fact]
    public async Task ReplayingARecordedSweepGivesIdenticalResultsWithoutNetworkOrKey()
    {
        var cassettes = Path.Combine(_folder, "cassettes");
        List<RunRecord> recorded;
        int calls, served;
        LlmAgentFactory recorder;
        await using (var server = await FakeOpenAiServer.StartAsync())
        {
            server.Responder = Respond;
            recorder = LlmAgentFactory.Create(Settings(server.Endpoint, record: cassettes), Key);
            recorded = await RunAllAsync(recorder);
            calls = server.RequestCount;
            Assert.Equal(calls, recorder.Cassette!.Recorded);
            // CalmTheWorrier (seed 3) and the suite case Worrier_Settle_s3 send identical requests: answered once.
            served = recorder.Cassette.Recorded + recorder.Cassette.Hits;
            Assert.True(recorder.Cassette.Hits > 0);
            recorder.Dispose();
        }
        Assert.Equal(calls, Directory.GetFiles(cassettes, "*.json").Length);

        // The server is gone: replay must not need it, nor an endpoint, nor a key.
        using var replay = LlmAgentFactory.Create(Settings(endpoint: null, replay: cassettes));
        var replayed = await RunAllAsync(replay);

        Assert.Equal(recorded.Count, replayed.Count);
        Assert.Equal(recorded.Select(RunRecords.ToJsonLine), replayed.Select(RunRecords.ToJsonLine));
        Assert.Equal(served, replay.Cassette!.Hits);
        // Token usage replays too (latency does not: it is measured).
        foreach (var r in recorded)
        {
            var before = recorder.Usage.Get(r.Suite, r.Scenario, r.Seed, r.Agent)!;
            var after = replay.Usage.Get(r.Suite, r.Scenario, r.Seed, r.Agent)!;
            Assert.Equal((before.Calls, before.InputTokens, before.OutputTokens, before.TotalTokens), (after.Calls, after.InputTokens, after.OutputTokens, after.TotalTokens));
        }
    }

    [Fact]
    public async Task ARecordedRunIsWhatItsReplayWillSeeEvenWhenTheModelIsNotDeterministic()
    {
        var cassettes = Path.Combine(_folder, "nondeterministic");
        int counter = 0;
        List<RunRecord> recorded;
        await using (var server = await FakeOpenAiServer.StartAsync())
        {
            // A different answer to every call: identical requests (the same scenario and seed run twice) must still get one answer.
            server.Responder = _ => $"That makes sense ({Interlocked.Increment(ref counter)}).";
            using var factory = LlmAgentFactory.Create(Settings(server.Endpoint, record: cassettes) with { Variants = [PromptVariant.Generic] }, Key);
            var agent = factory.CreateAgent(PromptVariant.Generic);
            var scenario = TestScenarios.Worrier();
            var first = RunRecords.From(await scenario.RunAsync(agent));
            var second = RunRecords.From(await scenario.RunAsync(agent));
            Assert.Equal(RunRecords.ToJsonLine(first), RunRecords.ToJsonLine(second));
            recorded = [first];
        }
        using var replay = LlmAgentFactory.Create(Settings(null, replay: cassettes) with { Variants = [PromptVariant.Generic] });
        var replayed = RunRecords.From(await TestScenarios.Worrier().RunAsync(replay.CreateAgent(PromptVariant.Generic)));
        Assert.Equal(RunRecords.ToJsonLine(recorded[0]), RunRecords.ToJsonLine(replayed));
    }

    [Fact]
    public async Task AMissingCassetteEntryFailsClearly()
    {
        var cassettes = Path.Combine(_folder, "partial");
        await using (var server = await FakeOpenAiServer.StartAsync())
        {
            using var factory = LlmAgentFactory.Create(Settings(server.Endpoint, record: cassettes), Key);
            await TestScenarios.Worrier().RunAsync(factory.CreateAgent(PromptVariant.Generic));
        }
        using var replay = LlmAgentFactory.Create(Settings(null, replay: cassettes));

        var error = await Assert.ThrowsAsync<CassetteMissException>(async () =>
            await TestScenarios.Worrier().RunAsync(replay.CreateAgent(PromptVariant.PersonaAligned)));

        Assert.Contains("no cassette entry for this LLM request", error.Message);
        Assert.Contains("model fake-model", error.Message);
        Assert.Contains("--record", error.Message);
        Assert.Throws<DirectoryNotFoundException>(() => LlmAgentFactory.Create(Settings(null, replay: Path.Combine(_folder, "absent"))));
    }

    [Fact]
    public async Task AnyChatClientRecordedFromTestCodeReplaysThroughTheFactory()
    {
        var cassettes = Path.Combine(_folder, "from-code");
        var model = new RecordingChatClient();
        RunResult recorded;
        using (var recorder = CassetteChatClient.Record(cassettes, model))
            recorded = await TestScenarios.Worrier().RunAsync(new LlmAgent(recorder, new LlmAgentOptions { Model = "m" }));

        using var factory = LlmAgentFactory.Create(new LlmSettings { Model = "m", ReplayDirectory = cassettes });
        var replayed = await TestScenarios.Worrier().RunAsync(factory.CreateAgent(PromptVariant.PersonaAligned));

        Assert.Equal(RunRecords.ToJsonLine(RunRecords.From(recorded)), RunRecords.ToJsonLine(RunRecords.From(replayed)));
        Assert.Equal(recorded.Turns, model.Calls.Count);
    }

    [Fact]
    public async Task ADamagedCassetteEntryIsAClearError()
    {
        var cassettes = Path.Combine(_folder, "damaged");
        await using (var server = await FakeOpenAiServer.StartAsync())
        {
            using var factory = LlmAgentFactory.Create(Settings(server.Endpoint, record: cassettes), Key);
            await TestScenarios.Worrier().RunAsync(factory.CreateAgent(PromptVariant.Generic));
        }
        foreach (var entry in Directory.GetFiles(cassettes)) File.WriteAllText(entry, "{\"key\": \"x\"}");
        using var replay = LlmAgentFactory.Create(Settings(null, replay: cassettes));

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
            await TestScenarios.Worrier().RunAsync(replay.CreateAgent(PromptVariant.Generic)));

        Assert.Contains("is unreadable", error.Message);
        Assert.Contains("delete it and record again", error.Message);
    }

    /// <summary>An endpoint that echoes the key back in its error body (as some do for a refused key): the key is in no message.</summary>
    [Theory]
    [InlineData(401, 1)]
    [InlineData(429, 3)]
    public async Task AKeyTheEndpointEchoesInAnErrorIsInNoExceptionMessage(int status, int attempts)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        for (int i = 0; i < attempts; i++)
            server.Enqueue(new FakeStep(status, $"Incorrect API key provided: {Key}. You can find your key in your account.", RetryAfter: "0"));
        using var factory = LlmAgentFactory.Create(Settings(server.Endpoint) with { Retry = new RetryOptions { MaxRetries = attempts - 1 } }, Key);

        var failure = await Assert.ThrowsAsync<LlmCallFailedException>(async () =>
            await TestScenarios.Worrier().RunAsync(factory.CreateAgent(PromptVariant.Generic)));

        Assert.Equal(attempts, server.RequestCount);
        Assert.Equal(attempts, failure.Attempts);
        Assert.DoesNotContain(Key, failure.ToString());
        for (Exception? e = failure; e is not null; e = e.InnerException) Assert.DoesNotContain(Key, e.Message);
        Assert.Contains($"HTTP {status}", failure.Message);
        Assert.Contains("Incorrect API key provided: [key redacted]. You can find your key", failure.Message);
        Assert.Equal(status, TransientFailure.StatusOf(failure.InnerException!));
    }

    /// <summary>
    /// An endpoint (or a proxy before it) that echoes the request's key in a successful reply: the reply the agent sends
    /// has the key replaced, so it reaches neither the transcript nor a cassette.
    /// </summary>
    [Fact]
    public async Task AKeyEchoedInASuccessfulReplyIsRedactedBeforeTheTranscriptAndTheCassette()
    {
        var cassettes = Path.Combine(_folder, "echo-cassettes");
        RunResult result;
        await using (var server = await FakeOpenAiServer.StartAsync())
        {
            server.Responder = r => $"I hear you. (debug: Authorization={r.Authorization})";
            using var factory = LlmAgentFactory.Create(Settings(server.Endpoint, record: cassettes), Key);
            result = await TestScenarios.Worrier().RunAsync(factory.CreateAgent(PromptVariant.Generic));
        }

        var replies = result.Messages.Select(t => t.Agent).ToArray();
        Assert.NotEmpty(replies);
        Assert.All(replies, r => Assert.Equal("I hear you. (debug: Authorization=Bearer [key redacted])", r));
        foreach (var file in Directory.GetFiles(cassettes, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain(Key, text);
            Assert.Contains("[key redacted]", text);
        }
    }

    [Fact]
    public async Task TheKeyIsNeverWrittenToAnyFile()
    {
        var cassettes = Path.Combine(_folder, "cassettes");
        var results = Path.Combine(_folder, "results");
        await using (var server = await FakeOpenAiServer.StartAsync())
        {
            server.Responder = Respond;
            server.Enqueue(new FakeStep(429, RetryAfter: "0"), new FakeStep(401));
            using var factory = LlmAgentFactory.Create(Settings(server.Endpoint, record: cassettes), Key);
            // A failed call (401) must not leak the key through its message either.
            var failure = await Record.ExceptionAsync(async () => await TestScenarios.Worrier().RunAsync(factory.CreateAgent(PromptVariant.Generic)));
            Assert.NotNull(failure);
            Assert.DoesNotContain(Key, failure.ToString());
            using var file = ResultsFile.Open(results);
            foreach (var record in await RunAllAsync(factory)) file.Append(record);
            Assert.Contains(server.Requests, r => r.Authorization == "Bearer " + Key);
        }
        var written = Directory.GetFiles(_folder, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(written);
        foreach (var path in written)
        {
            var text = File.ReadAllText(path, Encoding.UTF8);
            Assert.DoesNotContain(Key, text);
            Assert.DoesNotContain("5f0c1d2e3a4b", text);
            Assert.DoesNotContain("127.0.0.1", text);
        }
    }
}
