using ScenarioDsl.Cli.Run;
using ScenarioDsl.Runtime.Results;
using Spectre.Console;

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

    // Agent names with characters of every width rule, with the terminal columns each takes (as terminals draw them).
    public static TheoryData<string, int> Widths => new()
    {
        { "generic", 7 },                                      // ASCII
        { "日本語", 6 },                                        // CJK: East Asian Wide
        { "re\u0301", 2 },                                     // e + combining acute accent: one column
        { "\u2705", 2 },                                       // check mark button: emoji outside the old U+1F300 planes
        { "\u231A", 2 },                                       // watch
        { "\U0001F680", 2 },                                   // rocket: U+1F680-1F6FF
        { "\U0001F1EF\U0001F1F5", 2 },                         // a flag: two regional indicators, one glyph
        { "\U0001F468\u200D\U0001F469\u200D\U0001F467", 2 },   // family: a ZWJ sequence, one glyph
        { "\u2764\uFE0F", 2 },                                 // heart + VS16: the emoji presentation
        { "a\tb", 2 },                                         // a control character takes none
    };

    [Theory]
    [MemberData(nameof(Widths))]
    public void Columns_are_terminal_columns_by_grapheme(string text, int columns) =>
        Assert.Equal(columns, Scorecard.Columns(text));

    private static RunRecord Scored(string agent) =>
        Record(agent, """{"alignment":1,"impactNormalized":1,"stability":1,"composite":0.9}""");

    private static readonly string[] EmojiAgents =
    [
        "scripted:日本語.txt", "scripted:re\u0301.txt", "scripted:\u2705.txt", "scripted:\u231A.txt", "scripted:\U0001F680.txt",
        "scripted:\U0001F1EF\U0001F1F5.txt", "scripted:\U0001F468\u200D\U0001F469\u200D\U0001F467.txt", "scripted:\u2764\uFE0F.txt", "generic",
    ];

    [Fact]
    public void Every_row_of_the_plain_scorecard_ends_at_the_same_terminal_column_with_emoji_in_agent_names()
    {
        var columns = Widths.ToDictionary(w => (string)w[0], w => (int)w[1]);
        int NameColumns(string agent) =>
            agent == "generic" ? 7 : "scripted:".Length + columns[agent["scripted:".Length..^".txt".Length]] + ".txt".Length;

        var lines = Plain(EmojiAgents.Select(Scored).ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(EmojiAgents.Length + 1, lines.Length);
        var ends = lines.Skip(1).Select(line =>
        {
            string agent = Assert.Single(EmojiAgents, a => line.StartsWith(a + " ", StringComparison.Ordinal));
            return NameColumns(agent) + (line.Length - agent.Length); // the rest of the line is ASCII
        }).ToArray();
        Assert.All(ends, end => Assert.Equal(lines[0].Length, end));
    }

    [Fact]
    public void The_plain_and_the_spectre_scorecard_pad_agent_names_alike()
    {
        var rows = Scorecard.Rows(EmojiAgents.Select(Scored));
        var plain = new StringWriter();
        Scorecard.WritePlain(plain, rows);
        var spectre = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(spectre),
        });
        console.Profile.Width = 200;
        console.Profile.Capabilities.Unicode = true;
        Scorecard.WriteSpectre(console, rows);

        // The spaces after a name: the column's width less the name's, plus a constant of each layout.
        static int SpacesAfter(string text, string agent)
        {
            string line = Assert.Single(text.Split('\n'), l => l.Contains(agent + " ", StringComparison.Ordinal));
            string rest = line[(line.IndexOf(agent, StringComparison.Ordinal) + agent.Length)..];
            return rest.Length - rest.TrimStart(' ').Length;
        }
        var differences = EmojiAgents.Select(a => SpacesAfter(plain.ToString(), a) - SpacesAfter(spectre.ToString(), a)).ToArray();
        Assert.All(differences, d => Assert.Equal(differences[0], d));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(60)]
    public void On_a_terminal_narrower_than_the_table_no_agent_name_or_header_is_broken(int width)
    {
        // At 80 columns the four reference agents' table was 82 wide: Spectre wrapped "validating" into "validatin" and
        // "g" and cut "stability" to "stabili…".
        var rows = Scorecard.Rows(new[] { "aligned", "generic", "sycophant", "validating" }.Select(Scored));
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = true;

        Scorecard.WriteSpectre(console, rows);

        var text = output.ToString();
        Assert.Contains("stability", text);
        Assert.DoesNotContain("\u2026", text);
        foreach (var agent in new[] { "aligned", "generic", "sycophant", "validating" })
            Assert.Single(text.Split('\n'), line => line.Contains(agent + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void On_a_wide_terminal_the_scorecard_is_a_table_with_borders()
    {
        var rows = Scorecard.Rows(new[] { "aligned", "validating" }.Select(Scored));
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 120;
        console.Profile.Capabilities.Unicode = true;

        Scorecard.WriteSpectre(console, rows);

        Assert.Contains("\u2502 validating \u2502", output.ToString());
    }
}
