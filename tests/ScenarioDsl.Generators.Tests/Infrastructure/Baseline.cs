using ScenarioDsl.Tests.Shared;

namespace ScenarioDsl.Generators.Tests.Infrastructure;

/// <summary>Snapshots of generated code under this project's Baselines/ folder (see <see cref="Approvals"/>).</summary>
internal static class Baseline
{
    public static void Verify(string relativePath, string actual) =>
        Approvals.AssertMatches(Path.Combine(TestPaths.ProjectDirectory(), "Baselines", relativePath), actual);
}
