namespace ScenarioDsl.Language.Diagnostics;

/// <summary>How serious a diagnostic is. <see cref="Hidden"/> is a configured "none": not shown.</summary>
public enum DiagnosticSeverity
{
    Hidden = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}
