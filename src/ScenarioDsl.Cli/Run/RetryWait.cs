using System.Globalization;
using ScenarioDsl.Llm.Resilience;

namespace ScenarioDsl.Cli.Run;

/// <summary>
/// An LLM call of a run that waits before it tries again (docs/llm.md, Timeouts, retries, cancellation): the run, the
/// turn it was at, and the retry (attempt, reason, wait). <c>emps run</c> shows it while it lasts, as a row of the progress
/// display on a terminal, or as one line on standard error otherwise. Compared by reference: two calls waiting alike are
/// two waits.
/// </summary>
public sealed class RetryWait(string? run, int? turn, LlmRetry retry)
{
    /// <summary>The run's label (<see cref="RunJob.Label"/>), or null for a call made outside any run.</summary>
    public string? Run { get; } = run;

    /// <summary>The turn the run was at (the agent's reply, and the roles' calls of that turn); null before the first.</summary>
    public int? Turn { get; } = turn;

    public LlmRetry Retry { get; } = retry;

    /// <summary>Which call waits: "Worrier seed 7 llm:generic:m, turn 3".</summary>
    public string Call =>
        (Run ?? "an LLM call") + (Turn is { } t ? string.Create(CultureInfo.InvariantCulture, $", turn {t}") : "");

    /// <summary>
    /// The line on standard error without a terminal:
    /// <c>retrying Worrier seed 7 llm:generic:m, turn 3 (HTTP 429, attempt 2 of 5) in 2.0 s</c>. Holds no server text: the
    /// reason is made from the status, the timeout or the kind of network failure only (<see cref="LlmRetry.Reason"/>).
    /// </summary>
    public string Line => string.Create(CultureInfo.InvariantCulture,
        $"retrying {Call} ({Retry.Reason}, attempt {Retry.Attempt} of {Retry.MaxAttempts}) in {Retry.Wait.TotalSeconds:0.0} s");
}
