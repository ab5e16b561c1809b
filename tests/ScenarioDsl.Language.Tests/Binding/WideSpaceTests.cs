using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Tests.Binding;

/// <summary>
/// A space of more than sixteen dimensions is resolved through a table instead of a search (the binder's
/// <c>DimensionIndex</c>), and a point block's duplicates are found with marks instead of a scan: the results must be
/// those of the small-space path, duplicates and unknown names included.
/// </summary>
public class WideSpaceTests
{
    private static string Space(int dimensions, params string[] extra) =>
        "space W {\n" + string.Concat(Enumerable.Range(0, dimensions).Select(i => $"  d{i} [-1, 1]\n")) + string.Concat(extra.Select(e => "  " + e + "\n")) + "}\n";

    private static (EmpsCompilation Compilation, string Text) Compile(int dimensions, string start, string target, params string[] extra)
    {
        string text = Space(dimensions, extra)
            + "cues {\n  kind \"thanks\"\n}\n"
            + $"persona P in W {{\n  start {{ {start} }}\n  on kind => d0 += 0.1, d{dimensions - 1} -= 0.1\n  says \"ok\"\n}}\n"
            + $"goal G in W {{\n  target {{ {target} }}\n  turns 5\n}}\n"
            + "scenario S { persona P goal G }\n";
        return (EmpsCompilation.Create(new[] { SourceText.From(text, "wide.emps") }), text);
    }

    private static string Reversed(int dimensions, Func<int, double> value) =>
        string.Join(", ", Enumerable.Range(0, dimensions).Reverse().Select(i => $"d{i}: {value(i).ToString(System.Globalization.CultureInfo.InvariantCulture)}"));

    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(400)]
    public void Every_dimension_given_in_reverse_binds_to_its_index(int dimensions)
    {
        var (compilation, _) = Compile(dimensions, Reversed(dimensions, i => i / 1000.0), Reversed(dimensions, i => -i / 1000.0));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Severity == ScenarioDsl.Language.Diagnostics.DiagnosticSeverity.Error);
        var persona = Assert.Single(compilation.Model.Personas);
        Assert.Equal(Enumerable.Range(0, dimensions).Select(i => i / 1000.0), persona.Start);
        Assert.Equal(new EffectSymbol(dimensions - 1, -0.1), persona.Rules[0].Effects[1]);
        var goal = Assert.Single(compilation.Model.Goals);
        Assert.Equal(Enumerable.Range(0, dimensions).Select(i => new GoalComponent(i, -i / 1000.0)), goal.Components);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    public void Duplicates_and_unknown_names_are_reported_where_they_are_in_any_width(int dimensions)
    {
        string start = Reversed(dimensions, _ => 0.5) + ", d1: 0.25, nope: 0.5";
        var (compilation, text) = Compile(dimensions, start, "d0: 0.9");
        var duplicate = Assert.Single(compilation.Diagnostics, d => d.Code == "EMPS3008");
        Assert.Equal(text.IndexOf("d1: 0.25", StringComparison.Ordinal), duplicate.Location.Span.Start);
        var unknown = Assert.Single(compilation.Diagnostics, d => d.Code == "EMPS2003");
        Assert.Equal(text.IndexOf("nope", StringComparison.Ordinal), unknown.Location.Span.Start);
        var persona = Assert.Single(compilation.Model.Personas);
        Assert.Equal(0.5, persona.Start[1]); // the first entry for d1 counts
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    public void A_start_missing_a_dimension_names_exactly_the_missing_ones(int dimensions)
    {
        string start = string.Join(", ", Enumerable.Range(0, dimensions).Where(i => i != 2 && i != dimensions - 1).Reverse().Select(i => $"d{i}: 0"));
        var (compilation, _) = Compile(dimensions, start, "d0: 0.9");
        var incomplete = Assert.Single(compilation.Diagnostics, d => d.Code == "EMPS2005");
        Assert.Contains($"dimensions 'd2', 'd{dimensions - 1}'", incomplete.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dimension_declared_twice_in_a_wide_space_is_reported_and_the_first_is_kept()
    {
        var (compilation, _) = Compile(20, Reversed(20, i => i / 100.0), "d3: 0.5", "d3 [0, 1]");
        Assert.Single(compilation.Diagnostics, d => d.Code == "EMPS2001");
        var goal = Assert.Single(compilation.Model.Goals);
        Assert.Equal(new[] { new GoalComponent(3, 0.5) }, goal.Components);
    }
}
