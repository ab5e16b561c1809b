using System.Text;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Syntax;
using ScenarioDsl.Language.Tests.Syntax;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Tests.Robustness;

/// <summary>
/// What must hold for any input at all: no exception, the tree reproduces the text, every diagnostic
/// lies inside the file, and the grammar's fast paths give the same tree and diagnostics as its
/// general Sprache parsers alone.
/// </summary>
internal static class Invariants
{
    private static int _checked;

    /// <summary>How many inputs have been checked in this test run (reported by the robustness tests).</summary>
    public static int Checked => _checked;

    public static void Check(SourceText text)
    {
        Interlocked.Increment(ref _checked);
        var compilation = EmpsCompilation.Create(new[] { text });
        var tree = compilation.SyntaxTrees[0];

        string roundTrip = FullText(tree);
        if (roundTrip != text.Text)
            throw new Xunit.Sdk.XunitException($"the tree does not reproduce the text: {Escape(text.Text)}");

        var general = SyntaxDump.ParseGeneralOnly(text);
        if (SyntaxDump.Of(general) != SyntaxDump.Of(tree))
            throw new Xunit.Sdk.XunitException($"the fast paths and the general parsers disagree:\n{SyntaxDump.Difference(general, tree)}\ninput: {Escape(text.Text)}");

        foreach (var d in compilation.Diagnostics)
        {
            var span = d.Location.Span;
            if (span.Start < 0 || span.End > text.Length || span.Length < 0)
                throw new Xunit.Sdk.XunitException($"{d} lies outside the file of length {text.Length}: {Escape(text.Text)}");
            if (d.Location.LineSpan != text.GetLinePositionSpan(span))
                throw new Xunit.Sdk.XunitException($"{d} has an inconsistent line span: {Escape(text.Text)}");
            if (string.IsNullOrEmpty(d.Message))
                throw new Xunit.Sdk.XunitException($"{d.Code} has no message");
        }
        _ = compilation.Model;
        _ = compilation.Index;
    }

    public static void Check(string text) => Check(SourceText.From(text, "fuzz.emps"));

    public static string FullText(SyntaxTree tree)
    {
        var sb = new StringBuilder(tree.Text.Length);
        foreach (var token in tree.Root.DescendantTokens())
        {
            foreach (var t in token.LeadingTrivia) sb.Append(tree.Text.ToString(t.Span));
            sb.Append(tree.Text.ToString(token.Span));
            foreach (var t in token.TrailingTrivia) sb.Append(tree.Text.ToString(t.Span));
        }
        return sb.ToString();
    }

    private static string Escape(string s) =>
        "\"" + (s.Length > 300 ? s.Substring(0, 300) + "..." : s).Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\"", "\\\"") + "\"";
}
