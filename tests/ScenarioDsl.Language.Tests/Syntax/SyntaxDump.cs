using System.Text;
using ScenarioDsl.Language.Syntax;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Tests.Syntax;

/// <summary>A tree written out whole (every node's type, every token's kind, span and missing flag, then the parse diagnostics), to compare two parses of one text.</summary>
internal static class SyntaxDump
{
    /// <summary>Parses with the grammar's general Sprache parsers only (no fast paths), on this thread.</summary>
    public static SyntaxTree ParseGeneralOnly(SourceText text)
    {
        Grammar.FastPaths = false;
        try
        {
            return SyntaxTree.Parse(text);
        }
        finally
        {
            Grammar.FastPaths = true;
        }
    }

    public static string Of(SyntaxTree tree)
    {
        var sb = new StringBuilder();
        Write(tree.Root, sb, 0);
        foreach (var d in tree.Diagnostics) sb.Append(d).Append('\n');
        return sb.ToString();
    }

    /// <summary>The first line where two dumps differ, with both versions.</summary>
    public static string Difference(SyntaxTree expected, SyntaxTree actual)
    {
        var a = Of(expected).Split('\n');
        var b = Of(actual).Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string x = i < a.Length ? a[i] : "(end)", y = i < b.Length ? b[i] : "(end)";
            if (x != y) return $"line {i + 1}: general parsers: {x.Trim()} | fast paths: {y.Trim()}";
        }
        return "no difference";
    }

    private static void Write(SyntaxNode node, StringBuilder sb, int depth)
    {
        sb.Append(' ', depth * 2).Append(node.GetType().Name).Append('\n');
        foreach (var child in node.ChildNodesAndTokens())
        {
            if (child is SyntaxNode inner)
            {
                Write(inner, sb, depth + 1);
                continue;
            }
            var token = (SyntaxToken)child;
            sb.Append(' ', depth * 2 + 2).Append(token.Kind).Append(' ').Append(token.Span.Start).Append("..").Append(token.Span.End);
            if (token.IsMissing) sb.Append(" missing");
            sb.Append('\n');
        }
    }
}
