using System.Globalization;
using ScenarioDsl.Runtime.Results;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ScenarioDsl.Cli.Run;

/// <summary>
/// A Spectre.Console progress bar on an interactive terminal; full when every run is done, else where the sweep stopped.
/// An LLM call waiting to try again gets a row of its own under the bar while it waits
/// (<c>retry 2 of 5 (HTTP 429): turn 3 of Worrier seed 7 llm:generic:m ... in 12 s</c>, the time counting down in the column of
/// the sweep's remaining time), removed when the call goes on. Such a row never widens the display: on a narrow terminal
/// its text is cut at the end, the run's name first.
/// </summary>
public sealed class SpectreRunProgress(IAnsiConsole console, TimeProvider? time = null) : IRunProgress
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// Guards <see cref="_context"/> and <see cref="_rows"/>: retries come from the calls' threads. Never held while the display
    /// renders (its refresh thread takes its own lock, then reads <see cref="_waits"/>), so that no two locks are taken in both orders.
    /// </summary>
    private readonly object _gate = new();

    /// <summary>The live display while <see cref="RunAsync"/> runs its work; null before and after.</summary>
    private ProgressContext? _context;

    /// <summary>The rows of the calls waiting now: their text, and when each wait ends (read by the columns as they render).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ProgressTask, WaitRow> _waits = new();

    /// <summary>A waiting call's row: "retry 2 of 5 (HTTP 429)", ": turn 3 of RUN", and the end of the wait.</summary>
    private sealed record WaitRow(string Head, string Tail, DateTimeOffset Until);

    /// <summary>The columns right of the description (bar 40, percentage, remaining time) and their padding.</summary>
    private const int FixedColumnsWidth = 56;

    private readonly Dictionary<RetryWait, ProgressTask> _rows = new(ReferenceEqualityComparer.Instance);

    public Task RunAsync(int total, int skipped, Func<Action<RunJob, RunRecord>, Task> work) =>
        console.Progress()
            .AutoClear(false)
            .Columns(
                new WaitRowColumn(new TaskDescriptionColumn(), static (options, row) => new WaitText(row, Math.Max(30, options.ConsoleSize.Width - FixedColumnsWidth)), this),
                new ProgressBarColumn(),
                new WaitRowColumn(new PercentageColumn(), static (_, _) => Text.Empty, this),
                new WaitRowColumn(new RemainingTimeColumn(), (_, row) => Countdown(row.Until), this))
            .StartAsync(async context =>
            {
                var task = context.AddTask(skipped > 0 ? $"runs ({skipped} resumed)" : "runs", maxValue: Math.Max(1, total));
                task.Increment(skipped);
                int done = skipped;
                lock (_gate) _context = context;
                try
                {
                    await work((job, _) =>
                    {
                        done++;
                        task.Description = Markup.Escape(job.Label);
                        task.Increment(1);
                    });
                }
                finally
                {
                    // Every wait ends before the work does (the calls are awaited); should one not have, its row goes too.
                    lock (_gate)
                    {
                        _context = null;
                        foreach (var row in _rows.Values) context.RemoveTask(row);
                        _rows.Clear();
                        _waits.Clear();
                    }
                }
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

    public void RetryWaiting(RetryWait wait)
    {
        var retry = wait.Retry;
        // The turn before the run's name, which is long and cut first on a narrow terminal.
        var text = new WaitRow(
            string.Create(CultureInfo.InvariantCulture, $"retry {retry.Attempt} of {retry.MaxAttempts} ({retry.Reason})"),
            wait.Turn is { } turn
                ? string.Create(CultureInfo.InvariantCulture, $": turn {turn} of {wait.Run ?? "an LLM call"}")
                : $": {wait.Run ?? "an LLM call"}",
            _time.GetUtcNow() + retry.Wait);
        ProgressContext? shown;
        lock (_gate)
        {
            if ((shown = _context) is null) return;
            var row = shown.AddTask(Markup.Escape(text.Head + text.Tail), maxValue: 1);
            row.IsIndeterminate = true;
            _waits[row] = text;
            _rows[wait] = row;
        }
        shown.Refresh();
    }

    public void RetryWaitOver(RetryWait wait)
    {
        ProgressContext? shown;
        lock (_gate)
        {
            if ((shown = _context) is null || !_rows.Remove(wait, out var row)) return;
            shown.RemoveTask(row);
            _waits.TryRemove(row, out _);
        }
        shown.Refresh();
    }

    /// <summary>The time left of a wait row, in the column of the sweep's remaining time: "in 12 s", "in 0.4 s".</summary>
    private IRenderable Countdown(DateTimeOffset until)
    {
        double seconds = Math.Max(0, (until - _time.GetUtcNow()).TotalSeconds);
        string text = seconds < 10
            ? string.Create(CultureInfo.InvariantCulture, $"in {seconds:0.0} s")
            : string.Create(CultureInfo.InvariantCulture, $"in {Math.Ceiling(seconds):0} s");
        return new Text(text, new Style(Color.Yellow));
    }

    /// <summary>A column that shows its own cell on the rows of waiting calls (the sweep's row is the inner column's).</summary>
    private sealed class WaitRowColumn(ProgressColumn inner, Func<RenderOptions, WaitRow, IRenderable> waitCell, SpectreRunProgress progress) : ProgressColumn
    {
        protected override bool NoWrap => true;

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            progress._waits.TryGetValue(task, out var row) ? waitCell(options, row) : inner.Render(options, task, deltaTime);

        public override int? GetColumnWidth(RenderOptions options) => inner.GetColumnWidth(options);
    }

    /// <summary>
    /// A waiting call's text on one line, right-aligned like the sweep's description. It asks for at most <paramref name="cap"/>
    /// columns, so that it never takes the bar's room, and is cut at the end with "…" when the column is narrower.
    /// </summary>
    private sealed class WaitText(WaitRow row, int cap) : Renderable
    {
        private static readonly Style HeadStyle = new(Color.Yellow);

        protected override Measurement Measure(RenderOptions options, int maxWidth)
        {
            int width = Math.Min(Math.Min(row.Head.Length + row.Tail.Length, cap), maxWidth);
            return new Measurement(Math.Min(width, 12), width);
        }

        protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
        {
            // The column is as wide as the grid made it (Measure kept this row from widening it): use it all.
            int width = Math.Max(1, maxWidth);
            string text = row.Head + row.Tail;
            if (text.Length > width) text = text[..(width - 1)] + "…";
            if (text.Length < maxWidth) yield return new Segment(new string(' ', maxWidth - text.Length));
            int head = Math.Min(row.Head.Length, text.Length);
            yield return new Segment(text[..head], HeadStyle);
            if (head < text.Length) yield return new Segment(text[head..]);
        }
    }
}
