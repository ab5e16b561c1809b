namespace ScenarioDsl.Language.Diagnostics;

/// <summary>One entry of the catalogue: a stable code, a default severity and a message format.</summary>
public sealed record DiagnosticDescriptor(
    string Code,
    string Title,
    string MessageFormat,
    DiagnosticSeverity DefaultSeverity,
    string Category)
{
    /// <summary>Where the code is documented.</summary>
    public string HelpLink => "docs/diagnostics.md#" + Code.ToLowerInvariant();

    public override string ToString() => Code;
}
