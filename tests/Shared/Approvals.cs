using Xunit.Sdk;

namespace ScenarioDsl.Tests.Shared;

/// <summary>
/// Approval testing without a library (Verify is not available here): compares output with a
/// checked-in expected file. With <c>EMPS_UPDATE_BASELINES=1</c> the expected file is (re)written
/// instead; review the change with <c>git diff</c> and commit it. Compiled into every test project.
/// </summary>
public static class Approvals
{
    public const string UpdateVariable = "EMPS_UPDATE_BASELINES";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <param name="expectedPath">The expected file (absolute).</param>
    /// <param name="actual">The output to compare (CRLF is compared as LF).</param>
    public static void AssertMatches(string expectedPath, string actual)
    {
        actual = NormalizeNewlines(actual);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, actual);
            return;
        }
        if (!File.Exists(expectedPath))
        {
            throw new XunitException(
                $"Baseline {expectedPath} does not exist. Run the tests with {UpdateVariable}=1 to create it, then review it.\nActual output:\n{actual}");
        }
        string expected = NormalizeNewlines(File.ReadAllText(expectedPath));
        if (expected != actual)
        {
            throw new XunitException(
                $"Output differs from baseline {expectedPath} (- expected, + actual). " +
                $"If the change is intended, run the tests with {UpdateVariable}=1 and review git diff.\n" +
                LineDiff.Render(expected, actual));
        }
    }

    private static string NormalizeNewlines(string text) => text.Replace("\r\n", "\n");
}
