using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.LanguageServer.Protocol;

/// <summary>Between the language core's offsets and spans and LSP positions (0-based lines, UTF-16 characters).</summary>
public static class Conversions
{
    /// <summary>
    /// The offset of an LSP position, clamped into the text (positions outside the document are tolerated). A character
    /// past the end of its line means the end of that line, before its line break, as the LSP specification says, so
    /// a position never lands inside a CRLF or on the next line.
    /// </summary>
    public static int ToOffset(SourceText text, Position position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= text.LineCount) return text.Length;
        var line = text.GetLineSpan(position.Line);
        return line.Start + Math.Min(Math.Max(0, position.Character), line.Length);
    }

    public static Position ToPosition(SourceText text, int offset)
    {
        var p = text.GetLinePosition(offset);
        return new Position(p.Line, p.Character);
    }

    public static Range ToRange(SourceText text, TextSpan span) =>
        new(ToPosition(text, span.Start), ToPosition(text, span.End));

    public static Range ToRange(LinePositionSpan span) =>
        new(new Position(span.Start.Line, span.Start.Character), new Position(span.End.Line, span.End.Character));

    public static int ToSeverity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => LspDiagnosticSeverity.Error,
        DiagnosticSeverity.Warning => LspDiagnosticSeverity.Warning,
        DiagnosticSeverity.Info => LspDiagnosticSeverity.Information,
        _ => LspDiagnosticSeverity.Hint,
    };

    public static LspDiagnostic ToLsp(Diagnostic d) =>
        new(ToRange(d.Location.LineSpan), ToSeverity(d.Severity), d.Code, "emps", d.Message);
}
