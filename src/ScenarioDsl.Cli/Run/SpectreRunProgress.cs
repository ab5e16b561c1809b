using ScenarioDsl.Runtime.Results;
using Spectre.Console;

namespace ScenarioDsl.Cli.Run;

/// <summary>A Spectre.Console progress bar on an interactive terminal.</summary>
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
                await work((job, _) =>
                {
                    task.Description = Markup.Escape(job.Label);
                    task.Increment(1);
                });
                task.Description = "runs";
                task.Value = task.MaxValue;
            });
}
