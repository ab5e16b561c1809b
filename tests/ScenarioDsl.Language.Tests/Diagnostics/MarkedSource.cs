using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Tests.Diagnostics;

/// <summary>
/// Test sources with the expected diagnostic span marked as <c>[|...|]</c> (or <c>$$</c> for an empty
/// span), as Roslyn's tests do. Neither marker can occur in valid .emps text.
/// </summary>
internal static class MarkedSource
{
    public static (string Text, TextSpan Span) Parse(string marked)
    {
        int empty = marked.IndexOf("$$", StringComparison.Ordinal);
        if (empty >= 0) return (marked.Remove(empty, 2), new TextSpan(empty, 0));
        int start = marked.IndexOf("[|", StringComparison.Ordinal);
        int end = marked.IndexOf("|]", StringComparison.Ordinal);
        if (start < 0 || end < start) throw new ArgumentException("The source has no [|span|] marker.");
        string text = marked.Remove(end, 2).Remove(start, 2);
        return (text, TextSpan.FromBounds(start, end - 2));
    }

    /// <summary>Asserts that exactly one diagnostic with the code is reported, at the marked span, with the catalogue's severity.</summary>
    public static Diagnostic AssertReported(string code, string marked)
    {
        var (text, span) = Parse(marked);
        var compilation = EmpsCompilation.FromText(text, "test.emps");
        var matching = compilation.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got:\n" + string.Join("\n", compilation.Diagnostics));
        var diagnostic = matching[0];
        Assert.Equal(span, diagnostic.Location.Span);
        Assert.Equal(DiagnosticCatalogue.Find(code)!.DefaultSeverity, diagnostic.Severity);
        Assert.Equal("test.emps", diagnostic.Location.Path);
        var sourceText = SourceText.From(text, "test.emps");
        Assert.Equal(sourceText.GetLinePositionSpan(span), diagnostic.Location.LineSpan);
        return diagnostic;
    }

    public static void AssertNotReported(string code, string source)
    {
        var compilation = EmpsCompilation.FromText(source, "test.emps");
        Assert.True(compilation.Diagnostics.All(d => d.Code != code), $"did not expect {code}:\n" + string.Join("\n", compilation.Diagnostics));
    }
}
