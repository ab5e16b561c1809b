using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Diagnostics;

/// <summary>
/// A fix the catalogue proposes: replace the text at <see cref="Span"/> with <see cref="NewText"/>
/// (for example "did you mean 'autonomy'?"). Hosts render it as a code action or a hint.
/// </summary>
public sealed record Suggestion(string Title, TextSpan Span, string NewText);

/// <summary>A message about a place in a .emps file. Created only through <see cref="DiagnosticCatalogue"/>.</summary>
public sealed record Diagnostic
{
    internal Diagnostic(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, Location location, string message, Suggestion? suggestion)
    {
        Descriptor = descriptor;
        Severity = severity;
        Location = location;
        Message = message;
        Suggestion = suggestion;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public string Code => Descriptor.Code;

    /// <summary>The effective severity (the default unless a configuration changed it).</summary>
    public DiagnosticSeverity Severity { get; }

    public Location Location { get; }

    /// <summary>The full message, including the suggestion's hint when there is one.</summary>
    public string Message { get; }

    public Suggestion? Suggestion { get; }

    public Diagnostic WithSeverity(DiagnosticSeverity severity) =>
        severity == Severity ? this : new Diagnostic(Descriptor, severity, Location, Message, Suggestion);

    public override string ToString() =>
        $"{Location}: {SeverityText(Severity)} {Code}: {Message}";

    public static string SeverityText(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}
