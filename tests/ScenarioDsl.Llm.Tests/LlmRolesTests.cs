using Microsoft.Extensions.AI;
using ScenarioDsl.Llm.Agents;
using ScenarioDsl.Llm.Clients;
using ScenarioDsl.Llm.Roles;
using ScenarioDsl.Llm.Tests.Fakes;
using ScenarioDsl.Runtime.Agents;

namespace ScenarioDsl.Llm.Tests;

public class LlmRolesTests
{
    [Fact]
    public void TheJudgeAnswersWithDeclaredCuesOnlyAndMirroringStaysLexical()
    {
        var judge = new RecordingChatClient
        {
            Reply = (_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "{\"cues\": [\"validation\", \"telepathy\", \"mirroring\"]}"))),
        };
        var scenario = LlmRoles.Apply(TestScenarios.Worrier(), "judge-model", cueJudge: judge);
        var table = scenario.Cues;

        var cues = scenario.Detector.Detect("You keep replaying that mistake at work.", "I keep replaying the mistake I made at work.");

        Assert.Equal(["mirroring", "validation"], table.NamesOf(cues));
        var (messages, options) = judge.Calls.Single();
        Assert.Contains("- validation (for example: \"that makes sense\", \"understandable\")", messages[0].Text);
        Assert.Contains("The reply to judge: You keep replaying that mistake at work.", messages[1].Text);
        Assert.IsType<ChatResponseFormatJson>(options!.ResponseFormat);
        Assert.Equal("judge-model", options.ModelId);
        // No lexical mirroring, and the judge's "mirroring" is not taken.
        Assert.Equal(["validation"], table.NamesOf(scenario.Detector.Detect("Okay.", "Something else entirely.")));
    }

    [Theory]
    [InlineData("{\"cues\":[\"a\",\"b\"]}", new[] { "a", "b" })]
    [InlineData("```json\n{\"cues\": [\"a\"]}\n```", new[] { "a" })]
    [InlineData("no json here", new string[0])]
    [InlineData("{\"cues\": \"a\"}", new string[0])]
    [InlineData("{broken", new string[0])]
    public void JudgeAnswersParseLeniently(string text, string[] expected) => Assert.Equal(expected, LlmCueDetector.ParseCues(text));

    [Fact]
    public async Task PersonaSpeechComesFromTheModelWhileTheStatesStayRuleBased()
    {
        var speech = new RecordingChatClient
        {
            Reply = (_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "I guess... maybe.\n"))),
        };
        var plain = TestScenarios.Worrier();
        var spoken = LlmRoles.Apply(plain, "persona-model", personaSpeech: speech);
        var agent = new ValidatingAgent();

        var a = await plain.RunAsync(agent);
        var b = await spoken.RunAsync(agent);

        Assert.All(b.Messages.Where(m => m.Persona is not null), m => Assert.Equal("I guess... maybe.", m.Persona));
        Assert.Equal(a.States.Select(s => string.Join(",", s)), b.States.Select(s => string.Join(",", s)));
        var system = speech.Calls[0].Messages[0].Text;
        Assert.Contains("Who you are: Nurse on night shifts", system);
        Assert.Contains("Something you might say now: ", system);
        Assert.Contains("- distress ", system);
    }

    /// <summary>A model that never answers on its own: each call waits (far longer than any bound below) until cancelled.</summary>
    private static RecordingChatClient Stalling(TaskCompletionSource called) => new()
    {
        Reply = async (_, _, token) =>
        {
            called.TrySetResult();
            await Task.Delay(TimeSpan.FromMinutes(10), token);
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, "too late"));
        },
    };

    [Theory]
    [InlineData("judge")]
    [InlineData("persona")]
    public async Task TheRunsTokenGivenAtConstructionCancelsARoleCallInFlight(string role)
    {
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var model = Stalling(called);
        using var interrupt = new CancellationTokenSource();
        var scenario = role == "judge"
            ? LlmRoles.Apply(TestScenarios.Worrier(), "m", cueJudge: model, cancellationToken: interrupt.Token)
            : LlmRoles.Apply(TestScenarios.Worrier(), "m", personaSpeech: model, cancellationToken: interrupt.Token);
        // The synchronous Detect/Say block their thread, so the run goes to the pool.
        var run = Task.Run(async () => await scenario.RunAsync(new ValidatingAgent(), interrupt.Token));
        await called.Task.WaitAsync(TimeSpan.FromMinutes(2));

        await interrupt.CancelAsync();

        // A generous bound: without the token the call would wait its full 10 minutes.
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30))));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Single(model.Calls);
    }

    [Fact]
    public void RolesBuiltWithAnAlreadyCancelledTokenCallNoModel()
    {
        var model = new RecordingChatClient();
        var scenario = LlmRoles.Apply(TestScenarios.Worrier(), "m", personaSpeech: model, cueJudge: model, cancellationToken: new CancellationToken(canceled: true));

        Assert.ThrowsAny<OperationCanceledException>(() => scenario.Detector.Detect("That makes sense.", "I keep replaying it."));
        Assert.ThrowsAny<OperationCanceledException>(() => scenario.Dynamics.Say([0.2, 0.8]));
        Assert.Empty(model.Calls);
    }

    [Fact]
    public async Task AllThreeRolesThroughTheLoopbackServer()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = r =>
        {
            var system = r.MessageText(0);
            if (system.StartsWith("You judge", StringComparison.Ordinal)) return "{\"cues\":[\"validation\"]}";
            if (system.StartsWith("You role-play", StringComparison.Ordinal)) return "It still bothers me.";
            return "I hear how heavy this is.";
        };
        var client = OpenAiCompatibleClient.Create(server.Endpoint, "fake-model", "sk-roles");
        var scenario = LlmRoles.Apply(TestScenarios.Worrier(), "fake-model", personaSpeech: client, cueJudge: client);
        var agent = new LlmAgent(client, new LlmAgentOptions { Model = "fake-model" });

        var result = await scenario.RunAsync(agent);

        Assert.All(result.Messages, m => Assert.Equal("I hear how heavy this is.", m.Agent));
        Assert.All(result.Messages, m => Assert.Contains("validation", m.Cues));
        Assert.Contains(result.Messages, m => m.Persona == "It still bothers me.");
        Assert.Contains(server.Requests, r => r.Json.TryGetProperty("response_format", out var format) && format.GetProperty("type").GetString() == "json_schema");
    }
}
