using Microsoft.Extensions.AI;
using ScenarioDsl.Llm.Clients;
using ScenarioDsl.Llm.Resilience;
using ScenarioDsl.Llm.Tests.Fakes;

namespace ScenarioDsl.Llm.Tests;

/// <summary>
/// An endpoint that answers 200 with something that is not a chat completion (a proxy's HTML page, a body cut short, no
/// choices): the call fails at once, and the message says what the endpoint sent, not what the JSON parser tripped on.
/// </summary>
public class MalformedResponseTests
{
    private static readonly ChatMessage[] Hello = [new(ChatRole.User, "hello")];

    private static ResilientChatClient Client(FakeOpenAiServer server) =>
        new(OpenAiCompatibleClient.Create(server.Endpoint, "fake-model", "sk-test"), new RetryOptions { Timeout = TimeSpan.FromSeconds(30), BaseDelay = TimeSpan.FromMilliseconds(1) });

    [Theory]
    [InlineData("<html><body>502 proxy error</body></html>", "is not JSON", "<html><body>502 proxy error</body></html>")]
    [InlineData("{\"id\": \"x\", \"choices\": [ {\"message\": ", "is not JSON", "{\"id\": \"x\", \"choices\": [ {\"message\":")]
    [InlineData("{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[]}", "has no choices", null)]
    [InlineData("{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\"}", "has no choices", null)]
    [InlineData("[1, 2]", "is not a chat completion", null)]
    public async Task AnAnswerThatIsNotAChatCompletionFailsAtOnceAndSaysSo(string body, string problem, string? quoted)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(new FakeStep(200) { Body = body }, new FakeStep(200, "never"));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<LlmCallFailedException>(() => client.GetResponseAsync(Hello));

        Assert.Equal(1, server.RequestCount);
        Assert.Equal(1, error.Attempts);
        Assert.Contains("the endpoint's answer (HTTP 200) " + problem, error.Message);
        if (quoted is not null) Assert.Contains(quoted, error.Message);
        Assert.DoesNotContain("Index was out of range", error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
    }

    [Fact]
    public async Task AKeyInAMalformedAnswerIsRedacted()
    {
        const string key = "sk-malformed-77aa88bb";
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(new FakeStep(200) { Body = "<html>your key " + key + " is wrong</html>" });
        using var client = new ResilientChatClient(OpenAiCompatibleClient.Create(server.Endpoint, "fake-model", key), new RetryOptions { Timeout = TimeSpan.FromSeconds(30) });

        var error = await Assert.ThrowsAsync<LlmCallFailedException>(() => client.GetResponseAsync(Hello));

        for (Exception? e = error; e is not null; e = e.InnerException) Assert.DoesNotContain(key, e.Message);
        Assert.Contains("[key redacted]", error.Message);
    }

    [Fact]
    public async Task AnHttpErrorNamesItsStatusOnceAndLeavesOutAnEmptyErrorType()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(new FakeStep(400) { Body = "{\"error\":{\"message\":\"model 'x' does not exist\"}}" });
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<LlmCallFailedException>(() => client.GetResponseAsync(Hello));

        Assert.Equal("the LLM call failed: HTTP 400: model 'x' does not exist", error.Message);
    }

    [Fact]
    public async Task AnHttpErrorKeepsTheErrorTypeWhenTheServerSendsOne()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(new FakeStep(404, "no such model"));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<LlmCallFailedException>(() => client.GetResponseAsync(Hello));

        Assert.Equal("the LLM call failed: HTTP 404 (fake_error: 404): no such model", error.Message);
    }

    [Fact]
    public async Task OneAttemptIsOneAttempt()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(new FakeStep(503, "overloaded"));
        using var client = new ResilientChatClient(OpenAiCompatibleClient.Create(server.Endpoint, "fake-model", "sk-test"), new RetryOptions { MaxRetries = 0, Timeout = TimeSpan.FromSeconds(30) });

        var error = await Assert.ThrowsAsync<LlmCallFailedException>(() => client.GetResponseAsync(Hello));

        Assert.StartsWith("the LLM call failed after 1 attempt: HTTP 503", error.Message);
    }
}
