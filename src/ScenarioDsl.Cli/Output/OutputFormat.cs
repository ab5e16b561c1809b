namespace ScenarioDsl.Cli.Output;

/// <summary>The output formats of <c>emps check --format</c>.</summary>
public static class OutputFormat
{
    public const string Text = "text";
    public const string Json = "json";
    public const string Sarif = "sarif";

    public static IReadOnlyList<string> All { get; } = [Text, Json, Sarif];

    public static IDiagnosticRenderer CreateRenderer(string format) => format switch
    {
        Json => new JsonRenderer(),
        Sarif => new SarifRenderer(),
        _ => new MsBuildTextRenderer(),
    };
}
