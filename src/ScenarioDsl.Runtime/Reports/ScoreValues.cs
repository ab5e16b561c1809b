using System.Globalization;
using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Runtime.Reports;

/// <summary>How the report and the scorecard print a score (what they read is <see cref="RunRecord.Number"/>).</summary>
public static class ScoreValues
{
    /// <summary>
    /// A score with three decimals (invariant culture); NaN and the infinities as results.jsonl writes them. A value that
    /// rounds to zero is "0.000", never "-0.000" (a mean of alignments that cancel is about -1e-17).
    /// </summary>
    public static string Format(double value, string format = "0.000")
    {
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return text.Length > 1 && text[0] == '-' && text.AsSpan(1).IndexOfAnyExcept("0.") < 0 ? text[1..] : text;
    }
}
