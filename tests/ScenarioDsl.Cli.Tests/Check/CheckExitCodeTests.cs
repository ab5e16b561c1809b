using ScenarioDsl.Cli.Tests.Infrastructure;

namespace ScenarioDsl.Cli.Tests.Check;

/// <summary>Exit codes: 0 without errors, 1 with errors, 2 for bad usage or unusable paths.</summary>
public sealed class CheckExitCodeTests
{
    private const string Clean = "// a file with no declarations is clean\n";
    private const string LexicalError = "@\n";

    [Fact]
    public void Clean_files_exit_0_with_only_the_summary()
    {
        using var folder = new TempFolder();
        folder.Write("a.emps", Clean);
        folder.Write("sub/b.emps", Clean);

        var result = folder.Run("check", ".");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("0 errors, 0 warnings in 2 files\n", result.Error);
    }

    [Fact]
    public void Errors_exit_1()
    {
        using var folder = new TempFolder();
        folder.Write("a.emps", LexicalError);

        var result = folder.Run("check", "a.emps");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("a.emps(1,1): error EMPS0001: unexpected character '@'\n", result.Out);
        Assert.Equal("1 error, 0 warnings in 1 file\n", result.Error);
    }

    [Fact]
    public void A_missing_path_exits_2_and_names_the_path()
    {
        using var folder = new TempFolder();
        folder.Write("a.emps", Clean);

        var result = folder.Run("check", "a.emps", "no/such.emps");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("emps check: error: path not found: 'no/such.emps'\n", result.Error);
    }

    [Fact]
    public void A_folder_without_emps_files_exits_2()
    {
        using var folder = new TempFolder();
        folder.Write("empty/readme.txt", "not a scenario");

        var result = folder.Run("check", "empty");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("emps check: error: no .emps files found in 'empty'\n", result.Error);
    }

    [Fact]
    public void An_empty_folder_beside_other_files_is_fine()
    {
        using var folder = new TempFolder();
        folder.Write("a.emps", Clean);
        Directory.CreateDirectory(Path.Combine(folder.Path, "empty"));

        Assert.Equal(0, folder.Run("check", "a.emps", "empty").ExitCode);
    }

    [Fact]
    public void An_unreadable_file_exits_2_and_names_it()
    {
        using var folder = new TempFolder();
        string path = folder.Write("locked.emps", Clean);
        if (OperatingSystem.IsWindows()) return; // the test locks the file with Unix permissions
        File.SetUnixFileMode(path, UnixFileMode.None);
        if (CanStillRead(path))
        {
            // Running as root (as CI does): permissions do not stop reads. On Linux /proc/self/mem
            // exists but every read of it fails (EIO), which takes the same path.
            Assert.True(OperatingSystem.IsLinux(), "no unreadable file available on this platform as this user");
            var asRoot = folder.Run("check", "/proc/self/mem");
            Assert.Equal(2, asRoot.ExitCode);
            Assert.StartsWith("emps check: error: cannot read '/proc/self/mem'", asRoot.Error);
            return;
        }

        var result = folder.Run("check", "locked.emps");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("emps check: error: cannot read 'locked.emps'", result.Error);
    }

    [Theory]
    [InlineData("check")]                                     // no PATH
    [InlineData("check", "a.emps", "--format", "xml")]        // unknown format
    [InlineData("check", "a.emps", "--bogus")]                // unknown option
    [InlineData("check", "a.emps", "--severity", "EMPS9999=error")] // unknown code
    [InlineData("check", "a.emps", "--severity", "EMPS0001=loud")]  // unknown level
    [InlineData("chekc", "a.emps")]                           // unknown verb
    [InlineData]                                              // no verb
    public void Bad_usage_exits_2_with_a_message(params string[] args)
    {
        using var folder = new TempFolder();
        folder.Write("a.emps", LexicalError);

        var result = folder.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEqual("", result.Error.Trim() + result.Out.Trim());
    }

    [Fact]
    public void Invalid_utf8_is_read_and_reported_not_refused()
    {
        using var folder = new TempFolder();
        folder.Write("bytes.emps", [0xFF, 0xFE, (byte)'\n']);

        var result = folder.Run("check", "bytes.emps");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("bytes.emps(1,1): error EMPS0001:", result.Out);
    }

    private static bool CanStillRead(string path)
    {
        try { File.ReadAllBytes(path); return true; }
        catch (UnauthorizedAccessException) { return false; }
    }
}
