using System.Globalization;

namespace ScenarioDsl.Language.Diagnostics;

/// <summary>
/// Per-code severity changes, read from the same <c>.globalconfig</c> that the build uses
/// (<c>dotnet_diagnostic.EMPS2008.severity = error</c>), so the command and the language server
/// agree with <c>dotnet build</c>.
/// </summary>
public sealed class DiagnosticOptions
{
    private readonly Dictionary<string, DiagnosticSeverity> _severities;

    public DiagnosticOptions(IReadOnlyDictionary<string, DiagnosticSeverity> severities) =>
        _severities = new Dictionary<string, DiagnosticSeverity>(severities.ToDictionary(p => p.Key, p => p.Value), StringComparer.OrdinalIgnoreCase);

    public static DiagnosticOptions Default { get; } = new(new Dictionary<string, DiagnosticSeverity>());

    public IReadOnlyDictionary<string, DiagnosticSeverity> Severities => _severities;

    /// <summary>
    /// Reads the <c>dotnet_diagnostic.&lt;code&gt;.severity</c> keys of a .globalconfig (or an
    /// .editorconfig's global section). Values: error, warning, suggestion/info, silent/hidden/none.
    /// Unknown lines are ignored, as the compiler does.
    /// </summary>
    public static DiagnosticOptions ParseGlobalConfig(string text)
    {
        var result = new Dictionary<string, DiagnosticSeverity>(StringComparer.OrdinalIgnoreCase);
        bool inSection = false;
        foreach (var raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || line[0] == ';') continue;
            if (line[0] == '[') { inSection = true; continue; }
            if (inSection) continue; // section-specific settings do not reach additional files
            int eq = line.IndexOf('=');
            if (eq < 0) continue;
            string key = line.Substring(0, eq).Trim();
            string value = line.Substring(eq + 1).Trim();
            int hash = value.IndexOfAny(new[] { '#', ';' });
            if (hash >= 0) value = value.Substring(0, hash).Trim();
            const string prefix = "dotnet_diagnostic.";
            const string suffix = ".severity";
            if (!key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) continue;
            string code = key.Substring(prefix.Length, key.Length - prefix.Length - suffix.Length);
            var severity = ParseSeverity(value);
            if (severity is not null) result[code.ToUpper(CultureInfo.InvariantCulture)] = severity.Value;
        }
        return new DiagnosticOptions(result);
    }

    public static DiagnosticSeverity? ParseSeverity(string value) => value.ToLowerInvariant() switch
    {
        "error" => DiagnosticSeverity.Error,
        "warning" => DiagnosticSeverity.Warning,
        "suggestion" or "info" => DiagnosticSeverity.Info,
        "silent" or "hidden" or "none" => DiagnosticSeverity.Hidden,
        _ => null,
    };

    /// <summary>Applies the overrides; diagnostics configured to Hidden are dropped.</summary>
    public IReadOnlyList<Diagnostic> Apply(IEnumerable<Diagnostic> diagnostics)
    {
        var list = new List<Diagnostic>();
        foreach (var d in diagnostics)
        {
            var effective = _severities.TryGetValue(d.Code, out var s) ? d.WithSeverity(s) : d;
            if (effective.Severity != DiagnosticSeverity.Hidden) list.Add(effective);
        }
        return list;
    }
}
