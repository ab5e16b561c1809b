using System.Runtime.CompilerServices;

namespace ScenarioDsl.Generators.Tests.Infrastructure;

internal static class TestPaths
{
    /// <summary>This test project's source folder (baselines live here, not in bin/).</summary>
    public static string ProjectDirectory([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, ".."));

    public static string RepoRoot => Path.GetFullPath(Path.Combine(ProjectDirectory(), "..", ".."));

    public static string Scenarios => Path.Combine(RepoRoot, "scenarios");
}
