using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Validity.Tests.Infrastructure;

/// <summary>The shipped scenario library: every .emps file under the repository's scenarios/ folder.</summary>
internal static class Library
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string ScenariosFolder => Path.Combine(RepositoryRoot, "scenarios");

    public static EmpsCompilation Compile() =>
        EmpsCompilation.Create(
            Directory.EnumerateFiles(ScenariosFolder, "*.emps", SearchOption.AllDirectories)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => SourceText.From(File.ReadAllText(p), Path.GetRelativePath(RepositoryRoot, p))));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ScenarioDsl.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("ScenarioDsl.sln not found above " + AppContext.BaseDirectory);
    }
}
