using ScenarioDsl.Runtime.Reports;
using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Runtime.Tests.Reports;

/// <summary>The report and its plots on records a run does not make (odd results files given to emps merge or resumed by emps run).</summary>
public sealed class HtmlReportTests
{
    private static RunRecord Line(string json) => RunRecords.TryParse(json) ?? throw new InvalidOperationException("not a record: " + json);

    [Fact]
    public void Records_without_a_drawable_trajectory_get_their_figure_with_a_note_instead_of_plots()
    {
        var runs = new[]
        {
            Line("""{"scenario":"NoStates","agent":"a","dimensions":["d"],"constrained":["d"],"target":[1],"states":[]}"""),
            Line("""{"scenario":"Ragged","agent":"a","dimensions":["d","e"],"constrained":["d"],"target":[1],"states":[[0,0],[0.5]]}"""),
            Line("""{"scenario":"UnknownDimension","agent":"a","dimensions":["d"],"constrained":["zz"],"target":[1],"states":[[0],[0.5]]}"""),
            Line("""{"scenario":"ShortTarget","agent":"a","dimensions":["d","e"],"constrained":["d","e"],"target":[1],"states":[[0,0],[0.5,0.5]]}"""),
            Line("""{"scenario":"Nulls","agent":"a","dimensions":null,"states":null,"messages":[null,{"agent":null,"cues":null}],"opening":null}"""),
        };

        var html = HtmlReport.Render(runs);

        Assert.Equal(5, html.Split("<figure class=\"run\"").Length - 1);
        // Two notes where the states cannot be drawn (no states, ragged states, none at all), one where only the projection cannot.
        Assert.Equal(2 + 2 + 1 + 1 + 2, html.Split("class=\"noplot\"").Length - 1);
        Assert.Equal(2, html.Split("<svg class=\"plot-dimensions\"").Length - 1);
        Assert.DoesNotContain("NaN", html);
    }

    [Fact]
    public void A_record_whose_dimension_plot_works_keeps_it_when_only_the_projection_cannot_be_drawn()
    {
        var run = Line("""{"scenario":"UnknownDimension","agent":"a","dimensions":["d"],"ranges":[[0,1]],"constrained":["zz"],"target":[1],"states":[[0],[0.5]]}""");
        var html = HtmlReport.Render([run]);
        Assert.Contains("<svg class=\"plot-dimensions\"", html);
        Assert.DoesNotContain("<svg class=\"plot-projection\"", html);
        Assert.Contains("class=\"noplot\"", html);
    }

    private const string Overflowed = """{"scenario":"Huge","agent":"a","profile":"process","profileVersion":"1","dimensions":["d"],"ranges":[[-1e308,1e308]],"constrained":["d"],"target":[1e308],"states":[[0],[1e307]],"scores":{"alignment":"NaN","impact":"Infinity","impactNormalized":"NaN","stability":"NaN","progress":"-Infinity","composite":"NaN","converged":false,"turns":1}}""";

    [Fact]
    public void Scores_written_as_NaN_or_Infinity_are_shown_as_such_not_as_zero()
    {
        var html = HtmlReport.Render([Line(Overflowed)]);

        Assert.Contains("<td>NaN</td>", html); // the score column
        Assert.Contains("A NaN, In NaN, S NaN, P -Infinity", html);
        // No score reads 0.000 (the transcript's states, 0 at the start, are states, not scores).
        Assert.DoesNotContain("0.000", html[..html.IndexOf("<h2 id=\"numbers\">", StringComparison.Ordinal)]);
    }

    [Fact]
    public void A_NaN_mean_draws_no_bar_and_writes_no_NaN_coordinate()
    {
        var svg = Plots.ScoreBars([("a", double.NaN, 1), ("b", 0.5, 2)]);

        Assert.DoesNotContain("=\"NaN\"", svg);
        Assert.Contains(">NaN</text>", svg);
        Assert.Single(svg.Split("<rect").Skip(2)); // the plot area, then b's bar only
    }

    [Fact]
    public void Scores_of_a_record_without_scores_read_as_absent()
    {
        var run = Line("""{"scenario":"X","agent":"a","scores":null,"states":[[0]],"dimensions":["d"]}""");
        Assert.Null(run.Number("composite"));
        Assert.Equal(0, run.Headline);
        Assert.Contains("<figure class=\"run\"", HtmlReport.Render([run]));
    }

    [Fact]
    public void Named_literals_read_back_as_their_doubles()
    {
        var run = Line(Overflowed);
        Assert.Equal(double.NaN, run.Number("alignment"));
        Assert.Equal(double.PositiveInfinity, run.Number("impact"));
        Assert.Equal(double.NegativeInfinity, run.Number("progress"));
        Assert.Null(run.Number("converged"));
        Assert.Equal(double.NaN, run.Headline);
    }

    [Fact]
    public void Plots_of_a_space_of_huge_ranges_have_finite_coordinates_in_the_right_places()
    {
        // (1e307 - -1e308) / (1e308 - -1e308) = 0.55 of the range; 1e307 is a tenth of the way to the target 1e308.
        var run = Line(Overflowed);

        var dimensions = Plots.Dimensions(run);
        var projection = Plots.Projection(run);

        Assert.DoesNotContain("NaN", dimensions + projection);
        Assert.DoesNotContain("Infinity", dimensions + projection);
        Assert.Equal([(0.0, 0.0), (0.1, 0.0)], Plots.Project(run, out _).Select(p => (Math.Round(p.X, 12), p.Y)));
        var svg = new SvgWriter("x", "t", 0, 1, 0, 1);
        Assert.Contains($"points=\"{SvgWriter.F(svg.X(0))},{SvgWriter.F(svg.Y(0.5))} {SvgWriter.F(svg.X(1))},{SvgWriter.F(svg.Y(0.55))} \"", dimensions);
    }

    [Fact]
    public void Points_that_are_not_finite_are_left_out_of_a_plot()
    {
        var run = Line("""{"scenario":"X","agent":"a","dimensions":["d"],"ranges":[[0,1]],"constrained":["d"],"target":[1],"maxTurns":2,"states":[[0],["NaN"],[0.5]]}""");

        var svg = Plots.Dimensions(run) + Plots.Projection(run);

        Assert.DoesNotContain("NaN", svg);
    }

    private static RunRecord WithText(string scenario, string agent, string opening, string reply, string persona) =>
        new()
        {
            Scenario = scenario, Suite = "S", Agent = agent, Profile = "process", ProfileVersion = "1", Opening = opening,
            Dimensions = ["d"], Ranges = [[0, 1]], Constrained = ["d"], Target = [1], MaxTurns = 1, States = [[0], [0.5]],
            Messages = [new MessageRecord { Agent = reply, Persona = persona, Cues = ["validation"] }],
        };

    [Fact]
    public void User_text_in_running_lines_is_isolated_so_right_to_left_text_does_not_reorder_what_follows()
    {
        // U+202E (right-to-left override) without its U+202C would turn the cue list "[validation]" into "[noitadilav]".
        const string rlo = "\u202E";
        var html = HtmlReport.Render([WithText("Name" + rlo, "agent" + rlo, "open" + rlo, "reply" + rlo, "שלום" + rlo)]);

        Assert.Contains("<bdi>reply" + rlo + "</bdi> <span class=\"cues\">[validation]</span>", html);
        Assert.Contains("<i>persona:</i> <bdi>open" + rlo + "</bdi>", html);
        Assert.Contains("<i>persona:</i> <bdi>שלום" + rlo + "</bdi>", html);
        Assert.Contains("<b><bdi>Name" + rlo + "</bdi></b> (suite <bdi>S</bdi>) seed 0, agent <bdi>agent" + rlo + "</bdi>,", html);
    }

    [Fact]
    public void Long_words_may_break_in_table_cells_captions_and_the_transcript()
    {
        // A name or reply of thousands of letters without a space otherwise widens the page past any screen.
        var html = HtmlReport.Render([WithText(new string('N', 3000), "validating", "o", new string('x', 3000), "p")]);
        var style = html[html.IndexOf("<style>", StringComparison.Ordinal)..html.IndexOf("</style>", StringComparison.Ordinal)];

        Assert.Contains("figcaption,li,.long{overflow-wrap:anywhere}", style);
        Assert.Contains("<tr><td><span class=\"long\">" + new string('N', 3000) + "</span> (suite S)</td>", html);
    }

    [Fact]
    public void Ordinary_words_in_table_cells_stay_whole()
    {
        // Breaking anywhere in every cell let a wide table squeeze "validating" into "validati / ng" and "process v1" apart.
        var html = HtmlReport.Render([WithText("HighAnxietyStudent_ReduceStress_s1", "validating", "o", "r", "p")]);
        var style = html[html.IndexOf("<style>", StringComparison.Ordinal)..html.IndexOf("</style>", StringComparison.Ordinal)];

        Assert.DoesNotContain("td{overflow-wrap", style);
        Assert.DoesNotContain("td,", style.Replace("td,th{", ""));
        Assert.Contains("<td>validating</td>", html);
        Assert.Contains("<tr><td>HighAnxietyStudent_ReduceStress_s1 (suite S)</td>", html);
    }

    [Fact]
    public void The_scorecard_table_names_the_suite_of_a_case_so_equal_case_names_of_two_suites_differ()
    {
        var one = WithText("P_G_s1", "a", "o", "r", "p");
        var other = WithText("P_G_s1", "a", "o", "r", "p");
        other.Suite = "Other";

        var html = HtmlReport.Render([one, other]);

        Assert.Contains("<tr><td>P_G_s1 (suite S)</td>", html);
        Assert.Contains("<tr><td>P_G_s1 (suite Other)</td>", html);
    }

    [Theory]
    [InlineData(-0.0001, "0.000", "0.000")]
    [InlineData(-0.0, "0.000", "0.000")]
    [InlineData(-1e-17, "0.000", "0.000")]
    [InlineData(-0.0006, "0.000", "-0.001")]
    [InlineData(0.0005, "0.000", "0.001")]
    [InlineData(-0.04, "0.0", "0.0")]
    [InlineData(-12.34, "0.0", "-12.3")]
    public void A_value_that_rounds_to_zero_is_shown_without_a_minus_sign(double value, string format, string expected) =>
        Assert.Equal(expected, ScoreValues.Format(value, format));

    [Fact]
    public void The_details_of_an_epm_run_give_the_scores_on_the_scale_results_jsonl_holds()
    {
        var run = Line("""{"scenario":"E","agent":"a","profile":"epm","profileVersion":"1","dimensions":["d"],"states":[[0],[1]],"scores":{"epmQ":30.21445,"outcome":29.221,"efficiency":0,"stability":46.3149,"outcomeKind":"maxTurns","turns":1}}""");

        var html = HtmlReport.Render([run]);

        Assert.Contains("<td class=\"l\">EPM-Q 30.2, outcome 29.2, efficiency 0.0, stability 46.3, maxTurns</td>", html);
        Assert.Contains("<td>0.302</td>", html); // the headline score column: EPM-Q / 100, like the process composite
    }

    [Fact]
    public void Agent_labels_under_the_bars_are_shortened_to_their_slot_and_keep_the_full_name_as_a_tooltip()
    {
        // Four slots of 96 px: a 40-character name at 10 px (about 5.5 px a character) would run into its neighbours.
        var agents = Enumerable.Range(1, 4).Select(i => ($"aligned+llm-persona:some-long-model-name-{i}", 0.5, 3)).ToList();

        var svg = Plots.ScoreBars(agents);

        var labels = System.Text.RegularExpressions.Regex.Matches(svg, "<text [^>]*>(?:<title>[^<]*</title>)?([^<]*\\(3\\))</text>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(4, labels.Count);
        Assert.All(labels, label => Assert.True(label.Length * 5.5 <= 96, label));
        Assert.All(labels, label => Assert.Contains("\u2026", label));
        Assert.All(labels, label => Assert.EndsWith(" (3)", label));
        // Cut in the middle: names that differ only at the end keep that end, so their labels differ.
        Assert.Equal(4, labels.Distinct().Count());
        for (int i = 1; i <= 4; i++) Assert.Contains($"<title>aligned+llm-persona:some-long-model-name-{i} (3)</title>", svg);
        Assert.Contains(">aligned (2)</text>", Plots.ScoreBars([("aligned", 0.5, 2)])); // a short name is kept whole
    }

    [Fact]
    public void Agent_labels_of_wide_characters_fit_their_slot_too()
    {
        // Four slots of 96 px; 14 CJK characters at 10 px are about 140 px, though 14 characters of 5.5 px would fit.
        var agents = Enumerable.Range(1, 4).Select(i => ($"scripted:共感的な応答の台本ファイル{i}", 0.5, 3)).ToList();

        var svg = Plots.ScoreBars(agents);

        var labels = System.Text.RegularExpressions.Regex.Matches(svg, "<text [^>]*>(?:<title>[^<]*</title>)?([^<]*\\(3\\))</text>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(4, labels.Count);
        // Ten pixels per wide character and about six per other one: a generous reading of 10 px sans-serif.
        Assert.All(labels, label => Assert.True(label.Sum(c => c >= 0x2E80 ? 10.0 : 6.0) <= 96, label));
        Assert.All(labels, label => Assert.Contains("\u2026", label));
        Assert.All(labels, label => Assert.EndsWith(" (3)", label));
        // Cut in the middle: names that differ only at the end keep that end, so their labels differ.
        Assert.Equal(4, labels.Distinct().Count());
        Assert.Contains("<title>scripted:共感的な応答の台本ファイル1 (3)</title>", svg);
    }

    private static RunRecord Scored(string scenario, double composite) => Line(
        $$$"""{"scenario":"{{{scenario}}}","agent":"a","profile":"process","dimensions":["d"],"ranges":[[0,1]],"constrained":["d"],"target":[1],"states":[[0],[0.5]],"scores":{"composite":{{{composite.ToString(System.Globalization.CultureInfo.InvariantCulture)}}},"converged":false,"turns":1}}""");

    private static int Count(string html, string what) => html.Split(what).Length - 1;

    [Fact]
    public void A_large_sweep_shows_its_first_runs_in_the_table_and_figures_and_says_so()
    {
        // A run is about 10 KB of page: a sweep of tens of thousands of runs made a report no browser opens.
        var runs = Enumerable.Range(1, 5).Select(i => Scored($"S{i}", i / 10.0)).ToList();

        var html = HtmlReport.Render(runs, maxRuns: 2);

        Assert.Equal(2, Count(html, "<figure class=\"run\""));
        Assert.Contains("id=\"S1-s0-a\"", html);
        Assert.Contains("id=\"S2-s0-a\"", html);
        Assert.DoesNotContain("S3", html);
        Assert.Equal(2, Count(html, "<tr><td>"));
        Assert.Contains("<p>5 runs. The scorecard table and the runs below show the first 2;", html);
        // The bars cover every run: agent a's mean of 0.1..0.5 over all five.
        Assert.Contains(">a (5)</text>", html);
        Assert.Contains(">0.300</text>", html);
    }

    [Fact]
    public void A_sweep_within_the_limit_is_shown_whole_and_a_limit_of_0_shows_no_run()
    {
        var runs = Enumerable.Range(1, 3).Select(i => Scored($"S{i}", 0.5)).ToList();

        var whole = HtmlReport.Render(runs, maxRuns: 3);
        Assert.Equal(3, Count(whole, "<figure class=\"run\""));
        Assert.Contains("<p>3 runs.</p>", whole);

        var none = HtmlReport.Render(runs, maxRuns: 0);
        Assert.Equal(0, Count(none, "<figure class=\"run\""));
        Assert.Equal(0, Count(none, "<tr><td>"));
        Assert.Contains("show the first 0;", none);
        Assert.Throws<ArgumentOutOfRangeException>(() => HtmlReport.Render(runs, maxRuns: -1));
    }
}
