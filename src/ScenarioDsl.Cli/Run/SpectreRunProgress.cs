using ScenarioDsl.Runtime.Results;
using Spectre.Console;

namespace ScenarioDsl.Cli.Run;

/// <summary>A Spectre.Console progress bar on an interactive terminal; full when every run is done, else where the sweep stopped.</summary>
public sealed class SpectreRunProgress(IAnsiConsole console) : IRunProgress
{
    public Task RunAsync(int total, int skipped, Func<Action<RunJob, RunRecord>, Task> work) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(skipped > 0 ? $"runs ({skipped} resumed)" : "runs", maxValue: Math.Max(1, total));
                task.Increment(skipped);
                int done = skipped;
                await work((job, _) =>
                {
                    done++;
                    task.Description = Markup.Escape(job.Label);
                    task.Increment(1);
                });
                // A sweep stopped by Ctrl+C or an LLM failure keeps its bar where it got to, and says so.
                if (done >= total)
                {
                    task.Description = "runs";
                    task.Value = task.MaxValue;
                }
                else
                {
                    task.Description = $"runs: {done} of {total}, stopped";
                }
            });
}
