namespace ScenarioDsl.Language.Tests.Baselines;

/// <summary>
/// A small approval helper (Verify is not available here): compares text with a checked-in
/// expected file. With <c>EMPS_UPDATE_BASELINES=1</c> it rewrites the expected file instead.
/// </summary>
internal static class Approvals
{
    public static bool Updating => Environment.GetEnvironmentVariable("EMPS_UPDATE_BASELINES") == "1";

    public static void AssertMatches(string actual, string expectedPath)
    {
        actual = actual.Replace("\r\n", "\n");
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, actual);
            return;
        }
        if (!File.Exists(expectedPath))
            Assert.Fail($"No baseline {expectedPath}. Run the tests with EMPS_UPDATE_BASELINES=1 to create it, then review the diff.");

        string expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n");
        if (expected == actual) return;

        var e = expected.Split('\n');
        var a = actual.Split('\n');
        int line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line]) line++;
        Assert.Fail(
            $"{Path.GetFileName(expectedPath)} differs from line {line + 1}:\n" +
            $"  expected: {(line < e.Length ? e[line] : "<end>")}\n" +
            $"  actual:   {(line < a.Length ? a[line] : "<end>")}\n" +
            "Run with EMPS_UPDATE_BASELINES=1 to accept the new output, then review the diff.");
    }
}
