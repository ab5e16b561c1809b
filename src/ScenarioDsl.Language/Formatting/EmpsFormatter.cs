using System.Text;
using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Syntax;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Formatting;

/// <summary>What the formatter made of one file.</summary>
/// <param name="Text">The formatted text (the input unchanged when <see cref="Status"/> is not <see cref="FormatStatus.Formatted"/>).</param>
/// <param name="Status">Whether the file was formatted, or why it was left alone.</param>
public sealed record FormatResult(string Text, FormatStatus Status)
{
    /// <summary>True when the file was formatted and the text differs from the input.</summary>
    public bool Changed { get; init; }
}

public enum FormatStatus
{
    /// <summary>The text is in canonical layout (it may already have been).</summary>
    Formatted,

    /// <summary>The file has syntax errors (EMPS0001-EMPS0003): it is returned unchanged.</summary>
    SyntaxErrors,

    /// <summary>
    /// The text was decoded from bytes that are not valid UTF-8 (<see cref="SourceText.HasInvalidUtf8"/>;
    /// <see cref="SourceText.InvalidUtf8Position"/> says where): it is returned unchanged, and a host
    /// must not write it back, since the bad bytes are U+FFFD in the text and the originals would be lost.
    /// This holds wherever the bytes are, in a comment too, where they are no syntax error.
    /// </summary>
    InvalidUtf8,

    /// <summary>
    /// The formatted text would not have given back the same tokens and comments (a formatter bug
    /// guard): the file is returned unchanged.
    /// </summary>
    Unsafe,
}

/// <summary>
/// The one formatter of .emps files (used by <c>emps fmt</c> and the language server). It only
/// changes whitespace and line breaks between tokens and comments, so the tokens (and therefore
/// the bound model) stay the same. Layout (see docs/editor.md):
/// <list type="bullet">
/// <item>declarations start at column 0, separated by exactly one blank line; a declaration's closing
/// brace is alone on its line at column 0 (a comment before it on its line stays on the line above);</item>
/// <item>one member per line, indented two spaces; at most one blank line kept between members;</item>
/// <item>single spaces between tokens, except none before <c>, : ]</c> and around <c>..</c>,
/// none after <c>[</c>, and <c>per-turn</c> written without spaces;</item>
/// <item>comments kept: an end-of-line comment stays after its token, a comment on its own line
/// stays on its own line (re-indented), block comments are kept verbatim;</item>
/// <item>a line break after a comma is kept (long lists); the continuation line, like a token
/// forced onto a new line by a line comment, is indented four spaces;</item>
/// <item>no trailing whitespace, one final line break; the line break style of the file's first
/// line break between tokens is kept (else of the first one in a block comment; LF when there is none).</item>
/// </list>
/// Files with syntax errors, and texts decoded from bytes that are not valid UTF-8, are returned unchanged.
/// </summary>
public static class EmpsFormatter
{
    private const int MemberIndent = 2;
    private const int ContinuationIndent = 4;

    public static FormatResult Format(string text, string path = "") => Format(SyntaxTree.Parse(SourceText.From(text, path)));

    public static FormatResult Format(SourceText text) => Format(SyntaxTree.Parse(text));

    public static FormatResult Format(SyntaxTree tree)
    {
        string original = tree.Text.Text;
        // Checked first: such a file usually has no syntax error (bad bytes in a comment), and when it
        // has one (bad bytes in a string), the encoding is what the user has to fix.
        if (tree.Text.HasInvalidUtf8)
            return new FormatResult(original, FormatStatus.InvalidUtf8);
        if (tree.Diagnostics.Any(IsSyntaxDiagnostic))
            return new FormatResult(original, FormatStatus.SyntaxErrors);

        var tokens = tree.Root.DescendantTokens().ToList();
        if (!ReproducesSource(tokens, original))
            return new FormatResult(original, FormatStatus.Unsafe);

        string formatted = Print(tree, tokens);
        if (!SameTokensAndComments(tree, formatted))
            return new FormatResult(original, FormatStatus.Unsafe);

        return new FormatResult(formatted, FormatStatus.Formatted) { Changed = formatted != original };
    }

    /// <summary>
    /// The formatter's result as small edits of the original text, in order and non-overlapping: the
    /// formatter changes only what lies between tokens (it keeps every token and comment, which
    /// <see cref="Format(SyntaxTree)"/> checks), so each edit replaces the gap between two tokens.
    /// With <paramref name="range"/>, only the edits that touch it (range formatting); applying all of
    /// them gives exactly <see cref="Format(SyntaxTree)"/>'s text. Empty when the file is already
    /// formatted, has syntax errors or was not valid UTF-8.
    /// </summary>
    public static IReadOnlyList<TextChange> Changes(SyntaxTree tree, TextSpan? range = null)
    {
        var result = Format(tree);
        if (result.Status != FormatStatus.Formatted || !result.Changed) return Array.Empty<TextChange>();
        string oldText = tree.Text.Text, newText = result.Text;
        var oldTokens = Lexer.Lex(tree.Text, new List<Diagnostic>());
        var newTokens = Lexer.Lex(SourceText.From(newText), new List<Diagnostic>());
        if (oldTokens.Count != newTokens.Count) return new[] { MinimalChange(oldText, newText)!.Value }; // cannot happen: checked by Format

        var changes = new List<TextChange>();
        int oldEnd = 0, newEnd = 0;
        for (int i = 0; i < oldTokens.Count; i++)
        {
            var oldSpan = oldTokens[i].Span;
            var newSpan = newTokens[i].Span;
            string oldGap = oldText.Substring(oldEnd, oldSpan.Start - oldEnd);
            string newGap = newText.Substring(newEnd, newSpan.Start - newEnd);
            if (MinimalChange(oldGap, newGap) is { } change)
            {
                var span = new TextSpan(oldEnd + change.Span.Start, change.Span.Length);
                if (range is not { } r || (span.Start <= r.End && span.End >= r.Start))
                    changes.Add(new TextChange(span, change.NewText));
            }
            oldEnd = oldSpan.End;
            newEnd = newSpan.End;
        }
        return changes;
    }

    /// <summary>The smallest single replacement that turns <paramref name="oldText"/> into <paramref name="newText"/> (null when equal).</summary>
    public static TextChange? MinimalChange(string oldText, string newText)
    {
        if (oldText == newText) return null;
        int prefix = 0;
        int max = Math.Min(oldText.Length, newText.Length);
        while (prefix < max && oldText[prefix] == newText[prefix]) prefix++;
        // Do not split a CRLF pair or a surrogate pair.
        while (prefix > 0 && (char.IsHighSurrogate(oldText[prefix - 1]) || oldText[prefix - 1] == '\r')) prefix--;
        int suffix = 0;
        while (suffix < max - prefix && oldText[oldText.Length - 1 - suffix] == newText[newText.Length - 1 - suffix]) suffix++;
        while (suffix > 0 && (char.IsLowSurrogate(oldText[oldText.Length - suffix]) || oldText[oldText.Length - suffix] == '\n')) suffix--;
        return new TextChange(
            TextSpan.FromBounds(prefix, oldText.Length - suffix),
            newText.Substring(prefix, newText.Length - suffix - prefix));
    }

    internal static bool IsSyntaxDiagnostic(Diagnostic d) => d.Code is "EMPS0001" or "EMPS0002" or "EMPS0003";

    private static bool ReproducesSource(List<SyntaxToken> tokens, string text)
    {
        int position = 0;
        foreach (var token in tokens)
        {
            var full = token.FullSpan;
            if (full.Start != position) return false;
            position = full.End;
        }
        return position == text.Length;
    }

    private static bool SameTokensAndComments(SyntaxTree before, string formatted)
    {
        var after = SyntaxTree.Parse(SourceText.From(formatted, before.Path));
        if (after.Diagnostics.Any(IsSyntaxDiagnostic)) return false;
        var a = Signature(before).ToList();
        var b = Signature(after).ToList();
        return a.SequenceEqual(b);
    }

    private static IEnumerable<string> Signature(SyntaxTree tree)
    {
        string text = tree.Text.Text;
        foreach (var token in tree.Root.DescendantTokens())
        {
            foreach (var t in token.LeadingTrivia.Concat(token.TrailingTrivia))
                if (t.IsComment) yield return CommentText(text, t);
            yield return ((int)token.Kind).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + token.Text;
        }
    }

    private static string CommentText(string text, SyntaxTrivia trivia)
    {
        string s = text.Substring(trivia.Span.Start, trivia.Span.Length);
        return trivia.Kind == SyntaxKind.LineComment ? s.TrimEnd() : s;
    }

    private enum Break : byte
    {
        Space,
        None,

        /// <summary>Starts a line, unless a comment that precedes it on its source line is printed (that comment stays before it).</summary>
        Line,

        /// <summary>Always starts a line, even after a comment on its source line (a declaration's closing brace).</summary>
        Alone,
    }

    private enum Blank : byte
    {
        Never,
        Preserve,
        Always,
    }

    private readonly record struct Layout(Break Break, int Indent, Blank Blank, int CommentIndent);

    private static Dictionary<SyntaxToken, Layout> ComputeStructure(CompilationUnitSyntax root)
    {
        var layout = new Dictionary<SyntaxToken, Layout>();
        for (int i = 0; i < root.Declarations.Count; i++)
        {
            var declaration = root.Declarations[i];
            layout[declaration.Keyword] = new Layout(Break.Line, 0, i == 0 ? Blank.Never : Blank.Always, 0);
            if (declaration is not BlockDeclarationSyntax block) continue;
            for (int j = 0; j < block.Members.Count; j++)
            {
                var member = block.Members[j];
                var head = member.FirstToken;
                if (head is not null)
                    layout[head.Value] = new Layout(Break.Line, MemberIndent, j == 0 ? Blank.Never : Blank.Preserve, MemberIndent);
                switch (member)
                {
                    case ScoringSyntax scoring:
                        for (int k = 1; k < scoring.Direction.Count; k++)
                            layout[scoring.Direction[k]] = new Layout(Break.None, ContinuationIndent, Blank.Never, ContinuationIndent);
                        break;
                    case EntriesMemberSyntax entries when entries.Entries.Count == 0:
                        layout[entries.CloseBrace] = new Layout(Break.None, ContinuationIndent, Blank.Never, ContinuationIndent);
                        break;
                }
            }
            layout[block.CloseBrace] = new Layout(Break.Alone, 0, Blank.Never, MemberIndent);
        }
        layout[root.EndOfFile] = new Layout(Break.Line, 0, Blank.Preserve, 0);
        return layout;
    }

    private static Layout InlineLayout(SyntaxToken? previous, SyntaxToken token)
    {
        bool tight = token.Kind is SyntaxKind.Comma or SyntaxKind.Colon or SyntaxKind.CloseBracket or SyntaxKind.DotDot
                     || previous?.Kind is SyntaxKind.OpenBracket or SyntaxKind.DotDot;
        return new Layout(tight ? Break.None : Break.Space, ContinuationIndent, Blank.Never, ContinuationIndent);
    }

    /// <summary>
    /// The style of the first line break between tokens (LF or CRLF; a lone CR counts as LF). A line
    /// break inside a block comment counts only when there is none between tokens: the comment is
    /// printed verbatim and may come first in the output, where a formatter-written break came
    /// first in the input, so taking it would make formatting the output change the style again.
    /// </summary>
    private static string DetectNewLine(string text, List<SyntaxToken> tokens)
    {
        foreach (var token in tokens)
        {
            foreach (var trivia in token.LeadingTrivia)
                if (trivia.Kind == SyntaxKind.EndOfLine) return trivia.Span.Length == 2 ? "\r\n" : "\n";
            foreach (var trivia in token.TrailingTrivia)
                if (trivia.Kind == SyntaxKind.EndOfLine) return trivia.Span.Length == 2 ? "\r\n" : "\n";
        }
        int i = text.IndexOfAny(new[] { '\r', '\n' });
        if (i < 0 || text[i] == '\n') return "\n";
        return i + 1 < text.Length && text[i + 1] == '\n' ? "\r\n" : "\n";
    }

    private static string Print(SyntaxTree tree, List<SyntaxToken> tokens)
    {
        string text = tree.Text.Text;
        string nl = DetectNewLine(text, tokens);
        var structure = ComputeStructure(tree.Root);
        var sb = new StringBuilder(text.Length + text.Length / 8 + 16);

        bool atFileStart = true;   // nothing printed yet
        bool needNewLine = false;  // a line comment was printed: the next item goes on a new line
        int eols = 0;              // line breaks in the source since the last printed item

        void StartLine(int indent, bool blank)
        {
            if (!atFileStart)
            {
                sb.Append(nl);
                if (blank) sb.Append(nl);
            }
            sb.Append(' ', indent);
        }

        static bool WantsBlank(Blank policy, int eols) => policy == Blank.Always || (policy == Blank.Preserve && eols >= 2);

        SyntaxToken? previous = null;
        foreach (var token in tokens)
        {
            var layout = structure.TryGetValue(token, out var l) ? l : InlineLayout(previous, token);

            // Comments before the token (each begins a line in the source, or follows another
            // comment on that line).
            bool first = true;
            bool hadComment = false;
            foreach (var trivia in token.LeadingTrivia)
            {
                if (trivia.Kind == SyntaxKind.EndOfLine) { eols++; continue; }
                if (!trivia.IsComment) continue;
                if (eols > 0 || needNewLine || atFileStart)
                {
                    var policy = first ? layout.Blank : Blank.Preserve;
                    StartLine(layout.CommentIndent, WantsBlank(policy, eols));
                }
                else
                {
                    sb.Append(' ');
                }
                sb.Append(CommentText(text, trivia));
                atFileStart = false;
                needNewLine = trivia.Kind == SyntaxKind.LineComment;
                first = false;
                hadComment = true;
                eols = 0;
            }

            if (token.Kind == SyntaxKind.EndOfFile)
            {
                if (!atFileStart) sb.Append(nl);
                break;
            }

            bool newLine = needNewLine
                           || (hadComment && eols > 0)
                           || (layout.Break == Break.Line && !hadComment)
                           || layout.Break == Break.Alone // `/* c */ }` -> the comment, then `}` on its own line
                           || (previous?.Kind == SyntaxKind.Comma && eols > 0); // a list the author broke after a comma
            if (newLine)
            {
                // Between a comment and the token it precedes, a blank line is kept (at most one),
                // except before a closing brace.
                var policy = !hadComment ? layout.Blank
                    : token.Kind == SyntaxKind.CloseBrace ? Blank.Never
                    : Blank.Preserve;
                StartLine(layout.Indent, WantsBlank(policy, eols));
            }
            else if (!atFileStart && (layout.Break != Break.None || hadComment))
            {
                sb.Append(' ');
            }

            sb.Append(token.Text);
            atFileStart = false;
            needNewLine = false;
            eols = 0;

            foreach (var trivia in token.TrailingTrivia)
            {
                if (trivia.Kind == SyntaxKind.EndOfLine) { eols++; continue; }
                if (!trivia.IsComment) continue;
                sb.Append(' ').Append(CommentText(text, trivia));
                needNewLine = trivia.Kind == SyntaxKind.LineComment;
            }
            previous = token;
        }
        return sb.ToString();
    }
}

/// <summary>Replace <see cref="Span"/> of the old text with <see cref="NewText"/>.</summary>
public readonly record struct TextChange(TextSpan Span, string NewText);
