using ScenarioDsl.Language.Diagnostics;

namespace ScenarioDsl.Cli.Output;

/// <summary>How each output format spells a severity.</summary>
public static class SeverityNames
{
    /// <summary>Text and JSON: error, warning, info (hidden diagnostics are never printed).</summary>
    public static string Word(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };

    /// <summary>SARIF 2.1.0 <c>level</c>: error, warning, note (none for hidden).</summary>
    public static string SarifLevel(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };
}
