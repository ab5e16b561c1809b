using System.Diagnostics;
using Microsoft.Extensions.AI;
using ScenarioDsl.Llm.Clients;
using ScenarioDsl.Llm.Resilience;
using ScenarioDsl.Llm.Tests.Fakes;

namespace ScenarioDsl.Llm.Tests;

/// <summary>Timeouts, retries and cancellation through the real OpenAI client against the loopback fake server.</summary>
public class ResilienceTests
{
    private static readonly ChatMessage[] Hello = [new(ChatRole.User, "hello")];

    private sealed class WaitRecorder
    {
        public List<TimeSpan> Waits { get; } = [];

        public async Task Delay(TimeSpan wait, CancellationToken cancellationToken)
        {
            lock (Waits) Waits.Add(wait);
            await Task.Delay(wait, cancellationToken);
        }
    }

    private static ResilientChatClient Client(FakeOpenAiServer server, RetryOptions options) =>
        new(OpenAiCompatibleClient.Create(server.Endpoint, "fake-model", "sk-test"), options);

    [Fact]
    public async Task A429WithRetryAfterIsRetriedAfterTheServersWait()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(new FakeStep(429, RetryAfter: "1"), new FakeStep(200, "finally"));
        var waits = new WaitRecorder();
        using var client = Client(server, new RetryOptions { Timeout = TimeSpan.FromSeconds(30), BaseDelay = TimeSpan.FromMilliseconds(10), Delay = waits.Delay });

        var watch = Stopwatch.StartNew();
        var response = await client.GetResponseAsync(Hello);

        Assert.Equal("finally", response.Text);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal([TimeSpan.FromSeconds(1)], waits.Waits);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"waited only {watch.Elapsed}");
    }

    [Fact]
    public async Task ServerErrorsBackOffExponentiallyWithJitter()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(new FakeStep(503), new FakeStep(500), new FakeStep(502), new FakeStep(200, "ok"));
        var waits = new WaitRecorder();
        var jitters = new Queue<double>([0.0, 1.0, 0.5]);
        using var client = Client(server, new RetryOptions
        {
            Timeout = TimeSpan.FromSeconds(30),
            BaseDelay = TimeSpan.FromMilliseconds(20),
            MaxDelay = TimeSpan.FromMilliseconds(60),
            Delay = waits.Delay,
            Jitter = jitters.Dequeue,
        });

        var response = await client.GetResponseAsync(Hello);

        Assert.Equal("ok", response.Text);
        Assert.Equal(4, server.RequestCount);
        // min(max, base * 2^n) * (0.5 + 0.5 * jitter)
        Assert.Equal([TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(45)], waits.Waits);
    }

    [Fact]
    public async Task RetriesRunOutWithAClearError()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(new FakeStep(429), new FakeStep(429), new FakeStep(429), new FakeStep(200, "too late"));
        using var client = Client(server, new RetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1), Timeout = TimeSpan.FromSeconds(30) });

        var error = await Assert.ThrowsAsync<LlmCallFailedException>(() => client.GetResponseAsync(Hello));

        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, server.RequestCount);
        Assert.Contains("after 3 attempts: HTTP 429", error.Message);
    }

    [Fact]
    public async Task PermanentErrorsAreNotRetried()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(new FakeStep(400), new FakeStep(200, "never"));
        using var client = Client(server, new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), Timeout = TimeSpan.FromSeconds(30) });

        var error = await Assert.ThrowsAsync<LlmCallFailedException>(() => client.GetResponseAsync(Hello));

        Assert.Equal(1, error.Attempts);
        Assert.Equal(1, server.RequestCount);
        Assert.Contains("HTTP 400", error.Message);
        Assert.Contains("scripted failure 400", error.Message); // the provider's own explanation, not only the status line
        Assert.DoesNotContain("\n", error.Message);
    }

    [Fact]
    public async Task ASlowAttemptTimesOutAndIsRetried()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(new FakeStep(200, "slow", Delay: TimeSpan.FromSeconds(4)), new FakeStep(200, "fast"));
        using var client = Client(server, new RetryOptions { Timeout = TimeSpan.FromMilliseconds(1500), BaseDelay = TimeSpan.FromMilliseconds(1) });

        var response = await client.GetResponseAsync(Hello);

        Assert.Equal("fast", response.Text);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task EveryAttemptTimingOutFailsWithATimeout()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(new FakeStep(200, "slow", Delay: TimeSpan.FromSeconds(3)), new FakeStep(200, "slow", Delay: TimeSpan.FromSeconds(3)));
        using var client = Client(server, new RetryOptions { Timeout = TimeSpan.FromMilliseconds(200), MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(1) });

        var error = await Assert.ThrowsAsync<LlmCallFailedException>(() => client.GetResponseAsync(Hello));

        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Equal(2, error.Attempts);
        Assert.Contains("timed out after 0.2 s", error.Message);
    }

    [Fact]
    public async Task CancellationStopsACallInFlightAtOnce()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(new FakeStep(200, "slow", Delay: TimeSpan.FromSeconds(3)));
        using var client = Client(server, new RetryOptions { Timeout = TimeSpan.FromSeconds(30) });
        using var cancellation = new CancellationTokenSource();

        var call = client.GetResponseAsync(Hello, cancellationToken: cancellation.Token);
        await server.WaitForRequestsAsync(1);
        var watch = Stopwatch.StartNew();
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.5), $"took {watch.Elapsed}");
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task CancellationStopsABackoffWait()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(new FakeStep(429, RetryAfter: "30"));
        using var client = Client(server, new RetryOptions { Timeout = TimeSpan.FromSeconds(30) });
        using var cancellation = new CancellationTokenSource();

        var watch = Stopwatch.StartNew();
        var call = client.GetResponseAsync(Hello, cancellationToken: cancellation.Token);
        await server.WaitForRequestsAsync(1);
        await Task.Delay(200);
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal(1, server.RequestCount);
    }

    [Theory]
    [InlineData(null, "2", 2000)]
    [InlineData("1500", "9", 1500)]
    [InlineData(null, "Wed, 21 Oct 2015 07:28:10 GMT", 10000)]
    public void RetryAfterParses(string? milliseconds, string? header, int expectedMs)
    {
        var now = new DateTimeOffset(2015, 10, 21, 7, 28, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), TransientFailure.Parse(milliseconds, header, now));
    }

    /// <summary>
    /// A transport that reports the caller's cancellation as a failure (a reset connection, a disposed stream) still ends the call
    /// as cancelled: not as an LLM failure (which emps run reports as exit 1 instead of 130), and with no retry.
    /// </summary>
    [Theory]
    [InlineData(0, "io")]
    [InlineData(3, "io")]
    [InlineData(0, "disposed")]
    public async Task CancellationSurfacedAsAnotherExceptionIsStillCancellation(int retries, string kind)
    {
        var started = new TaskCompletionSource();
        var inner = new RecordingChatClient();
        inner.Reply = async (_, _, token) =>
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
            }
            throw kind == "io" ? new IOException("connection reset by peer") : new ObjectDisposedException("stream");
        };
        var waits = new WaitRecorder();
        using var client = new ResilientChatClient(inner, new RetryOptions { MaxRetries = retries, Delay = waits.Delay });
        using var cancellation = new CancellationTokenSource();

        var call = client.GetResponseAsync(Hello, cancellationToken: cancellation.Token);
        await started.Task;
        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Single(inner.Calls);
        Assert.Empty(waits.Waits);
    }

    /// <summary>
    /// An HTTP date is one of the three forms HTTP allows (RFC 9110 section 5.6.7), all in GMT; anything else is no Retry-After at
    /// all (so ordinary backoff), not whatever a lenient date parser makes of it ("1,5" was read as a date 10 years ahead, which
    /// failed the call as "asked to retry after more than 120 s").
    /// </summary>
    [Theory]
    [InlineData("Wed, 21 Oct 2015 07:28:10 GMT", 10_000)]
    [InlineData("Wednesday, 21-Oct-15 07:28:10 GMT", 10_000)]
    [InlineData("Wed Oct 21 07:28:10 2015", 10_000)]
    [InlineData("Thu Oct  1 07:28:10 2015", 0)]
    [InlineData("Tue, 20 Oct 2015 07:28:10 GMT", 0)]
    [InlineData("1,5", null)]
    [InlineData("12/31", null)]
    [InlineData("3 5", null)]
    [InlineData("-1", null)]
    [InlineData("soon", null)]
    public void RetryAfterDatesAreHttpDatesOnly(string header, int? expectedMs)
    {
        var now = new DateTimeOffset(2015, 10, 21, 7, 28, 0, TimeSpan.Zero);
        Assert.Equal(expectedMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, TransientFailure.Parse(null, header, now));
    }

    /// <summary>A Retry-After too large for a TimeSpan is a wait above the cap (the call fails clearly), not an OverflowException.</summary>
    [Theory]
    [InlineData(null, "1e300")]
    [InlineData(null, "Infinity")]
    [InlineData("1e300", null)]
    [InlineData(null, "99999999999999")]
    public async Task AnAbsurdRetryAfterFailsTheCallAsTooLong(string? milliseconds, string? header)
    {
        Assert.Equal(TimeSpan.MaxValue, TransientFailure.Parse(milliseconds, header, DateTimeOffset.UnixEpoch));
        var waits = new WaitRecorder();
        var inner = new RecordingChatClient { Reply = (_, _, _) => throw new LlmHttpException(429, "slow down", header ?? "1e300") };
        using var client = new ResilientChatClient(inner, new RetryOptions { Delay = waits.Delay });

        var error = await Assert.ThrowsAsync<LlmCallFailedException>(() => client.GetResponseAsync(Hello));

        Assert.Contains("HTTP 429", error.Message);
        Assert.Contains("retry after more than 120 s", error.Message);
        Assert.Single(inner.Calls);
        Assert.Empty(waits.Waits);
    }

    [Fact]
    public async Task ParallelCallsAreBounded()
    {
        var inner = new RecordingChatClient();
        inner.Reply = async (_, _, ct) =>
        {
            await Task.Delay(30, ct);
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"));
        };
        using var client = new ConcurrencyLimitedChatClient(inner, 2);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetResponseAsync(Hello)));
        Assert.Equal(8, inner.Calls.Count);
        Assert.True(inner.MaxInFlight <= 2);
    }
}
