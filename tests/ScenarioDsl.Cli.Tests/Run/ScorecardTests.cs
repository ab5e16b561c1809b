using ScenarioDsl.Cli.Run;
using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Cli.Tests.Run;

public class ScorecardTests
{
    private static RunRecord Record(string agent, string scores, string profile = "process") =>
        RunRecords.TryParse($$"""{"scenario":"S","agent":"{{agent}}","profile":"{{profile}}","scores":{{scores}}}""")!;

    private static string Plain(params RunRecord[] records)
    {
        var writer = new StringWriter();
        Scorecard.WritePlain(writer, Scorecard.Rows(records));
        return writer.ToString();
    }

    [Fact]
    public void Overflowed_scores_make_the_means_NaN_not_zero()
    {
        var text = Plain(
            Record("huge", """{"alignment":"NaN","impactNormalized":"Infinity","stability":"NaN","composite":"NaN"}"""),
            Record("huge", """{"alignment":1,"impactNormalized":1,"stability":1,"composite":1}"""),
            Record("fine", """{"alignment":1,"impactNormalized":0.5,"stability":1,"composite":0.8}"""));

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("fine", lines[1]); // NaN sorts last
        Assert.Equal(["huge", "2", "NaN", "0/2", "NaN", "Infinity", "NaN", "-"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_record_without_scores_counts_as_zero_without_failing()
    {
        var row = Assert.Single(Scorecard.Rows([Record("a", "null")]));
        Assert.Equal(0, row.Score);
    }

    [Fact]
    public void A_mean_that_rounds_to_zero_has_no_minus_sign()
    {
        // Two alignments that cancel to within a rounding error: a mean of about -1e-17.
        var text = Plain(
            Record("a", """{"alignment":0.1,"impactNormalized":0,"stability":0,"composite":0}"""),
            Record("a", """{"alignment":-0.10000000000000003,"impactNormalized":0,"stability":0,"composite":0}"""));

        Assert.DoesNotContain("-0.000", text);
    }

    [Fact]
    public void Columns_line_up_by_terminal_columns_with_wide_and_combining_characters_in_agent_names()
    {
        // "scripted:日本語.txt" takes 19 columns (each CJK character two) in 16 chars; "scripted:re\u0301.txt" 15 in 16.
        const string cjk = "scripted:日本語.txt", combining = "scripted:re\u0301.txt";
        var text = Plain(
            Record(cjk, """{"alignment":1,"impactNormalized":1,"stability":1,"composite":0.9}"""),
            Record(combining, """{"alignment":1,"impactNormalized":1,"stability":1,"composite":0.8}"""),
            Record("generic", """{"alignment":1,"impactNormalized":1,"stability":1,"composite":0.7}"""));

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("agent" + new string(' ', 14) + "  runs", lines[0]);
        Assert.StartsWith(cjk + "     1", lines[1]);
        Assert.StartsWith(combining + new string(' ', 4) + "     1", lines[2]);
        Assert.StartsWith("generic" + new string(' ', 12) + "     1", lines[3]);
    }
}
