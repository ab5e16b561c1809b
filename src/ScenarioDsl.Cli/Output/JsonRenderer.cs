using System.Text.Json;

namespace ScenarioDsl.Cli.Output;

/// <summary>
/// One JSON array of <c>{file, line, column, endLine, endColumn, severity, code, message}</c>
/// (1-based positions; severity error, warning or info).
/// </summary>
public sealed class JsonRenderer : IDiagnosticRenderer
{
    public void Render(CheckReport report, TextWriter output) => JsonOutput.Write(output, writer =>
    {
        writer.WriteStartArray();
        foreach (var d in report.Diagnostics) WriteDiagnostic(writer, d);
        writer.WriteEndArray();
    });

    private static void WriteDiagnostic(Utf8JsonWriter writer, DiagnosticRecord d)
    {
        writer.WriteStartObject();
        writer.WriteString("file", d.File);
        writer.WriteNumber("line", d.Line);
        writer.WriteNumber("column", d.Column);
        writer.WriteNumber("endLine", d.EndLine);
        writer.WriteNumber("endColumn", d.EndColumn);
        writer.WriteString("severity", d.SeverityWord);
        writer.WriteString("code", d.Code);
        writer.WriteString("message", d.Message);
        writer.WriteEndObject();
    }
}
