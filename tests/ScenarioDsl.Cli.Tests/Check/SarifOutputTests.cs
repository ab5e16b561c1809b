using System.Text.Json;
using ScenarioDsl.Cli.Tests.Infrastructure;
using ScenarioDsl.Language.Diagnostics;

namespace ScenarioDsl.Cli.Tests.Check;

/// <summary>The SARIF 2.1.0 structure that code-scanning tools require.</summary>
public sealed class SarifOutputTests
{
    private static readonly string[] Levels = ["error", "warning", "note"];

    private static JsonDocument Sarif(string workingDirectory, params string[] paths) =>
        JsonDocument.Parse(CliRunner.Run(workingDirectory, ["check", .. paths, "--format", "sarif"]).Out);

    [Fact]
    public void Log_has_version_schema_and_one_run_of_the_emps_tool()
    {
        using var sarif = Sarif(TestPaths.ProjectDirectory, "TestData/check/lexical");
        var root = sarif.RootElement;

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif-schema-2.1.0", root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        Assert.Equal("emps", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
    }

    [Fact]
    public void Rules_are_the_whole_catalogue_in_code_order()
    {
        using var sarif = Sarif(TestPaths.ProjectDirectory, "TestData/check/lexical");
        var rules = Driver(sarif).GetProperty("rules").EnumerateArray().ToList();

        Assert.Equal(DiagnosticCatalogue.All.Select(d => d.Code), rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var (rule, descriptor) in rules.Zip(DiagnosticCatalogue.All))
        {
            Assert.Equal(descriptor.Title, rule.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), Levels);
            // helpUri must be absolute in SARIF; a relative help link is given as help text instead.
            if (rule.TryGetProperty("helpUri", out var helpUri))
            {
                Assert.True(Uri.IsWellFormedUriString(helpUri.GetString(), UriKind.Absolute));
                Assert.Equal(descriptor.HelpLink, helpUri.GetString());
            }
            else
            {
                Assert.Contains(descriptor.HelpLink, rule.GetProperty("help").GetProperty("text").GetString());
            }
        }
        Assert.Equal("warning", rules.Single(r => r.GetProperty("id").GetString() == "EMPS2008").GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("note", rules.Single(r => r.GetProperty("id").GetString() == "EMPS4001").GetProperty("defaultConfiguration").GetProperty("level").GetString());
    }

    [Theory]
    [MemberData(nameof(CheckGoldenTests.Inputs), MemberType = typeof(CheckGoldenTests))]
    public void Results_point_at_their_rule_and_a_relative_region(string name)
    {
        using var sarif = Sarif(TestPaths.ProjectDirectory, $"TestData/check/{name}");
        var ruleIds = Driver(sarif).GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();

        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            string ruleId = result.GetProperty("ruleId").GetString()!;
            Assert.Equal(ruleIds.IndexOf(ruleId), result.GetProperty("ruleIndex").GetInt32());
            Assert.Contains(result.GetProperty("level").GetString(), Levels);
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            var physical = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            string uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            Assert.StartsWith($"TestData/check/{name}/", uri);
            Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Relative), uri);
            var region = physical.GetProperty("region");
            foreach (var field in new[] { "startLine", "startColumn", "endLine", "endColumn" })
            {
                Assert.True(region.GetProperty(field).GetInt32() >= 1, field);
            }
        }
    }

    [Fact]
    public void Uris_are_percent_encoded_and_use_forward_slashes()
    {
        using var folder = new TempFolder();
        folder.Write("my files/bad #1.emps", "@\n");
        using var sarif = Sarif(folder.Path, "my files");

        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("my%20files/bad%20%231.emps",
            result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    private static JsonElement Driver(JsonDocument sarif) =>
        sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
}
