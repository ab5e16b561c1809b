using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Runtime.Reports;

/// <summary>The report's plots, drawn as inline SVG from run records.</summary>
public static class Plots
{
    public static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];

    /// <summary>
    /// Each dimension over turns, as a fraction of its range; dashed lines mark the target values. The legend (each name in
    /// its line's colour) is below the plot, in as many rows as the space's dimensions need (see <see cref="SvgWriter.LayOutLegend"/>).
    /// </summary>
    public static string Dimensions(RunRecord run)
    {
        if (StatesProblem(run) is { } problem) return NoPlot("state", problem);
        var legend = SvgWriter.LayOutLegend(run.Dimensions.Select(name => name ?? "").ToList());
        var svg = new SvgWriter("plot-dimensions", "state over turns (fraction of range)", 0, Math.Max(1, run.MaxTurns), 0, 1, legend);
        for (int d = 0; d < run.Dimensions.Length; d++)
        {
            var range = run.Ranges is { } ranges && ranges.Length > d && ranges[d] is { Length: 2 } r ? r : [0.0, 1.0];
            double lo = range[0], hi = range[1];
            string color = Palette[d % Palette.Length];
            svg.Polyline(run.States.Select((s, t) => ((double)t, Fraction(s[d], lo, hi))), color);
            int c = Array.IndexOf(run.Constrained ?? [], run.Dimensions[d]);
            if (c >= 0 && run.Target is { } target && c < target.Length)
                svg.Polyline([(0.0, Fraction(target[c], lo, hi)), (Math.Max(1, run.MaxTurns), Fraction(target[c], lo, hi))], color, dashed: true, markers: false);
        }
        svg.Legend(legend, d => Palette[d % Palette.Length]);
        svg.AxisLabels("turn", "");
        return svg.ToString();
    }

    /// <summary>
    /// The trajectory projected on the goal: x = progress along u (0 = start, 1 = target),
    /// y = distance from the start-target line, both in units of |u|; the circle is the within radius.
    /// With one constrained dimension, y is the turn and the band is the within zone.
    /// </summary>
    public static string Projection(RunRecord run)
    {
        if (ProjectionProblem(run) is { } problem) return NoPlot("projection", problem);
        var points = Project(run, out double uNorm);
        // One constrained dimension has no off-line direction: plot progress against the turn instead.
        bool overTurns = run.Constrained.Length == 1;
        if (overTurns) points = points.Select((p, t) => (p.X, (double)t)).ToList();
        // Points that are not finite (a state of NaN in an edited record) are left out, of the line and of the axes.
        points = points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        if (points.Count == 0) return NoPlot("projection", "its states are not finite numbers");
        double xMax = Math.Max(1.2, points.Max(p => p.X) + 0.1), xMin = Math.Min(-0.2, points.Min(p => p.X) - 0.1);
        double yMax = overTurns ? Math.Max(1, run.MaxTurns) : Math.Max(0.5, points.Max(p => p.Y) + 0.1);
        var svg = new SvgWriter("plot-projection", "toward the target (units of |u|)", xMin, xMax, 0, yMax);
        double radiusPx = run.Within / (uNorm > 0 ? uNorm : 1) * (SvgWriter.Width - SvgWriter.Left - SvgWriter.Right) / (xMax - xMin);
        if (overTurns)
        {
            svg.Rect(1 - run.Within / (uNorm > 0 ? uNorm : 1), 0, 1 + run.Within / (uNorm > 0 ? uNorm : 1), yMax, "#e3f2e3");
            svg.Polyline([(1.0, 0.0), (1.0, yMax)], "#2ca02c", dashed: true, markers: false);
        }
        else
        {
            svg.Circle(1, 0, Math.Max(3, radiusPx), "#2ca02c", filled: false);
            svg.Circle(1, 0, 4, "#2ca02c");
        }
        svg.Circle(0, 0, 4, "#555");
        svg.Polyline(points, "#1f77b4");
        svg.AxisLabels("progress along u", overTurns ? "turn" : "off-line");
        return svg.ToString();
    }

    /// <summary>Why the run's states cannot be drawn, or null when they can. Runs always record drawable states, but a results file
    /// given to <c>emps merge</c> or resumed by <c>emps run</c> may hold any record that parses.</summary>
    internal static string? StatesProblem(RunRecord run)
    {
        if (run.States is not { Length: > 0 } states) return "the record has no states";
        int dims = run.Dimensions?.Length ?? 0;
        if (dims == 0) return "the record has no dimensions";
        return states.All(s => s is not null && s.Length == dims) ? null : $"its states do not each have its {dims} dimensions";
    }

    /// <summary>Why the projection cannot be drawn (bad states, or constrained dimensions and target that do not fit), or null.</summary>
    internal static string? ProjectionProblem(RunRecord run)
    {
        if (StatesProblem(run) is { } problem) return problem;
        if (run.Constrained is not { Length: > 0 } constrained) return "the record has no constrained dimensions";
        if (constrained.FirstOrDefault(c => Array.IndexOf(run.Dimensions, c) < 0) is { } unknown) return $"its constrained dimension '{unknown}' is not one of its dimensions";
        return run.Target?.Length == constrained.Length ? null : "its target does not give every constrained dimension";
    }

    private static string NoPlot(string what, string problem) =>
        $"<p class=\"noplot\">No {what} plot: {SvgWriter.Encode(problem)}.</p>";

    /// <summary>
    /// Each state's progress along u and distance from the start-target line, in units of |u|; <paramref name="uNorm"/> is |u|.
    /// Both are ratios, so they are computed on u and the displacements halved (a difference of two doubles near the
    /// limits overflows, a half-difference does not) and divided by u's largest component (so squares do not overflow):
    /// a space of ranges near 1e308 plots like any other. The halving and the division are exact for ordinary values.
    /// </summary>
    internal static List<(double X, double Y)> Project(RunRecord run, out double uNorm)
    {
        var index = run.Constrained.Select(name => Array.IndexOf(run.Dimensions, name)).ToArray();
        var s0 = run.States[0];
        var half = index.Select((d, i) => run.Target[i] / 2 - s0[d] / 2).ToArray();
        double scale = half.Max(Math.Abs);
        if (!(scale > 0) || !double.IsFinite(scale)) scale = 1;
        var u = half.Select(x => x / scale).ToArray();
        double uu = u.Sum(x => x * x);
        uNorm = 2 * scale * Math.Sqrt(uu);
        var result = new List<(double, double)>();
        foreach (var s in run.States)
        {
            var v = index.Select((d, i) => (s[d] / 2 - s0[d] / 2) / scale).ToArray();
            double along = uu > 0 ? v.Select((x, i) => x * u[i]).Sum() / uu : 0;
            double off2 = v.Select((x, i) => x - along * u[i]).Sum(x => x * x);
            result.Add((along, uu > 0 ? Math.Sqrt(off2 / uu) : 0));
        }
        return result;
    }

    /// <summary>Where x lies in [lo, hi], as a fraction (halved first, so a range near the limits of double does not overflow).</summary>
    private static double Fraction(double x, double lo, double hi) => hi > lo ? (x / 2 - lo / 2) / (hi / 2 - lo / 2) : x - lo;

    /// <summary>The font size of an agent's label under its bar, in px.</summary>
    private const double LabelSize = 10;

    /// <summary>Mean headline score (0..1) per agent, one bar each.</summary>
    public static string ScoreBars(IReadOnlyList<(string Agent, double Mean, int Runs)> agents)
    {
        var svg = new SvgWriter("plot-scores", "mean score per agent, 0..1 (process composite, or EPM-Q / 100)", 0, Math.Max(1, agents.Count), 0, 1);
        for (int i = 0; i < agents.Count; i++)
        {
            var (agent, mean, runs) = agents[i];
            // A mean of NaN (an overflowed score) has no bar, only its label; a bar stays inside the 0..1 axis.
            double top = double.IsNaN(mean) ? 0 : Math.Clamp(mean, 0, 1);
            if (!double.IsNaN(mean)) svg.Rect(i + 0.15, 0, i + 0.85, top, Palette[i % Palette.Length]);
            svg.Text(svg.X(i + 0.5), svg.Y(top) - 3, ScoreValues.Format(mean), "middle");
            // The label fits its slot (names of LLM agents with roles run to 40 characters), the whole name is its tooltip.
            string label = $"{agent} ({runs})", suffix = $" ({runs})";
            // Widths as the state plot's legend estimates them (a wide character two narrow ones), cut between whole characters,
            // in the middle: agent names often share a long beginning (llm:persona-aligned:...) and differ at the end.
            double slot = svg.X(i + 1) - svg.X(i);
            string shown = TextWidth.Pixels(label, LabelSize) <= slot ? label : TextWidth.ShortenMiddle(agent, slot - TextWidth.Pixels(suffix, LabelSize), LabelSize) + suffix;
            svg.Text(svg.X(i + 0.5), SvgWriter.Height - SvgWriter.Bottom + 12, shown, "middle", LabelSize, tooltip: shown == label ? null : label);
        }
        return svg.ToString();
    }
}
