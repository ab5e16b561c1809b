namespace ScenarioDsl.Generators.Tests.Infrastructure;

/// <summary>
/// Approval helper: compares text with a checked-in expected file. With <c>EMPS_UPDATE_BASELINES=1</c> it
/// rewrites the file instead (then review the diff and commit it). A missing baseline fails the test.
/// </summary>
internal static class Baseline
{
    public static bool Updating => Environment.GetEnvironmentVariable("EMPS_UPDATE_BASELINES") == "1";

    public static void Verify(string relativePath, string actual)
    {
        actual = actual.Replace("\r\n", "\n");
        string path = Path.Combine(TestPaths.ProjectDirectory(), "Baselines", relativePath);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"Baseline {path} is missing; run the tests with EMPS_UPDATE_BASELINES=1 to create it.");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected == actual) return;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        int line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line]) line++;
        Assert.Fail(
            $"Generated text differs from {path} at line {line + 1}:\n" +
            $"  expected: {(line < e.Length ? e[line] : "<end>")}\n" +
            $"  actual:   {(line < a.Length ? a[line] : "<end>")}\n" +
            "Run with EMPS_UPDATE_BASELINES=1 to accept the new output.");
    }
}
