using System.Globalization;
using System.Text;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Formatting;

namespace ScenarioDsl.Language.Tests.Formatting;

/// <summary>
/// Random syntactically valid files with random whitespace, line breaks and comments between
/// tokens: the formatter must format them, reach a fixed point in one pass and keep the model.
/// </summary>
public class RandomFileFormattingTests
{
    public static IEnumerable<object[]> Seeds() => Enumerable.Range(1, 150).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_files_format_idempotently_and_keep_the_model(int seed)
    {
        string text = RandomEmps.Generate(new Random(seed));
        var first = EmpsFormatter.Format(text);
        Assert.True(first.Status == FormatStatus.Formatted, $"seed {seed}: {first.Status}\n{text}");
        var second = EmpsFormatter.Format(first.Text);
        Assert.Equal(first.Text, second.Text);
        Assert.False(second.Changed);
        Assert.DoesNotContain(" \n", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", first.Text, StringComparison.Ordinal);
        Assert.EndsWith("\n", first.Text, StringComparison.Ordinal);

        var before = EmpsCompilation.FromText(text).Model;
        var after = EmpsCompilation.FromText(first.Text).Model;
        Assert.Equal(ModelComparison.WithoutLocations(before), ModelComparison.WithoutLocations(after));
    }
}

/// <summary>Writes random valid .emps files token by token with random separators.</summary>
internal sealed class RandomEmps
{
    private static readonly string[] Separators = { " ", "  ", "\t", "\n", "\n\n   ", " /* c */ ", " // note\n", "\n// own line\n" };
    private readonly Random _r;
    private readonly StringBuilder _sb = new();

    private RandomEmps(Random r) => _r = r;

    public static string Generate(Random r)
    {
        var g = new RandomEmps(r);
        g.File();
        return g._sb.ToString();
    }

    /// <summary>A declaration keyword: declarations start on their own line.</summary>
    private void Decl(string keyword)
    {
        if (_sb.Length > 0) _sb.Append(_r.Next(3) == 0 ? "\n\n" : "\n");
        _sb.Append(keyword);
    }

    private void Tok(string token)
    {
        if (_sb.Length > 0)
        {
            bool punct = token.Length <= 2 && !char.IsLetterOrDigit(token[0]) && token[0] != '"' && token[0] != '-'
                         || (_sb.Length > 0 && "[{,:".Contains(_sb[_sb.Length - 1]));
            if (punct && _r.Next(3) == 0) { }
            else _sb.Append(_r.Next(4) == 0 ? Separators[_r.Next(Separators.Length)] : " ");
        }
        _sb.Append(token);
    }

    private string Num(double lo, double hi) =>
        Math.Round(lo + _r.NextDouble() * (hi - lo), 2).ToString("0.##", CultureInfo.InvariantCulture);

    private void File()
    {
        int spaces = _r.Next(1, 3);
        var dims = new List<string>();
        for (int s = 0; s < spaces; s++)
        {
            Decl("space"); Tok("S" + s);
            if (_r.Next(2) == 0) Tok("\"a space\"");
            Tok("{");
            int n = _r.Next(1, 4);
            for (int d = 0; d < n; d++)
            {
                Tok("d" + d); Tok("["); Tok("-1"); Tok(","); Tok("1"); Tok("]");
                if (_r.Next(2) == 0) Tok("\"dimension " + d + "\"");
                if (s == 0) dims.Add("d" + d);
            }
            Tok("}");
        }

        Decl("cues"); Tok("{");
        Tok("kind"); Tok("\"that makes sense\""); Tok(","); Tok("\"i see\"");
        Tok("ask"); Tok("\"?\"");
        Tok("}");

        Decl("persona"); Tok("P"); Tok("in"); Tok("S0"); Tok("{");
        if (_r.Next(2) == 0) { Tok("about"); Tok("\"someone\""); }
        Tok("start"); Tok("{");
        for (int i = 0; i < dims.Count; i++)
        {
            if (i > 0) Tok(",");
            Tok(dims[i]); Tok(":"); Tok(Num(-0.5, 0.5));
        }
        Tok("}");
        int rules = _r.Next(0, 4);
        for (int i = 0; i < rules; i++)
        {
            Tok("on"); Tok(_r.Next(2) == 0 ? "kind" : "ask");
            if (_r.Next(2) == 0)
            {
                Tok("when"); Tok(dims[_r.Next(dims.Count)]); Tok(new[] { "<", "<=", ">", ">=" }[_r.Next(4)]); Tok(Num(-0.9, 0.9));
                if (_r.Next(2) == 0) { Tok("and"); Tok(dims[0]); Tok(">"); Tok("-0.95"); }
            }
            Tok("=>");
            Tok(dims[_r.Next(dims.Count)]); Tok(_r.Next(2) == 0 ? "+=" : "-="); Tok(Num(0.01, 0.2));
            if (_r.Next(2) == 0) { Tok(","); Tok(dims[0]); Tok("+="); Tok("0.01"); }
        }
        if (_r.Next(2) == 0) { Tok("drift"); Tok(Num(0, 0.2)); }
        if (_r.Next(2) == 0) { Tok("noise"); Tok("0.01"); }
        Tok("says"); Tok("when"); Tok(dims[0]); Tok(">"); Tok("0.5"); Tok("\"better\"");
        Tok("says"); Tok("\"hm\"");
        Tok("}");

        Decl("goal"); Tok("G"); Tok("in"); Tok("S0");
        if (_r.Next(2) == 0) Tok("\"a goal\"");
        Tok("{");
        Tok(_r.Next(2) == 0 ? "target" : "shift"); Tok("{"); Tok(dims[0]); Tok(":"); Tok("0.3"); Tok("}");
        if (_r.Next(2) == 0) { Tok("within"); Tok("0.1"); }
        if (_r.Next(2) == 0) { Tok("turns"); Tok("12"); }
        if (_r.Next(2) == 0) { Tok("weights"); Tok("{"); Tok("alignment"); Tok(":"); Tok("0.5"); Tok(","); Tok("impact"); Tok(":"); Tok("0.5"); Tok("}"); }
        switch (_r.Next(4))
        {
            case 0: Tok("scoring"); Tok("process"); break;
            case 1: Tok("scoring"); Tok("epm"); Tok("direction"); Tok("per"); Tok("-"); Tok("turn"); break;
            case 2: Tok("scoring"); Tok("epm"); Tok("direction"); Tok("fixed"); break;
        }
        Tok("}");

        Decl("scenario"); Tok("Sc"); Tok("{"); Tok("persona"); Tok("P"); Tok("goal"); Tok("G");
        if (_r.Next(2) == 0) { Tok("seed"); Tok("7"); }
        Tok("}");

        Decl("suite"); Tok("Su"); Tok("{"); Tok("personas"); Tok("P"); Tok("goals"); Tok("G");
        if (_r.Next(2) == 0) { Tok("seeds"); Tok("1"); Tok(".."); Tok("5"); } else { Tok("seeds"); Tok("3"); }
        Tok("}");
        if (_r.Next(3) == 0) _sb.Append("\n// the end");
    }
}
