using System.Globalization;
using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Cli.Run;

/// <summary>
/// One line per finished run, for redirected output and logs: <c>[3/22] Name seed 7 aligned: 0.824 converged in 6</c>; and
/// one line on <paramref name="error"/> per retry of an LLM call, as it starts waiting:
/// <c>emps run: retrying Name seed 7 llm:generic:m, turn 3 (HTTP 429, attempt 2 of 5) in 2.0 s</c>.
/// </summary>
public sealed class PlainRunProgress(TextWriter writer, TextWriter error) : IRunProgress
{
    /// <summary>Retries are told from the calls' threads, runs from the sweep's: one line at a time, whole.</summary>
    private readonly object _gate = new();

    public async Task RunAsync(int total, int skipped, Func<Action<RunJob, RunRecord>, Task> work)
    {
        if (skipped > 0) writer.Write($"resuming: {skipped} of {total} runs already in results.jsonl\n");
        int done = skipped;
        await work((job, record) =>
        {
            done++;
            var outcome = record.Converged ? $"converged in {record.Turns}" : $"{record.Turns} turns";
            string line = string.Create(CultureInfo.InvariantCulture, $"[{done}/{total}] {job.Label}: {record.Headline:0.000} {outcome}\n");
            lock (_gate) writer.Write(line);
        });
    }

    public void RetryWaiting(RetryWait wait)
    {
        string line = $"emps run: {wait.Line}\n";
        lock (_gate)
        {
            error.Write(line);
            error.Flush();
        }
    }

    /// <summary>Nothing to clear in a log: the next line says what happened.</summary>
    public void RetryWaitOver(RetryWait wait)
    {
    }
}
