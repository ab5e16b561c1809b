namespace ScenarioDsl.Cli.Output;

/// <summary>Writes a <see cref="CheckReport"/> in one output format.</summary>
public interface IDiagnosticRenderer
{
    void Render(CheckReport report, TextWriter output);
}
