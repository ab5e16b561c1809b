using Xunit.Sdk;

namespace ScenarioDsl.Cli.Tests.Infrastructure;

/// <summary>
/// Approval testing without a library: compares output with a checked-in expected file. With the
/// environment variable <c>EMPS_UPDATE_BASELINES=1</c> the expected file is (re)written instead;
/// review the change with <c>git diff</c> and commit it.
/// </summary>
public static class Baseline
{
    public const string UpdateVariable = "EMPS_UPDATE_BASELINES";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <param name="relativePath">Path of the expected file, relative to the test project folder.</param>
    /// <param name="actual">The output to compare (CRLF is compared as LF).</param>
    public static void AssertMatches(string relativePath, string actual)
    {
        string path = Path.Combine(TestPaths.ProjectDirectory, relativePath);
        actual = NormalizeNewlines(actual);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        if (!File.Exists(path))
        {
            throw new XunitException(
                $"Baseline {relativePath} does not exist. Run the tests with {UpdateVariable}=1 to create it.\nActual output:\n{actual}");
        }
        string expected = NormalizeNewlines(File.ReadAllText(path));
        if (expected != actual)
        {
            throw new XunitException(
                $"Output differs from baseline {relativePath} (- expected, + actual). " +
                $"If the change is intended, run the tests with {UpdateVariable}=1 and review git diff.\n" +
                LineDiff.Render(expected, actual));
        }
    }

    private static string NormalizeNewlines(string text) => text.Replace("\r\n", "\n");
}
