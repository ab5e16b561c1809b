using System.Reflection;

namespace ScenarioDsl.Cli.Tests.Infrastructure;

/// <summary>Folders of the test project's source tree (inputs and baselines are read in place, not copied).</summary>
public static class TestPaths
{
    public static string ProjectDirectory { get; } =
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ProjectDirectory").Value
        ?? throw new InvalidOperationException("ProjectDirectory metadata is missing");

    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(ProjectDirectory, "..", ".."));
}
