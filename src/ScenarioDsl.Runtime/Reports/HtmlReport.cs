using System.Globalization;
using System.Text;
using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Runtime.Reports;

/// <summary>
/// The self-contained HTML report: a scorecard, score bars per agent, and per run (one
/// <c>&lt;figure class="run"&gt;</c> each) the dimensions over turns and the projection toward the target,
/// plus the transcript. No scripts, fonts or external URLs. Written to a temp file, then renamed.
/// A run takes about 10 KB, so a large sweep shows its first <c>maxRuns</c> runs in the scorecard table and
/// the figures (the score bars cover every run, and the page says how many it shows).
/// </summary>
public static class HtmlReport
{
    public const string FileName = "report.html";

    /// <summary>How many runs the scorecard table and the figures show unless told otherwise: about 10 MB of page.</summary>
    public const int DefaultMaxRuns = 1000;

    public static void Write(string path, IReadOnlyList<RunRecord> runs, int maxRuns = DefaultMaxRuns)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, Render(runs, maxRuns), new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }

    public static string Render(IReadOnlyList<RunRecord> runs, int maxRuns = DefaultMaxRuns)
    {
        if (maxRuns < 0) throw new ArgumentOutOfRangeException(nameof(maxRuns), maxRuns, "the number of runs to show cannot be negative");
        int shown = Math.Min(runs.Count, maxRuns);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>emps run report</title><style>")
            .Append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}")
            .Append("td:first-child,th:first-child,td.l{text-align:left}figure.run{border-top:1px solid #ddd;margin:1em 0;padding-top:.5em}")
            .Append("figure.run svg{margin-right:1em;vertical-align:top}details{font-size:90%}.cues{color:#666}.noplot{color:#666;font-style:italic}")
            // Names and replies are user text: a long word breaks anywhere rather than widening the page. In table cells only
            // words over LongWord characters may (class "long"): breaking every cell let a wide table squeeze short words.
            .Append("figcaption,li,.long{overflow-wrap:anywhere}")
            .Append("</style></head><body>\n<h1>emps run report</h1>\n");
        html.Append("<p>").Append(runs.Count).Append(" runs.");
        if (shown < runs.Count)
            html.Append(" The scorecard table and the runs below show the first ").Append(shown).Append(";")
                .Append(" the score bars cover all ").Append(runs.Count).Append(", and every run is in results.jsonl")
                .Append(" (<code>--report-runs N</code> sets how many are shown).");
        html.Append("</p>\n");

        var agents = runs.GroupBy(r => r.Agent)
            .Select(g => (g.Key, g.Average(r => r.Headline), g.Count()))
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .ToList();
        html.Append("<h2>Scores per agent</h2>\n").Append(Plots.ScoreBars(agents)).Append('\n');

        html.Append("<h2>Scorecard</h2>\n<table><tr><th>scenario</th><th>seed</th><th>agent</th><th>profile</th><th>score</th><th>converged</th><th>turns</th><th>details</th></tr>\n");
        for (int i = 0; i < shown; i++)
        {
            var run = runs[i];
            html.Append("<tr><td>").Append(C(run.Scenario)).Append(run.Suite is null ? "" : " (suite " + C(run.Suite) + ")").Append("</td><td>").Append(run.Seed).Append("</td><td>").Append(C(run.Agent))
                .Append("</td><td>").Append(E(run.Profile)).Append(" v").Append(E(run.ProfileVersion))
                .Append("</td><td>").Append(N(run.Headline)).Append("</td><td>").Append(run.Converged ? "yes" : "no")
                .Append("</td><td>").Append(run.Turns).Append("</td><td class=\"l\">").Append(E(Details(run))).Append("</td></tr>\n");
        }
        html.Append("</table>\n<h2>Runs</h2>\n");

        for (int i = 0; i < shown; i++)
        {
            var run = runs[i];
            html.Append("<figure class=\"run\" id=\"").Append(E(Anchor(run))).Append("\"><figcaption><b>").Append(I(run.Scenario))
                .Append("</b>").Append(run.Suite is null ? "" : " (suite " + I(run.Suite) + ")").Append(" seed ").Append(run.Seed).Append(", agent ").Append(I(run.Agent)).Append(", ").Append(E(run.Profile))
                .Append(": ").Append(N(run.Headline)).Append("</figcaption>\n");
            html.Append(Plots.Dimensions(run)).Append(Plots.Projection(run)).Append('\n');
            html.Append("<details><summary>transcript</summary><ol><li><i>persona:</i> ").Append(I(run.Opening)).Append("</li>");
            foreach (var m in run.Messages ?? [])
            {
                if (m is null) continue;
                html.Append("<li><i>agent:</i> ").Append(I(m.Agent)).Append(" <span class=\"cues\">[").Append(E(string.Join(", ", m.Cues ?? []))).Append("]</span>");
                if (m.Persona is not null) html.Append("<br><i>persona:</i> ").Append(I(m.Persona));
                html.Append("</li>");
            }
            html.Append("</ol></details></figure>\n");
        }
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string Details(RunRecord run) => run.Profile == "epm"
        ? $"EPM-Q {P(run, "epmQ")}, outcome {P(run, "outcome")}, efficiency {P(run, "efficiency")}, stability {P(run, "stability")}, {(run.Scores is not null && run.Scores.TryGetValue("outcomeKind", out var kind) ? kind.ToString() : "")}"
        : $"A {N(run.Number("alignment") ?? 0)}, In {N(run.Number("impactNormalized") ?? 0)}, S {N(run.Number("stability") ?? 0)}, P {N(run.Number("progress") ?? 0)}";

    /// <summary>An EPM score as results.jsonl holds it (0..100), with one decimal like the scorecard's EPM-Q.</summary>
    private static string P(RunRecord run, string name) => ScoreValues.Format(run.Number(name) ?? 0, "0.0");

    private static string Anchor(RunRecord run) => (run.Suite is null ? "" : run.Suite + "-") + $"{run.Scenario}-s{run.Seed}-{run.Agent}";

    private static string E(string? text) => SvgWriter.Encode(text ?? "");

    private const int LongWord = 40;

    /// <summary>User text in a table cell, encoded; one with a word longer than <see cref="LongWord"/> may break anywhere.</summary>
    private static string C(string? text) =>
        (text ?? "").Split(' ', '\t', '\n').Any(word => word.Length > LongWord) ? "<span class=\"long\">" + E(text) + "</span>" : E(text);

    /// <summary>
    /// User text inside a line of the report's own words, encoded and isolated (<c>&lt;bdi&gt;</c>): right-to-left text, or a
    /// right-to-left override without its end, stays inside and cannot reorder the words and cue lists after it.
    /// </summary>
    private static string I(string? text) => "<bdi>" + E(text) + "</bdi>";

    private static string N(double value) => ScoreValues.Format(value);
}
