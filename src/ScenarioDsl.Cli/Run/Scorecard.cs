using System.Globalization;
using ScenarioDsl.Runtime.Reports;
using ScenarioDsl.Runtime.Results;
using Spectre.Console;

namespace ScenarioDsl.Cli.Run;

/// <summary>
/// The scorecard printed after <c>emps run</c>: per agent, the number of runs, the mean headline score
/// (process composite; EPM-Q / 100 for epm goals), converged runs, and the mean of each process score
/// over the process runs.
/// </summary>
public static class Scorecard
{
    public sealed record Row(string Agent, int Runs, double Score, int Converged, double? Alignment, double? Impact, double? Stability, double? EpmQ);

    public static IReadOnlyList<Row> Rows(IEnumerable<RunRecord> records) =>
        records.GroupBy(r => r.Agent, StringComparer.Ordinal)
            .Select(g =>
            {
                var process = g.Where(r => r.Profile == "process").ToArray();
                var epm = g.Where(r => r.Profile == "epm").ToArray();
                return new Row(
                    g.Key,
                    g.Count(),
                    g.Average(r => r.Headline),
                    g.Count(r => r.Converged),
                    process.Length > 0 ? process.Average(r => r.Number("alignment") ?? 0) : null,
                    process.Length > 0 ? process.Average(r => r.Number("impactNormalized") ?? 0) : null,
                    process.Length > 0 ? process.Average(r => r.Number("stability") ?? 0) : null,
                    epm.Length > 0 ? epm.Average(r => r.Number("epmQ") ?? 0) : null);
            })
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Agent, StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// The two lines printed under the scorecard (by <c>emps run</c> and <c>emps merge</c>): what its columns are, since
    /// "score" mixes two profiles' headlines and "alignment" is on another scale than the others.
    /// </summary>
    public const string Legend =
        "score: mean headline per run, 0..1 (process composite, or EPM-Q / 100 for goals with `scoring epm`); alignment (-1..1), "
        + "impact (normalised, 0..1) and stability (0..1): means over the process runs; EPM-Q: mean over the epm runs (0..100); "
        + "higher is better.\n"
        + "What each score means, and every run's trajectory and transcript: report.html (\"What the numbers mean\").\n";

    private static readonly string[] Headers = ["agent", "runs", "score", "converged", "alignment", "impact", "stability", "EPM-Q"];

    private static string[] Cells(Row row) =>
    [
        row.Agent,
        row.Runs.ToString(CultureInfo.InvariantCulture),
        N(row.Score),
        $"{row.Converged}/{row.Runs}",
        row.Alignment is { } a ? N(a) : "-",
        row.Impact is { } i ? N(i) : "-",
        row.Stability is { } s ? N(s) : "-",
        row.EpmQ is { } q ? ScoreValues.Format(q, "0.0") : "-",
    ];

    public static void WritePlain(TextWriter writer, IReadOnlyList<Row> rows)
    {
        var table = new[] { Headers }.Concat(rows.Select(Cells)).ToArray();
        var widths = Enumerable.Range(0, Headers.Length).Select(c => table.Max(r => Columns(r[c]))).ToArray();
        foreach (var line in table)
            writer.Write(string.Join("  ", line.Select((cell, c) =>
            {
                var padding = new string(' ', widths[c] - Columns(cell));
                return c == 0 ? cell + padding : padding + cell;
            })).TrimEnd() + "\n");
    }

    /// <summary>
    /// The terminal columns a cell takes: agent names hold file names and model names, so a wide character (CJK, most
    /// emoji) takes two and a combining mark none, not one per UTF-16 unit as padding by length assumed. The widths are
    /// Spectre.Console's own (<c>string.GetCellWidth()</c>, by grapheme: a flag, a ZWJ sequence
    /// or an emoji with VS16 is one glyph of two), the ones <see cref="WriteSpectre"/>'s table pads by, so the plain and
    /// the terminal scorecard agree. Spectre gives -1 for a text that holds a control character; those count as none.
    /// </summary>
    internal static int Columns(string text)
    {
        if (text.Any(char.IsControl)) text = string.Concat(text.Where(c => !char.IsControl(c)));
        return Math.Max(0, text.GetCellWidth());
    }

    public static void WriteSpectre(IAnsiConsole console, IReadOnlyList<Row> rows)
    {
        var table = new Table().Title("scorecard");
        foreach (var (header, c) in Headers.Select((h, c) => (h, c)))
            table.AddColumn(c == 0 ? new TableColumn(header) : new TableColumn(header).RightAligned());
        foreach (var row in rows) table.AddRow(Cells(row).Select(Markup.Escape).ToArray());
        console.Write(table);
    }

    private static string N(double value) => ScoreValues.Format(value);
}
