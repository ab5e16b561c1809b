using ScenarioDsl.Language.Diagnostics;

namespace ScenarioDsl.Cli.Input;

/// <summary>
/// Gives each file's diagnostics the severities of its nearest <c>.globalconfig</c>
/// (<see cref="GlobalConfigLocator"/>), then those of the command line. Shared by the verbs that
/// report diagnostics (<c>emps check</c>, <c>emps generate</c>), so they agree with each other and the build.
/// </summary>
public static class SeverityConfiguration
{
    /// <exception cref="IOException">A .globalconfig exists but cannot be read.</exception>
    public static IReadOnlyList<Diagnostic> Apply(
        IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<InputFile> files, IReadOnlyDictionary<string, DiagnosticSeverity> overrides)
    {
        var locator = new GlobalConfigLocator();
        var fullPathByDisplay = files.ToDictionary(f => f.DisplayPath, f => f.FullPath, StringComparer.Ordinal);
        var result = new List<Diagnostic>();
        foreach (var group in diagnostics.GroupBy(d => d.Location.Path, StringComparer.Ordinal))
        {
            var config = fullPathByDisplay.TryGetValue(group.Key, out var fullPath) ? locator.ForFile(fullPath) : DiagnosticOptions.Default;
            result.AddRange(Merge(config, overrides).Apply(group));
        }
        return result;
    }

    private static DiagnosticOptions Merge(DiagnosticOptions config, IReadOnlyDictionary<string, DiagnosticSeverity> overrides)
    {
        if (overrides.Count == 0) return config;
        var merged = new Dictionary<string, DiagnosticSeverity>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in config.Severities) merged[pair.Key] = pair.Value;
        foreach (var pair in overrides) merged[pair.Key] = pair.Value;
        return new DiagnosticOptions(merged);
    }
}
