using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Cli.Run;

/// <summary>How <c>emps run</c> shows its progress: a live bar on a terminal, plain lines otherwise.</summary>
public interface IRunProgress
{
    Task RunAsync(int total, int skipped, Func<Action<RunJob, RunRecord>, Task> work);
}
