namespace ScenarioDsl.Cli.Output;

/// <summary>
/// One line per diagnostic in the form MSBuild and IDEs recognise:
/// <c>path(line,col): error EMPS2003: message</c> (1-based line and column).
/// </summary>
public sealed class MsBuildTextRenderer : IDiagnosticRenderer
{
    public void Render(CheckReport report, TextWriter output)
    {
        foreach (var d in report.Diagnostics)
        {
            output.Write($"{d.File}({d.Line},{d.Column}): {d.SeverityWord} {d.Code}: {OneLine(d.Message)}\n");
        }
    }

    /// <summary>A message never breaks the one-line-per-diagnostic form.</summary>
    private static string OneLine(string message) =>
        message.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
}
