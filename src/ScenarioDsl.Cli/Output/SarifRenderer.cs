using System.Text.Json;
using ScenarioDsl.Language.Diagnostics;

namespace ScenarioDsl.Cli.Output;

/// <summary>
/// SARIF 2.1.0: one run whose tool is <c>emps</c>, with every code of the catalogue as a rule and
/// one result per diagnostic. Artifact URIs are relative to the working directory (forward slashes,
/// percent-encoded); regions are 1-based with UTF-16 columns.
/// </summary>
public sealed class SarifRenderer : IDiagnosticRenderer
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    public static string ToolVersion { get; } =
        typeof(SarifRenderer).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    public void Render(CheckReport report, TextWriter output) => JsonOutput.Write(output, writer =>
    {
        var rules = DiagnosticCatalogue.All;
        var ruleIndex = rules.Select((r, i) => (r.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);

        writer.WriteStartObject();
        writer.WriteString("$schema", SchemaUri);
        writer.WriteString("version", "2.1.0");
        writer.WriteStartArray("runs");
        writer.WriteStartObject();
        WriteTool(writer, rules);
        writer.WriteString("columnKind", "utf16CodeUnits");
        writer.WriteStartArray("results");
        foreach (var d in report.Diagnostics) WriteResult(writer, d, ruleIndex);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void WriteTool(Utf8JsonWriter writer, IReadOnlyList<DiagnosticDescriptor> rules)
    {
        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", "emps");
        writer.WriteString("semanticVersion", ToolVersion);
        writer.WriteStartArray("rules");
        foreach (var rule in rules) WriteRule(writer, rule);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter writer, DiagnosticDescriptor rule)
    {
        writer.WriteStartObject();
        writer.WriteString("id", rule.Code);
        writer.WriteStartObject("shortDescription");
        writer.WriteString("text", rule.Title);
        writer.WriteEndObject();
        // SARIF requires helpUri to be an absolute URI; a repository-relative link goes in help.text.
        if (Uri.TryCreate(rule.HelpLink, UriKind.Absolute, out _))
        {
            writer.WriteString("helpUri", rule.HelpLink);
        }
        else
        {
            writer.WriteStartObject("help");
            writer.WriteString("text", "See " + rule.HelpLink);
            writer.WriteEndObject();
        }
        writer.WriteStartObject("defaultConfiguration");
        writer.WriteString("level", SeverityNames.SarifLevel(rule.DefaultSeverity));
        writer.WriteEndObject();
        writer.WriteStartObject("properties");
        writer.WriteString("category", rule.Category);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter writer, DiagnosticRecord d, IReadOnlyDictionary<string, int> ruleIndex)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", d.Code);
        if (ruleIndex.TryGetValue(d.Code, out int index)) writer.WriteNumber("ruleIndex", index);
        writer.WriteString("level", SeverityNames.SarifLevel(d.Severity));
        writer.WriteStartObject("message");
        writer.WriteString("text", d.Message);
        writer.WriteEndObject();
        writer.WriteStartArray("locations");
        writer.WriteStartObject();
        writer.WriteStartObject("physicalLocation");
        writer.WriteStartObject("artifactLocation");
        writer.WriteString("uri", ToUri(d.File));
        writer.WriteEndObject();
        writer.WriteStartObject("region");
        writer.WriteNumber("startLine", d.Line);
        writer.WriteNumber("startColumn", d.Column);
        writer.WriteNumber("endLine", d.EndLine);
        writer.WriteNumber("endColumn", d.EndColumn);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>A relative display path as a relative URI reference; an absolute one as a file URI.</summary>
    public static string ToUri(string displayPath)
    {
        if (Path.IsPathRooted(displayPath)) return new Uri(displayPath).AbsoluteUri;
        return string.Join("/", displayPath.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
    }
}
