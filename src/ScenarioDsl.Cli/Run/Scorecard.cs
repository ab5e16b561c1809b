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
    /// The lines printed under the scorecard (by <c>emps run</c> and <c>emps merge</c>): what its columns are, since
    /// "score" mixes two profiles' headlines and "alignment" is on another scale than the others.
    /// </summary>
    public const string Legend =
        "score: mean of each run's headline, 0..1: the process composite, or EPM-Q / 100\n"
        + "for goals with `scoring epm`. alignment (-1..1), impact and stability (0..1):\n"
        + "means over the process runs; EPM-Q (0..100): mean over the epm runs.\n"
        + "What each number means, and every run's trajectory: report.html.\n";

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

    /// <summary>
    /// The scorecard on a terminal: a Spectre.Console table, or the plain one when the table is wider than the terminal
    /// (the four reference agents make 82 columns): Spectre would wrap "validating" into "validatin" and "g" and cut
    /// "stability" short, where the plain lines keep every name and number whole.
    /// </summary>
    public static void WriteSpectre(IAnsiConsole console, IReadOnlyList<Row> rows)
    {
        var cells = new[] { Headers }.Concat(rows.Select(Cells)).ToArray();
        // Each column: its widest cell, one space of padding on each side and a border on its left; one more border at the end.
        int width = Enumerable.Range(0, Headers.Length).Sum(c => cells.Max(r => Columns(r[c])) + 3) + 1;
        if (width > console.Profile.Width)
        {
            var plain = new StringWriter();
            WritePlain(plain, rows);
            console.Profile.Out.Writer.Write(plain.ToString());
            console.Profile.Out.Writer.Flush();
            return;
        }
        var table = new Table().Title("scorecard");
        foreach (var (header, c) in Headers.Select((h, c) => (h, c)))
            table.AddColumn(c == 0 ? new TableColumn(header) : new TableColumn(header).RightAligned());
        foreach (var row in rows) table.AddRow(Cells(row).Select(Markup.Escape).ToArray());
        console.Write(table);
    }

    private static string N(double value) => ScoreValues.Format(value);
}
