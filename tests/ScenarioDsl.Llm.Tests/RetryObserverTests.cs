using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.AI;
using ScenarioDsl.Llm.Clients;
using ScenarioDsl.Llm.Resilience;
using ScenarioDsl.Llm.Tests.Fakes;

namespace ScenarioDsl.Llm.Tests;

/// <summary>
/// <see cref="RetryOptions.Observer"/>: the client tells of each retry (the attempt to come, the reason, the wait) before it
/// waits, and when the wait is over; the reason is a few words made from the status, the timeout or the kind of network
/// failure, never from what the server sent. Waits are recorded, not taken.
/// </summary>
public class RetryObserverTests
{
    private const string Key = "sk-observer-0123456789abcdef";

    private static readonly ChatMessage[] Hello = [new(ChatRole.User, "hello")];

    /// <summary>Everything the client told, and the waits it took, in order: "waiting", "delay", "over".</summary>
    private sealed class Log : ILlmRetryObserver
    {
        private readonly List<(string Event, LlmRetry? Retry, TimeSpan Wait)> _events = [];

        public Func<int>? RequestsSoFar { get; init; }

        public List<int> RequestsWhenWaiting { get; } = [];

        public IReadOnlyList<(string Event, LlmRetry? Retry, TimeSpan Wait)> Events
        {
            get { lock (_events) return _events.ToArray(); }
        }

        public IReadOnlyList<LlmRetry> Retries => Events.Where(e => e.Event == "waiting").Select(e => e.Retry!).ToArray();

        public void Waiting(LlmRetry retry)
        {
            lock (_events)
            {
                _events.Add(("waiting", retry, retry.Wait));
                if (RequestsSoFar is { } count) RequestsWhenWaiting.Add(count());
            }
        }

        public void WaitOver(LlmRetry retry)
        {
            lock (_events) _events.Add(("over", retry, retry.Wait));
        }

        /// <summary>Records the wait without taking it.</summary>
        public Task Delay(TimeSpan wait, CancellationToken cancellationToken)
        {
            lock (_events) _events.Add(("delay", null, wait));
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A429WithRetryAfterIsToldWithItsAttemptReasonAndWait()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        // The error body names the key, as some endpoints echo it: the reason must not.
        server.Enqueue(new FakeStep(429, $"Rate limit reached for key {Key}", RetryAfter: "1"), new FakeStep(200, "finally"));
        var log = new Log { RequestsSoFar = () => server.RequestCount };
        using var client = new ResilientChatClient(
            OpenAiCompatibleClient.Create(server.Endpoint, "fake-model", Key),
            new RetryOptions { Timeout = TimeSpan.FromSeconds(30), Delay = log.Delay, Observer = log });

        var response = await client.GetResponseAsync(Hello);

        Assert.Equal("finally", response.Text);
        var retry = Assert.Single(log.Retries);
        Assert.Equal(2, retry.Attempt);
        Assert.Equal(5, retry.MaxAttempts);
        Assert.Equal("HTTP 429", retry.Reason);
        Assert.Equal(429, retry.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), retry.Wait);
        // Told before the wait, after the failed attempt; over after the wait, before the call went on.
        Assert.Equal(["waiting", "delay", "over"], log.Events.Select(e => e.Event));
        Assert.Same(retry, log.Events[2].Retry);
        Assert.Equal([1], log.RequestsWhenWaiting);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal("HTTP 429, attempt 2 of 5 in 1.0 s", retry.ToString());
    }

    [Fact]
    public async Task EveryRetryIsToldWithTheBackoffItWaits()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(new FakeStep(503), new FakeStep(500), new FakeStep(200, "ok"));
        var log = new Log();
        var jitters = new Queue<double>([0.0, 1.0]);
        using var client = new ResilientChatClient(
            OpenAiCompatibleClient.Create(server.Endpoint, "fake-model", Key),
            new RetryOptions
            {
                Timeout = TimeSpan.FromSeconds(30),
                MaxRetries = 2,
                BaseDelay = TimeSpan.FromMilliseconds(20),
                Delay = log.Delay,
                Jitter = jitters.Dequeue,
                Observer = log,
            });

        await client.GetResponseAsync(Hello);

        Assert.Equal(
            [(2, 3, "HTTP 503", TimeSpan.FromMilliseconds(10)), (3, 3, "HTTP 500", TimeSpan.FromMilliseconds(40))],
            log.Retries.Select(r => (r.Attempt, r.MaxAttempts, r.Reason, r.Wait)));
        Assert.Equal(["waiting", "delay", "over", "waiting", "delay", "over"], log.Events.Select(e => e.Event));
        // Each told wait is the one taken.
        Assert.Equal(log.Retries.Select(r => r.Wait), log.Events.Where(e => e.Event == "delay").Select(e => e.Wait));
    }

    [Fact]
    public async Task ATimedOutAttemptIsToldAsSuch()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(new FakeStep(200, "slow", Delay: TimeSpan.FromSeconds(4)), new FakeStep(200, "fast"));
        var log = new Log();
        using var client = new ResilientChatClient(
            OpenAiCompatibleClient.Create(server.Endpoint, "fake-model", Key),
            new RetryOptions { Timeout = TimeSpan.FromMilliseconds(250), BaseDelay = TimeSpan.FromMilliseconds(1), Delay = log.Delay, Observer = log });

        Assert.Equal("fast", (await client.GetResponseAsync(Hello)).Text);

        var retry = Assert.Single(log.Retries);
        Assert.Equal("timed out after 0.25 s", retry.Reason);
        Assert.Null(retry.Status);
    }

    [Fact]
    public async Task AConnectionRefusedIsToldAsSuch()
    {
        // A loopback port nothing listens on any more.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var log = new Log();
        using var client = new ResilientChatClient(
            OpenAiCompatibleClient.Create(new Uri($"http://127.0.0.1:{port}/v1"), "fake-model", Key),
            new RetryOptions { Timeout = TimeSpan.FromSeconds(30), MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(1), Delay = log.Delay, Observer = log });

        await Assert.ThrowsAsync<LlmCallFailedException>(() => client.GetResponseAsync(Hello));

        var retry = Assert.Single(log.Retries);
        Assert.Equal("connection refused", retry.Reason);
        Assert.Equal((2, 2), (retry.Attempt, retry.MaxAttempts));
        Assert.DoesNotContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture), retry.Reason);
    }

    /// <summary>A failure whose message holds the key or a server's text: the reason holds neither, only the kind of failure.</summary>
    [Theory]
    [InlineData("io")]
    [InlineData("http")]
    public async Task TheReasonNeverQuotesTheFailure(string kind)
    {
        int calls = 0;
        var inner = new RecordingChatClient
        {
            Reply = (_, _, _) => Interlocked.Increment(ref calls) == 1
                ? throw (kind == "io"
                    ? new IOException($"proxy said: bad key {Key}")
                    : new LlmHttpException(502, $"HTTP 502 (bad_gateway: 502) upstream rejected key {Key}"))
                : Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"))),
        };
        var log = new Log();
        using var client = new ResilientChatClient(inner, new RetryOptions { Delay = log.Delay, Observer = log });

        await client.GetResponseAsync(Hello);

        var retry = Assert.Single(log.Retries);
        Assert.Equal(kind == "io" ? "network error" : "HTTP 502", retry.Reason);
        Assert.DoesNotContain(Key, retry.ToString());
    }

    [Fact]
    public async Task AWaitCancelledByTheCallerIsOverToo()
    {
        var inner = new RecordingChatClient { Reply = (_, _, _) => throw new LlmHttpException(429, "slow down", "30") };
        var log = new Log();
        using var cancellation = new CancellationTokenSource();
        var waiting = new TaskCompletionSource();
        using var client = new ResilientChatClient(inner, new RetryOptions
        {
            Observer = log,
            Delay = async (wait, token) =>
            {
                waiting.TrySetResult();
                await Task.Delay(wait, token);
            },
        });

        var call = client.GetResponseAsync(Hello, cancellationToken: cancellation.Token);
        await waiting.Task;
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Equal(["waiting", "over"], log.Events.Select(e => e.Event));
        Assert.Same(log.Events[0].Retry, log.Events[1].Retry);
    }

    [Fact]
    public async Task NoRetryNoWordAndNoObserverNoChange()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(new FakeStep(400), new FakeStep(200, "first"), new FakeStep(429, RetryAfter: "0"), new FakeStep(200, "second"));
        var log = new Log();
        using var observed = new ResilientChatClient(OpenAiCompatibleClient.Create(server.Endpoint, "fake-model", Key), new RetryOptions { Delay = log.Delay, Observer = log });
        await Assert.ThrowsAsync<LlmCallFailedException>(() => observed.GetResponseAsync(Hello));
        Assert.Equal("first", (await observed.GetResponseAsync(Hello)).Text);
        Assert.Empty(log.Events);

        // Without an observer the retry happens as before.
        using var plain = new ResilientChatClient(OpenAiCompatibleClient.Create(server.Endpoint, "fake-model", Key), new RetryOptions { Delay = log.Delay });
        Assert.Equal("second", (await plain.GetResponseAsync(Hello)).Text);
        Assert.Equal([("delay", TimeSpan.Zero)], log.Events.Select(e => (e.Event, e.Wait)));
    }
}
