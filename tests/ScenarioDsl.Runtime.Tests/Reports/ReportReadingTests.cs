using System.Text.RegularExpressions;
using ScenarioDsl.Runtime.Reports;
using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Runtime.Tests.Reports;

/// <summary>
/// What a researcher who opens report.html for the first time needs: what the numbers mean, a way from a row of the
/// table to that run's plots, and the states of a run as numbers, not only as a plot.
/// </summary>
public sealed class ReportReadingTests
{
    private static RunRecord Run(string scenario, string agent, string? suite = null) => new()
    {
        Scenario = scenario, Suite = suite, Agent = agent, Profile = "process", ProfileVersion = "1", Opening = "I feel alone.",
        Dimensions = ["loneliness", "hope"], Ranges = [[0, 1], [-1, 1]], Constrained = ["loneliness"], Target = [0.45],
        Within = 0.1, MaxTurns = 2, States = [[0.85, -0.5], [0.7627, -0.4578], [0.5, -0.25]],
        Messages =
        [
            new MessageRecord { Agent = "I hear you.", Persona = "Nobody calls.", Cues = ["warmth"] },
            new MessageRecord { Agent = "You're not alone.", Persona = null, Cues = ["connection"] },
        ],
    };

    [Fact]
    public void The_report_says_what_each_number_of_the_table_means()
    {
        var epm = RunRecords.TryParse("""{"scenario":"E","agent":"a","profile":"epm","profileVersion":"1","dimensions":["d"],"states":[[0],[1]],"scores":{"epmQ":30.2,"outcomeKind":"maxTurns","turns":1}}""")!;

        var html = HtmlReport.Render([Run("S", "aligned"), epm]);

        Assert.Contains("<h2 id=\"numbers\">What the numbers mean</h2>", html);
        // Every abbreviation of the details column and every column of the table is explained.
        foreach (var term in new[] { "<dt>score</dt>", "<dt>converged</dt>", "<dt>turns</dt>", "<dt>A</dt>", "<dt>In</dt>", "<dt>S</dt>", "<dt>P</dt>", "<dt>EPM-Q</dt>" })
            Assert.Contains(term, html);
        // The pitfalls a reader must know: impact counts any movement, and the composite uses (A+1)/2.
        Assert.Contains("in any direction", html);
        Assert.Contains("(A+1)/2", html);
        Assert.Contains("success", html);
        Assert.Contains("docs/runtime.md", html);
    }

    [Fact]
    public void The_plots_are_explained_before_the_runs()
    {
        var html = HtmlReport.Render([Run("S", "aligned")]);

        int runs = html.IndexOf("<h2>Runs</h2>", StringComparison.Ordinal);
        int figure = html.IndexOf("<figure class=\"run\"", StringComparison.Ordinal);
        var preface = html[runs..figure];
        Assert.Contains("fraction of its range", preface);
        Assert.Contains("dashed", preface);
        Assert.Contains("progress along", preface);
        Assert.Contains("within", preface);
    }

    [Fact]
    public void Each_row_of_the_table_links_to_the_figure_of_its_run()
    {
        var html = HtmlReport.Render([Run("S", "aligned"), Run("P_G_s1", "generic", suite: "Suite"), Run("S", "scripted:my replies.txt")]);

        var ids = Regex.Matches(html, "<figure class=\"run\" id=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        var links = Regex.Matches(html, "<a href=\"#([^\"]*)\">plot</a>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(ids, links);
        Assert.Contains("<th>plot</th>", html);
        // An id holds no white space (HTML), so a script file name with a space still gives a working link.
        Assert.All(ids, id => Assert.DoesNotMatch("\\s", id));
        Assert.Equal("S-s0-scripted:my_replies.txt", ids[2]);
        Assert.Equal("Suite-P_G_s1-s0-generic", ids[1]);
    }

    [Fact]
    public void Runs_whose_anchors_would_be_equal_get_distinct_ids()
    {
        // "a b" and "a_b" are two agents; with white space replaced their anchors would be one.
        var html = HtmlReport.Render([Run("S", "a b"), Run("S", "a_b")]);

        var ids = Regex.Matches(html, "<figure class=\"run\" id=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, ids.Distinct().Count());
        Assert.Equal(ids, Regex.Matches(html, "<a href=\"#([^\"]*)\">plot</a>").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void The_transcript_gives_the_start_and_the_state_after_each_turn()
    {
        var html = HtmlReport.Render([Run("S", "aligned")]);

        Assert.Contains("<i>persona:</i> <bdi>I feel alone.</bdi> <span class=\"state\">start: <bdi>loneliness</bdi> 0.850, <bdi>hope</bdi> -0.500</span>", html);
        Assert.Contains("<span class=\"cues\">[warmth]</span> <span class=\"state\">state: <bdi>loneliness</bdi> 0.763, <bdi>hope</bdi> -0.458</span><br><i>persona:</i> <bdi>Nobody calls.</bdi>", html);
        Assert.Contains("<span class=\"cues\">[connection]</span> <span class=\"state\">state: <bdi>loneliness</bdi> 0.500, <bdi>hope</bdi> -0.250</span></li>", html);
    }

    [Fact]
    public void A_record_whose_states_do_not_fit_its_dimensions_gets_no_state_in_the_transcript()
    {
        var ragged = Run("S", "a");
        ragged.States = [[0.85, -0.5], [0.7]];
        var none = Run("T", "a");
        none.States = null!;

        var html = HtmlReport.Render([ragged, none]);

        Assert.Contains("start: <bdi>loneliness</bdi> 0.850", html); // the first state fits
        Assert.Single(Regex.Matches(html, "class=\"state\""));
    }

    [Fact]
    public void The_score_bars_title_does_not_read_as_a_division_of_the_composite_by_EPM_Q()
    {
        // "(process composite / EPM-Q)" read as one divided by the other; the bars are the composite or EPM-Q / 100.
        var svg = Plots.ScoreBars([("a", 0.5, 2)]);

        Assert.Contains("<title>mean score per agent, 0..1 (process composite, or EPM-Q / 100)</title>", svg);
    }
}
