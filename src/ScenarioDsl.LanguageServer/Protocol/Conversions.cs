using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.LanguageServer.Protocol;

/// <summary>Between the language core's offsets and spans and LSP positions (0-based lines, UTF-16 characters).</summary>
public static class Conversions
{
    /// <summary>
    /// The offset of an LSP position, clamped into the text (positions outside the document are tolerated; a character
    /// past the end of its line is the end of that line, before its line break: <see cref="SourceText.GetPosition"/>).
    /// </summary>
    public static int ToOffset(SourceText text, Position position) =>
        text.GetPosition(new LinePosition(position.Line, position.Character));

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
