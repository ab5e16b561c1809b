using ScenarioDsl.Language.Diagnostics;

namespace ScenarioDsl.Cli.Output;

/// <summary>
/// What <c>emps check</c> found: the files checked (display paths, in order) and the visible
/// diagnostics ordered by file (in the order of <see cref="Files"/>), then position, then code.
/// </summary>
public sealed class CheckReport
{
    public CheckReport(IReadOnlyList<string> files, IEnumerable<Diagnostic> diagnostics)
    {
        Files = files;
        Diagnostics = Visible(files, diagnostics).Select(DiagnosticRecord.From).ToArray();
    }

    /// <summary>
    /// The diagnostics that are not hidden, by file (in the order of <paramref name="files"/>, display paths), then
    /// position, then code: the order every command prints them in.
    /// </summary>
    public static IEnumerable<Diagnostic> Visible(IReadOnlyList<string> files, IEnumerable<Diagnostic> diagnostics)
    {
        var fileOrder = files.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);
        return diagnostics
            .Where(d => d.Severity != DiagnosticSeverity.Hidden)
            .OrderBy(d => fileOrder.TryGetValue(d.Location.Path, out int i) ? i : int.MaxValue)
            .ThenBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Span.Start)
            .ThenBy(d => d.Location.Span.End)
            .ThenBy(d => d.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Files { get; }

    public IReadOnlyList<DiagnosticRecord> Diagnostics { get; }

    public int Count(DiagnosticSeverity severity) => Diagnostics.Count(d => d.Severity == severity);

    public bool HasErrors => Count(DiagnosticSeverity.Error) > 0;

    /// <summary>For example <c>2 errors, 1 warning in 3 files</c> (infos are counted only when there are some).</summary>
    public string Summary
    {
        get
        {
            var parts = new List<string>
            {
                Plural(Count(DiagnosticSeverity.Error), "error"),
                Plural(Count(DiagnosticSeverity.Warning), "warning"),
            };
            int infos = Count(DiagnosticSeverity.Info);
            if (infos > 0) parts.Add(infos + " info");
            return string.Join(", ", parts) + " in " + Plural(Files.Count, "file");
        }
    }

    private static string Plural(int count, string noun) => count + " " + noun + (count == 1 ? "" : "s");
}
