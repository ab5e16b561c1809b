using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using ScenarioDsl.Runtime.Reports;
using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Runtime.Tests.Reports;

/// <summary>
/// The state plot's legend, checked geometrically on the SVG text: every entry's estimated box stays on the canvas, off the
/// plot area, off the other texts and off every other entry, whatever the number of dimensions and the length of their names.
/// The boxes are estimated here on their own (no font metrics): 0.6 em a character, twice that for a wide one (CJK, emoji and
/// anything from U+2E80 up), not by the report's own <see cref="TextWidth.Pixels"/>, whose estimates are pinned further down.
/// </summary>
public sealed class StateLegendTests
{
    private static string Name(string kind, int i) => kind switch
    {
        "short" => $"dim{i}",
        "long" => Pad($"long_dimension_name_number_{i:00}_", "abcdefghijklmnopqrstuvwxyz", 60),
        "cjk" => Pad($"{i:00}", "情緒的な安定と信頼の度合い", 32), // 30 wide characters: 60 columns
        "emoji" => Pad($"{i:00}", "😀🙂😟😢", 22),                 // 20 emoji: 60 columns
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Pad(string head, string filler, int runes)
    {
        var text = new StringBuilder(head);
        var fill = filler.EnumerateRunes().ToArray();
        for (int n = 0; text.ToString().EnumerateRunes().Count() < runes; n++) text.Append(fill[n % fill.Length].ToString());
        return text.ToString();
    }

    private static RunRecord Run(IReadOnlyList<string> names) => new()
    {
        Scenario = "S", Agent = "a", Profile = "process", ProfileVersion = "1",
        Dimensions = [.. names], Ranges = [.. names.Select(_ => new[] { 0.0, 1.0 })],
        Constrained = [names[0]], Target = [1], MaxTurns = 3,
        States = [.. Enumerable.Range(0, 4).Select(t => names.Select((_, d) => (t + d) % 5 / 4.0).ToArray())],
    };

    private sealed record Box(double X0, double Y0, double X1, double Y1, string Shown, string? Title)
    {
        public bool Overlaps(Box other) => X0 < other.X1 && other.X0 < X1 && Y0 < other.Y1 && other.Y0 < Y1;
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"'{Shown}' [{X0:0.#}..{X1:0.#}] x [{Y0:0.#}..{Y1:0.#}]");
    }

    private static double D(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    /// <summary>A conservative width for text of the given size: 0.6 em a character, 1.2 em a wide one, none for a mark.</summary>
    private static double Width(string text, double size) => text.EnumerateRunes().Sum(rune =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format or UnicodeCategory.Control ? 0
        : rune.Value >= 0x2E80 || rune.Value is >= 0x1100 and <= 0x115F ? 1.2 * size
        : 0.6 * size);

    /// <summary>Every &lt;text&gt; of an SVG as a box: from its baseline one em up and 0.3 em down, as wide as <see cref="Width"/>.</summary>
    private static List<Box> Texts(string svg) =>
        Regex.Matches(svg, "<text x=\"([^\"]*)\" y=\"([^\"]*)\" font-size=\"([^\"]*)\" text-anchor=\"([^\"]*)\"[^>]*>(?:<title>([^<]*)</title>)?([^<]*)</text>")
            .Select(m =>
            {
                double x = D(m.Groups[1].Value), y = D(m.Groups[2].Value), size = D(m.Groups[3].Value);
                string shown = WebUtility.HtmlDecode(m.Groups[6].Value);
                double width = Width(shown, size);
                double left = m.Groups[4].Value switch { "middle" => x - width / 2, "end" => x - width, _ => x };
                return new Box(left, y - size, left + width, y + 0.3 * size, shown, m.Groups[5].Success ? WebUtility.HtmlDecode(m.Groups[5].Value) : null);
            })
            .ToList();

    private static (double Width, double Height) Canvas(string svg)
    {
        var m = Regex.Match(svg, "^<svg [^>]*viewBox=\"0 0 ([^ ]*) ([^\"]*)\" width=\"([^\"]*)\" height=\"([^\"]*)\"");
        Assert.True(m.Success, svg[..Math.Min(200, svg.Length)]);
        Assert.Equal(m.Groups[1].Value, m.Groups[3].Value);
        Assert.Equal(m.Groups[2].Value, m.Groups[4].Value);
        return (D(m.Groups[1].Value), D(m.Groups[2].Value));
    }

    private static Box PlotArea(string svg)
    {
        var m = Regex.Match(svg, "<rect x=\"([^\"]*)\" y=\"([^\"]*)\" width=\"([^\"]*)\" height=\"([^\"]*)\" fill=\"#fafafa\"");
        Assert.True(m.Success);
        double x = D(m.Groups[1].Value), y = D(m.Groups[2].Value);
        return new Box(x, y, x + D(m.Groups[3].Value), y + D(m.Groups[4].Value), "plot area", null);
    }

    /// <summary>The legend's entries, in dimension order: the text showing a name, or a shortened one with the name as its title.</summary>
    private static List<Box> Legend(string svg, IReadOnlyList<string> names)
    {
        var texts = Texts(svg);
        return names.Select(name =>
        {
            var entries = texts.Where(t => t.Shown == name || t.Title == name).ToList();
            Assert.True(entries.Count == 1, $"{entries.Count} legend entries for '{name}'");
            return entries[0];
        }).ToList();
    }

    [Theory]
    [InlineData(1, "short")]
    [InlineData(4, "short")]
    [InlineData(8, "short")]
    [InlineData(12, "short")]
    [InlineData(1, "long")]
    [InlineData(4, "long")]
    [InlineData(8, "long")]
    [InlineData(12, "long")]
    [InlineData(1, "cjk")]
    [InlineData(8, "cjk")]
    [InlineData(1, "emoji")]
    [InlineData(8, "emoji")]
    public void Legend_entries_stay_on_the_canvas_off_the_plot_area_and_off_each_other(int count, string kind)
    {
        var names = Enumerable.Range(1, count).Select(i => Name(kind, i)).ToList();

        var problems = Problems(names);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>What is wrong with the legend of a state plot of <paramref name="names"/>: nothing, when it lays out right.</summary>
    private static List<string> Problems(IReadOnlyList<string> names)
    {
        var svg = Plots.Dimensions(Run(names));

        var (width, height) = Canvas(svg);
        var plot = PlotArea(svg);
        var legend = Legend(svg, names);
        var others = Texts(svg).Except(legend).Where(t => t.Shown.Length > 0).ToList();
        var problems = new List<string>();
        foreach (var entry in legend)
        {
            if (!(entry.X0 >= 0 && entry.Y0 >= 0 && entry.X1 <= width && entry.Y1 <= height)) problems.Add($"{entry} leaves the canvas {width} x {height}");
            if (entry.Overlaps(plot)) problems.Add($"{entry} overlaps the plot area");
            problems.AddRange(others.Where(entry.Overlaps).Select(other => $"{entry} overlaps the text {other}"));
            problems.AddRange(legend.Skip(legend.IndexOf(entry) + 1).Where(entry.Overlaps).Select(other => $"{entry} overlaps the entry {other}"));
            if (entry.Title is { } full && !(entry.Shown.EndsWith('\u2026') && full.StartsWith(entry.Shown[..^1], StringComparison.Ordinal)))
                problems.Add($"{entry} is not its title '{full}' shortened");
        }
        return problems;
    }

    /// <summary>Pieces of names: ASCII of every width, capitals, markup characters, CJK, emoji (one of them joined), an accent.</summary>
    private static readonly string[] Pieces = ["a", "i", "m", "W", "_", "-", "<", "&", "\"", "情", "한", "😀", "👩‍💻", "e\u0301", " "];

    [Fact]
    public void Any_number_of_names_of_any_length_and_script_lay_out_without_overlap()
    {
        var spaces =
            from count in Gen.Int[1, 16]
            from names in Gen.Int[0, Pieces.Length - 1].Array[0, 70].Select(ix => string.Concat(ix.Select(i => Pieces[i]))).Array[count]
            select names.Select((name, i) => $"{i}_{name}").ToList(); // unique, and none is an axis label
        spaces.Sample(names => Problems(names).Count == 0, iter: 200);
    }

    [Fact]
    public void A_shortened_name_keeps_its_whole_text_as_a_tooltip_encoded()
    {
        string name = "anxiety<&>\"" + new string('x', 50) + "_end";
        var names = new[] { name, "calm" };

        var svg = Plots.Dimensions(Run(names));

        var entry = Legend(svg, names)[0];
        Assert.NotEqual(name, entry.Shown);
        Assert.Equal(name, entry.Title);
        Assert.Contains("<title>" + WebUtility.HtmlEncode(name) + "</title>", svg);
        Assert.DoesNotContain("anxiety<", svg);
        Assert.DoesNotContain(name + "</text>", WebUtility.HtmlDecode(svg)); // shown shortened, not whole
    }

    [Fact]
    public void A_shortened_name_is_not_cut_inside_an_emoji_or_before_its_combining_mark()
    {
        var names = new[] { string.Concat(Enumerable.Repeat("e\u0301😀", 40)), "calm" };

        var entry = Legend(Plots.Dimensions(Run(names)), names)[0];

        string kept = entry.Shown[..^1];
        Assert.False(char.IsHighSurrogate(kept[^1]));
        Assert.NotEqual('e', kept[^1]); // an e whose accent was cut off
    }

    [Fact]
    public void A_small_space_keeps_its_plot_area_and_one_legend_row_of_the_old_columns()
    {
        var names = new[] { "anxiety", "trust", "calm", "openness" };

        var svg = Plots.Dimensions(Run(names));

        var plot = PlotArea(svg);
        Assert.Equal((SvgWriter.Left, SvgWriter.Top, SvgWriter.Width - SvgWriter.Right, SvgWriter.Height - SvgWriter.Bottom), (plot.X0, plot.Y0, plot.X1, plot.Y1));
        var legend = Legend(svg, names);
        Assert.All(legend, entry => Assert.True(entry.Y0 >= plot.Y1, $"{entry} is not below the plot area"));
        Assert.Single(legend.Select(e => e.Y0).Distinct());
        Assert.Equal([0.0, 95, 190, 285], legend.Select(e => e.X0 - legend[0].X0));
        Assert.Equal(SvgWriter.Width, Canvas(svg).Width);
    }

    [Fact]
    public void A_run_s_two_plots_line_up_at_their_tops_though_the_legend_makes_the_state_plot_taller()
    {
        var html = HtmlReport.Render([Run(["anxiety", "trust"])]);

        Assert.Contains("figure.run svg{margin-right:1em;vertical-align:top}", html);
    }

    [Theory]
    [InlineData("x", 0.6)]        // ASCII lower case: at most about 0.64 em in common sans-serif fonts
    [InlineData("0", 0.6)]
    [InlineData("W", 0.95)]       // the widest capital
    [InlineData("m", 0.95)]
    [InlineData("@", 0.95)]
    [InlineData("\u00E9", 0.6)]   // é
    [InlineData("\u0416", 0.95)]  // Ж
    [InlineData("情", 1.0)]       // a CJK glyph is 1 em
    [InlineData("😀", 1.2)]       // a colour emoji about 1.2
    [InlineData("\U0001F680", 1.2)] // 🚀, beyond the blocks the column rule calls wide
    [InlineData("\u2026", 1.0)]   // the ellipsis
    public void Text_width_estimates_are_at_least_the_widths_of_common_sans_serif_fonts(string character, double em) =>
        Assert.True(TextWidth.Pixels(character, 10) >= em * 10, $"{TextWidth.Pixels(character, 10)} px");

    [Fact]
    public void A_wide_character_counts_as_two_narrow_ones_and_a_mark_as_none()
    {
        Assert.Equal(2 * TextWidth.Pixels("x", 10), TextWidth.Pixels("情", 10));
        Assert.Equal(TextWidth.Pixels("e", 10), TextWidth.Pixels("e\u0301", 10));
        Assert.Equal(TextWidth.Pixels("ab", 12), TextWidth.Pixels("a", 12) + TextWidth.Pixels("b", 12));
    }

    [Fact]
    public void Shortened_text_fits_its_width_and_ends_in_an_ellipsis()
    {
        string name = string.Concat(Enumerable.Repeat("Ab情😀", 20));

        string shown = TextWidth.Shorten(name, 100, 10);

        Assert.True(TextWidth.Pixels(shown, 10) <= 100, shown);
        Assert.EndsWith("\u2026", shown);
        Assert.StartsWith(shown[..^1], name, StringComparison.Ordinal);
        Assert.Equal("short", TextWidth.Shorten("short", 100, 10));
    }
}
