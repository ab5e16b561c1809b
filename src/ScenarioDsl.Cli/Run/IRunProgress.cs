using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Cli.Run;

/// <summary>How <c>emps run</c> shows its progress: a live bar on a terminal, plain lines otherwise.</summary>
public interface IRunProgress
{
    Task RunAsync(int total, int skipped, Func<Action<RunJob, RunRecord>, Task> work);

    /// <summary>
    /// An LLM call of a run waits before it tries again (called during <see cref="RunAsync"/>'s work, from any thread,
    /// concurrently under <c>--parallel</c>); <see cref="RetryWaitOver"/> follows with the same instance.
    /// </summary>
    void RetryWaiting(RetryWait wait);

    /// <summary>The wait is over: the call tries again, or was cancelled.</summary>
    void RetryWaitOver(RetryWait wait);
}
