using System.Text;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Text;
using ScenarioDsl.Tests.Shared;

namespace ScenarioDsl.Language.Tests.Baselines;

/// <summary>
/// Bicep-style baselines: each input file beside <c>Expected/&lt;name&gt;.diagnostics.emps</c>, the
/// source with every diagnostic rendered as a comment under the line it starts on.
/// Regenerate with <c>EMPS_UPDATE_BASELINES=1 dotnet test</c> and review the diff.
/// </summary>
public class BaselineTests
{
    public static string FilesFolder => Path.Combine(TestPaths.RepoRoot, "tests", "ScenarioDsl.Language.Tests", "Baselines", "Files");

    private static string ExpectedFolder => Path.Combine(TestPaths.RepoRoot, "tests", "ScenarioDsl.Language.Tests", "Baselines", "Expected");

    /// <summary>The baseline inputs and the shipped scenarios.</summary>
    public static IEnumerable<string> AllInputs() =>
        Directory.GetFiles(FilesFolder, "*.emps")
            .Concat(Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "scenarios"), "*.emps", SearchOption.AllDirectories))
            .OrderBy(p => p, StringComparer.Ordinal);

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var path in AllInputs()) data.Add(Path.GetRelativePath(TestPaths.RepoRoot, path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Diagnostics_match_the_baseline(string relativePath)
    {
        string path = Path.Combine(TestPaths.RepoRoot, relativePath);
        var text = SourceText.FromBytes(File.ReadAllBytes(path), Path.GetFileName(path));
        // The shipped library shares its names across files: compile it as one set, as `emps check scenarios` does.
        var compilation = IsShippedScenario(path)
            ? EmpsCompilation.Create(ShippedScenarioPaths().Select(p => SourceText.FromBytes(File.ReadAllBytes(p), Path.GetFileName(p))))
            : EmpsCompilation.Create(new[] { text });
        string rendered = Render(text, compilation.Diagnostics.Where(d => d.Location.Path == text.Path).ToList());
        Approvals.AssertMatches(Path.Combine(ExpectedFolder, Path.GetFileNameWithoutExtension(path) + ".diagnostics.emps"), rendered);
    }

    private static string ScenariosFolder => Path.Combine(TestPaths.RepoRoot, "scenarios");

    private static bool IsShippedScenario(string path) => Path.GetFullPath(path).StartsWith(ScenariosFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static IEnumerable<string> ShippedScenarioPaths() =>
        Directory.GetFiles(ScenariosFolder, "*.emps", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal);

    /// <summary>The source, each line followed by its diagnostics as <c>//@[line:col-line:col] CODE severity: message</c>.</summary>
    public static string Render(SourceText text, IReadOnlyList<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        var byLine = diagnostics.ToLookup(d => d.Location.LineSpan.Start.Line);
        for (int line = 0; line < text.LineCount; line++)
        {
            sb.Append(text.ToString(text.GetLineSpan(line))).Append('\n');
            foreach (var d in byLine[line])
            {
                var s = d.Location.LineSpan;
                sb.Append($"//@[{s.Start.Line + 1}:{s.Start.Character + 1}-{s.End.Line + 1}:{s.End.Character + 1}] {d.Code} {Diagnostic.SeverityText(d.Severity)}: {d.Message.Replace("\n", "\\n")}\n");
            }
        }
        return sb.ToString();
    }
}
