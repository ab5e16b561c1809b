using ScenarioDsl.Language.Formatting;

namespace ScenarioDsl.Language.Tests.Formatting;

/// <summary>
/// The shipped library is in `emps fmt` layout, so a user who copies it and checks their files with
/// `emps fmt --check` starts clean. The one exception is the spec's own example, shipped byte for byte as the
/// spec writes it (its columns aligned by hand, which the formatter does not do: docs/editor.md).
/// </summary>
public sealed class ShippedLibraryLayoutTests
{
    private const string SpecExample = "student-under-pressure.emps";

    public static TheoryData<string> LibraryFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "scenarios"), "*.emps").OrderBy(f => f, StringComparer.Ordinal))
            if (Path.GetFileName(file) != SpecExample) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(LibraryFiles))]
    public void A_library_file_is_in_fmt_layout(string name)
    {
        string text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "scenarios", name));

        var result = EmpsFormatter.Format(text, name);

        Assert.Equal(FormatStatus.Formatted, result.Status);
        Assert.False(result.Changed, $"scenarios/{name} is not in emps fmt layout: run `emps fmt scenarios/{name}`");
    }

    [Fact]
    public void The_spec_example_is_shipped_as_the_spec_writes_it()
    {
        // The first code block of SPEC section 1 (the language) is the example.
        var spec = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "..", "shared", "spec", "SPEC.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        int section = spec.IndexOf("## 1. The language", StringComparison.Ordinal);
        int open = spec.IndexOf("```\n", section, StringComparison.Ordinal) + 4;
        int close = spec.IndexOf("```\n", open, StringComparison.Ordinal);
        Assert.True(section >= 0 && open > 4 && close > open, "SPEC.md's example block was not found");

        Assert.Equal(spec[open..close], File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "scenarios", SpecExample)).Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
