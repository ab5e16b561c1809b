namespace ScenarioDsl.Language.Tests;

internal static class TestPaths
{
    /// <summary>The repository root: the folder holding ScenarioDsl.sln, found from the test's base directory.</summary>
    public static string RepoRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ScenarioDsl.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ScenarioDsl.sln not found above " + AppContext.BaseDirectory);
    }
}
