namespace ScenarioDsl.Llm.Resilience;

/// <summary>Per-call timeout and retry policy of <see cref="ResilientChatClient"/>.</summary>
public sealed record RetryOptions
{
    /// <summary>How long one attempt may take before it is abandoned (and retried). Default 60 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt (so at most MaxRetries + 1 attempts). Default 4.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The first backoff; attempt n waits about BaseDelay * 2^n, capped by <see cref="MaxDelay"/>. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest Retry-After honoured; a server asking for more fails the call instead. Default 120 s.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How waits are taken (tests pass a recorder); default <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    /// <summary>The jitter source, a value in [0, 1); default <see cref="Random.Shared"/>. Jitter never changes results, only waits.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>
    /// Told of every retry before its wait and when the wait is over (<c>emps run</c> shows them); null for none. Called
    /// concurrently by calls in flight at once: see <see cref="ILlmRetryObserver"/>.
    /// </summary>
    public ILlmRetryObserver? Observer { get; init; }

    public static RetryOptions Default { get; } = new();
}
