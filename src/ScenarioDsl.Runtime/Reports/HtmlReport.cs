using System.Globalization;
using System.Text;
using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Runtime.Reports;

/// <summary>
/// The self-contained HTML report: a scorecard, score bars per agent, and per run (one
/// <c>&lt;figure class="run"&gt;</c> each) the dimensions over turns and the projection toward the target,
/// plus the transcript. No scripts, fonts or external URLs. Written to a temp file, then renamed.
/// A run takes about 12 KB, so a large sweep shows its first <c>maxRuns</c> runs in the scorecard table and
/// the figures (the score bars cover every run, and the page says how many it shows).
/// </summary>
public static class HtmlReport
{
    public const string FileName = "report.html";

    /// <summary>How many runs the scorecard table and the figures show unless told otherwise: about 12 MB of page.</summary>
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
            .Append("figcaption,li,.long{overflow-wrap:anywhere}.state{color:#2c6e49}dt{font-weight:bold;float:left;clear:left;width:6em}dd{margin-left:7em;margin-bottom:.3em}")
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

        var anchors = Anchors(runs, shown);
        html.Append("<h2>Scorecard</h2>\n<p>One row per run; <i>plot</i> leads to the run's trajectory and transcript below. ")
            .Append("<a href=\"#numbers\">What the numbers mean</a> follows the table.</p>\n");
        html.Append("<table><tr><th>scenario</th><th>seed</th><th>agent</th><th>profile</th><th>score</th><th>converged</th><th>turns</th><th>details</th><th>plot</th></tr>\n");
        for (int i = 0; i < shown; i++)
        {
            var run = runs[i];
            html.Append("<tr><td>").Append(C(run.Scenario)).Append(run.Suite is null ? "" : " (suite " + C(run.Suite) + ")").Append("</td><td>").Append(run.Seed).Append("</td><td>").Append(C(run.Agent))
                .Append("</td><td>").Append(E(run.Profile)).Append(" v").Append(E(run.ProfileVersion))
                .Append("</td><td>").Append(N(run.Headline)).Append("</td><td>").Append(run.Converged ? "yes" : "no")
                .Append("</td><td>").Append(run.Turns).Append("</td><td class=\"l\">").Append(E(Details(run))).Append("</td><td><a href=\"#").Append(E(anchors[i])).Append("\">plot</a></td></tr>\n");
        }
        html.Append("</table>\n").Append(Explanation).Append("<h2>Runs</h2>\n").Append(PlotExplanation);

        for (int i = 0; i < shown; i++)
        {
            var run = runs[i];
            html.Append("<figure class=\"run\" id=\"").Append(E(anchors[i])).Append("\"><figcaption><b>").Append(I(run.Scenario))
                .Append("</b>").Append(run.Suite is null ? "" : " (suite " + I(run.Suite) + ")").Append(" seed ").Append(run.Seed).Append(", agent ").Append(I(run.Agent)).Append(", ").Append(E(run.Profile))
                .Append(": ").Append(N(run.Headline)).Append("</figcaption>\n");
            html.Append(Plots.Dimensions(run)).Append(Plots.Projection(run)).Append('\n');
            html.Append("<details><summary>transcript</summary><ol><li><i>persona:</i> ").Append(I(run.Opening)).Append(State(run, 0, "start")).Append("</li>");
            var messages = run.Messages ?? [];
            for (int t = 1; t <= messages.Length; t++)
            {
                var m = messages[t - 1];
                if (m is null) continue;
                html.Append("<li><i>agent:</i> ").Append(I(m.Agent)).Append(" <span class=\"cues\">[").Append(E(string.Join(", ", m.Cues ?? []))).Append("]</span>")
                    .Append(State(run, t, "state"));
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

    /// <summary>
    /// The id of each shown run's figure, which its table row links to: <see cref="Anchor"/> with white space replaced by
    /// '_' (an HTML id holds none: an agent <c>scripted:my replies.txt</c> would give a link that goes nowhere), made unique
    /// with a suffix <c>-2</c>, <c>-3</c>... when two runs would share one (agents <c>a b</c> and <c>a_b</c>, edited records).
    /// </summary>
    private static string[] Anchors(IReadOnlyList<RunRecord> runs, int shown)
    {
        var anchors = new string[shown];
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < shown; i++)
        {
            var anchor = new string(Anchor(runs[i]).Select(c => char.IsWhiteSpace(c) ? '_' : c).ToArray());
            var unique = anchor;
            for (int n = 2; !used.Add(unique); n++) unique = anchor + "-" + n.ToString(CultureInfo.InvariantCulture);
            anchors[i] = unique;
        }
        return anchors;
    }

    /// <summary>
    /// The state s_t as numbers after the transcript line of turn t (the start at t = 0), so a run's trajectory can be read,
    /// not only seen; nothing when the record has no such state or it does not give one number per dimension.
    /// </summary>
    private static string State(RunRecord run, int t, string label)
    {
        var dimensions = run.Dimensions;
        if (run.States is not { } states || t >= states.Length || states[t] is not { } state || dimensions is null
            || dimensions.Length == 0 || state.Length != dimensions.Length) return "";
        var text = new StringBuilder(" <span class=\"state\">").Append(label).Append(": ");
        for (int d = 0; d < state.Length; d++)
            text.Append(d == 0 ? "" : ", ").Append(I(dimensions[d])).Append(' ').Append(N(state[d]));
        return text.Append("</span>").ToString();
    }

    /// <summary>The glossary under the scorecard table (SPEC 2.3 and docs/runtime.md in words).</summary>
    private const string Explanation =
        "<h2 id=\"numbers\">What the numbers mean</h2>\n"
        + "<p>A run is one conversation: the persona starts at its declared state, the agent replies, the cues detected in each "
        + "reply move the persona's hidden state by the persona's rules, and the run ends when the state comes within the goal's "
        + "<code>within</code> of the target (converged) or after the goal's <code>turns</code>. The scores judge the path of that "
        + "state over the dimensions the goal names; u is the straight line from the start to the target. Higher is better.</p>\n"
        + "<dl>\n"
        + "<dt>score</dt><dd>the run's headline in 0..1: the composite for a goal with <code>scoring process</code> (the default), "
        + "EPM-Q / 100 for <code>scoring epm</code>. The bars at the top are each agent's mean over all its runs, both kinds together.</dd>\n"
        + "<dt>converged</dt><dd>yes when the state came within <code>within</code> of the target; the run stops there.</dd>\n"
        + "<dt>turns</dt><dd>the agent's replies in the run; fewer than the goal's <code>turns</code> only when it converged.</dd>\n"
        + "<dt>A</dt><dd>alignment, -1..1: the cosine between the net move (last state minus start) and u; 1 straight toward the "
        + "target, 0 sideways or no move, -1 straight away. The composite counts it as (A+1)/2.</dd>\n"
        + "<dt>In</dt><dd>impact, 0..1: the length of the path, turn by turn, divided by the length of u, capped at 1. It counts "
        + "movement in any direction: read it with A and P (a persona pushed away from the target has impact too).</dd>\n"
        + "<dt>S</dt><dd>stability, 0..1: 1 minus the standard deviation of the angles between each turn's move and u, divided by pi; "
        + "1 when the moves keep one direction, or fewer than two turns moved. Steady, not necessarily toward the target.</dd>\n"
        + "<dt>P</dt><dd>progress: the net move along u as a fraction of u; 1 reached the target exactly, 0 no progress, below 0 "
        + "moved away. Not part of the composite.</dd>\n"
        + "<dt>composite</dt><dd>(wa (A+1)/2 + wi In + ws S) / (wa + wi + ws) with the goal's weights (by default alignment 0.4, "
        + "impact 0.3, stability 0.3).</dd>\n"
        + "<dt>EPM-Q</dt><dd>0..100, the EMPA paper's score adapted to the sandbox: 0.4 outcome + 0.2 efficiency + 0.4 stability, "
        + "each 0..100. Outcome: the share of the distance to the target zone that was closed, the work done toward the target, and "
        + "how many dimension steps got closer rather than further; efficiency: work per turn and how straight the path was; "
        + "stability: the share of turns that moved toward the target, the mean alignment of the moves, and few moves away. "
        + "Then <i>success</i> (converged, with at least as much work toward the target as the distance to close), <i>failure</i> "
        + "(five turns in a row moving away, or a stalled and regressing stretch) or <i>maxTurns</i> (neither).</dd>\n"
        + "</dl>\n"
        + "<p>The exact definitions are in docs/runtime.md (the process and epm profiles); every score of every run is in "
        + "results.jsonl.</p>\n";

    /// <summary>What the two plots of a run show.</summary>
    private const string PlotExplanation =
        "<p>Per run, left: each dimension over the turns as a fraction of its range (0 its low end, 1 its high end), the goal's "
        + "target values dashed. Right: the path seen from the goal: x is the progress along u (0 the start, 1 the target), y the "
        + "distance from the straight start-target line, both in lengths of u; the circle is <code>within</code> around the "
        + "target (with one constrained dimension y is the turn and the band is <code>within</code>). The transcript lists each "
        + "reply's detected cues and the state after that turn.</p>\n";

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
