using System.Reflection;
using ScenarioDsl.Language.Diagnostics;

namespace ScenarioDsl.Language.Tests.Diagnostics;

public class CatalogueTests
{
    [Fact]
    public void Catalogue_has_the_29_codes_of_the_spec_and_ours_each_once()
    {
        var codes = DiagnosticCatalogue.All.Select(d => d.Code).ToList();
        // The spec's 29, and EMPS3009: a limit of our sandbox the spec does not name (docs/diagnostics.md).
        Assert.Equal(30, codes.Count);
        Assert.Contains("EMPS3009", codes);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^EMPS[0-4][0-9]{3}$", c));
    }

    [Fact]
    public void Every_descriptor_field_is_in_All()
    {
        var fields = typeof(DiagnosticCatalogue).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();
        Assert.Equal(fields.Select(f => f.Code).OrderBy(c => c), DiagnosticCatalogue.All.Select(d => d.Code).OrderBy(c => c));
    }

    [Fact]
    public void Every_code_is_tracked_in_the_analyzer_release_files_with_its_severity()
    {
        string folder = Path.Combine(TestPaths.RepoRoot, "src", "ScenarioDsl.Language", "Diagnostics");
        var lines = File.ReadAllLines(Path.Combine(folder, "AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(folder, "AnalyzerReleases.Shipped.md")))
            .Where(l => l.StartsWith("EMPS", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(p => p.Trim()).ToArray())
            .ToList();
        Assert.Equal(lines.Count, lines.Select(l => l[0]).Distinct().Count());
        foreach (var d in DiagnosticCatalogue.All)
        {
            var row = lines.SingleOrDefault(l => l[0] == d.Code);
            Assert.True(row is not null, $"{d.Code} is not in AnalyzerReleases.*.md");
            Assert.Equal(d.DefaultSeverity.ToString(), row![2]);
            Assert.Equal(d.Category, row[1]);
        }
    }

    [Fact]
    public void Every_code_has_its_own_test()
    {
        var tests = typeof(DiagnosticCodeTests).GetMethods().Select(m => m.Name).ToList();
        foreach (var d in DiagnosticCatalogue.All)
            Assert.Contains(tests, t => t.StartsWith(d.Code + "_", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_code_is_documented()
    {
        string doc = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "diagnostics.md"));
        foreach (var d in DiagnosticCatalogue.All)
            Assert.Contains("## " + d.Code, doc);
    }
}
