using System.Text.Json;
using ScenarioDsl.Cli.Tests.Infrastructure;

namespace ScenarioDsl.Cli.Tests.Check;

public sealed class JsonOutputTests
{
    private static readonly string[] Properties = ["file", "line", "column", "endLine", "endColumn", "severity", "code", "message"];

    [Theory]
    [MemberData(nameof(CheckGoldenTests.Inputs), MemberType = typeof(CheckGoldenTests))]
    public void Output_is_one_array_of_diagnostics_with_the_documented_fields(string name)
    {
        var result = CliRunner.Run(TestPaths.ProjectDirectory, "check", $"TestData/check/{name}", "--format", "json");
        using var json = JsonDocument.Parse(result.Out);

        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.NotEqual(0, json.RootElement.GetArrayLength());
        foreach (var item in json.RootElement.EnumerateArray())
        {
            Assert.Equal(Properties, item.EnumerateObject().Select(p => p.Name));
            Assert.StartsWith($"TestData/check/{name}/", item.GetProperty("file").GetString());
            int line = item.GetProperty("line").GetInt32(), column = item.GetProperty("column").GetInt32();
            int endLine = item.GetProperty("endLine").GetInt32(), endColumn = item.GetProperty("endColumn").GetInt32();
            Assert.True(line >= 1 && column >= 1, "positions are 1-based");
            Assert.True(endLine > line || (endLine == line && endColumn >= column), "the end is not before the start");
            Assert.Contains(item.GetProperty("severity").GetString(), new[] { "error", "warning", "info" });
            Assert.Matches("^EMPS[0-9]{4}$", item.GetProperty("code").GetString());
            Assert.False(string.IsNullOrEmpty(item.GetProperty("message").GetString()));
        }
    }

    [Theory]
    [MemberData(nameof(CheckGoldenTests.Inputs), MemberType = typeof(CheckGoldenTests))]
    public void Diagnostics_are_ordered_by_file_then_position(string name)
    {
        var result = CliRunner.Run(TestPaths.ProjectDirectory, "check", $"TestData/check/{name}", "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        var keys = json.RootElement.EnumerateArray()
            .Select(d => (File: d.GetProperty("file").GetString()!, Line: d.GetProperty("line").GetInt32(), Column: d.GetProperty("column").GetInt32()))
            .ToList();

        var sorted = keys.OrderBy(k => k.File, StringComparer.Ordinal).ThenBy(k => k.Line).ThenBy(k => k.Column).ToList();
        Assert.Equal(sorted, keys);
    }

    [Fact]
    public void A_clean_file_gives_an_empty_array()
    {
        using var folder = new TempFolder();
        folder.Write("ok.emps", "// nothing but a comment\n");

        var result = folder.Run("check", "ok.emps", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("[]\n", result.Out);
        Assert.Equal("", result.Error);
    }
}
