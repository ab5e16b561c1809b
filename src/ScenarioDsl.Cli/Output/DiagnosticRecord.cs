using ScenarioDsl.Language.Diagnostics;

namespace ScenarioDsl.Cli.Output;

/// <summary>
/// A diagnostic as every renderer prints it: display path, 1-based line and column of its start and
/// end (columns count UTF-16 code units), severity word, code and message.
/// </summary>
public sealed record DiagnosticRecord(
    string File, int Line, int Column, int EndLine, int EndColumn,
    DiagnosticSeverity Severity, string Code, string Message)
{
    public static DiagnosticRecord From(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.LineSpan;
        return new DiagnosticRecord(
            diagnostic.Location.Path,
            span.Start.Line + 1, span.Start.Character + 1,
            span.End.Line + 1, span.End.Character + 1,
            diagnostic.Severity, diagnostic.Code, diagnostic.Message);
    }

    /// <summary>error, warning or info (as MSBuild and the JSON output spell it).</summary>
    public string SeverityWord => SeverityNames.Word(Severity);
}
