using System.Globalization;
using System.Text.Json;
using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Runtime.Reports;

/// <summary>
/// A run's scores as the report and the scorecard read them. results.jsonl writes a score that overflowed as the string
/// <c>"NaN"</c>, <c>"Infinity"</c> or <c>"-Infinity"</c> (docs/runtime.md); those are read as the doubles they name, so the
/// report and the scorecard show what the results file holds instead of 0.
/// </summary>
public static class ScoreValues
{
    /// <summary>A numeric score (a JSON number or one of the three named literals); null when absent or not a number.</summary>
    public static double? Number(RunRecord run, string name)
    {
        if (run.Scores is null || !run.Scores.TryGetValue(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String => value.GetString() switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                _ => null,
            },
            _ => null,
        };
    }

    /// <summary>The profile's headline in [0, 1]: process composite, epm EPM-Q / 100; 0 when absent (as <see cref="RunRecord.Headline"/>).</summary>
    public static double Headline(RunRecord run) =>
        run.Profile == "epm" ? (Number(run, "epmQ") ?? 0) / 100.0 : Number(run, "composite") ?? 0;

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
