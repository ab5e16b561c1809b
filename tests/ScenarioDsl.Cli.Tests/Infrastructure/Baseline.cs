using ScenarioDsl.Tests.Shared;

namespace ScenarioDsl.Cli.Tests.Infrastructure;

/// <summary>Golden files of this project, relative to its folder (see <see cref="Approvals"/>).</summary>
public static class Baseline
{
    public static void AssertMatches(string relativePath, string actual) =>
        Approvals.AssertMatches(Path.Combine(TestPaths.ProjectDirectory, relativePath), actual);
}
