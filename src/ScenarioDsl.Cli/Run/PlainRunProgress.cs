using System.Globalization;
using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Cli.Run;

/// <summary>One line per finished run, for redirected output and logs: <c>[3/22] Name seed 7 aligned: 0.824 converged in 6</c>.</summary>
public sealed class PlainRunProgress(TextWriter writer) : IRunProgress
{
    public async Task RunAsync(int total, int skipped, Func<Action<RunJob, RunRecord>, Task> work)
    {
        if (skipped > 0) writer.Write($"resuming: {skipped} of {total} runs already in results.jsonl\n");
        int done = skipped;
        await work((job, record) =>
        {
            done++;
            var outcome = record.Converged ? $"converged in {record.Turns}" : $"{record.Turns} turns";
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"[{done}/{total}] {job.Label}: {record.Headline:0.000} {outcome}\n"));
        });
    }
}
