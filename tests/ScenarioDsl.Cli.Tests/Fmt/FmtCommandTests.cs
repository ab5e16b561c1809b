using System.Text;
using ScenarioDsl.Cli.Tests.Infrastructure;

namespace ScenarioDsl.Cli.Tests.Fmt;

public class FmtCommandTests
{
    private const string Messy = "scenario   S {persona P goal G\n    seed 7 }   // note\n";
    private const string Canonical = "scenario S {\n  persona P\n  goal G\n  seed 7\n} // note\n";

    [Fact]
    public void Rewrites_changed_files_in_place_and_leaves_formatted_ones_alone()
    {
        using var folder = new TempFolder();
        folder.Write("a.emps", Messy);
        string b = folder.Write("b.emps", Canonical);
        var before = File.GetLastWriteTimeUtc(b);

        var result = folder.Run("fmt", "a.emps", "b.emps");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("formatted a.emps\n", result.Out);
        Assert.Equal(Canonical, File.ReadAllText(Path.Combine(folder.Path, "a.emps")));
        Assert.Equal(before, File.GetLastWriteTimeUtc(b));

        var again = folder.Run("fmt", "a.emps");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal("", again.Out);
    }

    [Fact]
    public void Check_lists_files_that_would_change_writes_nothing_and_exits_1()
    {
        using var folder = new TempFolder();
        folder.Write("a.emps", Messy);
        folder.Write("sub/b.emps", Messy);
        folder.Write("sub/c.emps", Canonical);

        var result = folder.Run("fmt", ".", "--check");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"a.emps\n{Path.Combine("sub", "b.emps")}\n", result.Out);
        Assert.Equal(Messy, File.ReadAllText(Path.Combine(folder.Path, "a.emps")));

        Assert.Equal(0, folder.Run("fmt", ".").ExitCode);
        var clean = folder.Run("fmt", ".", "--check");
        Assert.Equal(0, clean.ExitCode);
        Assert.Equal("", clean.Out);
    }

    [Fact]
    public void Folders_skip_bin_and_obj()
    {
        using var folder = new TempFolder();
        folder.Write("bin/x.emps", Messy);
        folder.Write("obj/y.emps", Messy);
        folder.Write("src/z.emps", Messy);
        var result = folder.Run("fmt", ".", "--check");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("src/z.emps\n", result.Out.Replace("\r\n", "\n"));
    }

    [Fact]
    public void A_folder_with_no_emps_files_is_a_usage_error_as_for_check()
    {
        using var folder = new TempFolder();
        folder.Write("bin/x.emps", Messy); // skipped, so the folder gives no file
        var result = folder.Run("fmt", ".", "--check");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains("emps fmt: error: no .emps files found in '.'", result.Error);
    }

    [Fact]
    public void A_folder_link_loop_does_not_make_the_walk_endless()
    {
        using var folder = new TempFolder();
        folder.Write("a/x.emps", Messy);
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "a", "loop"), Path.Combine(folder.Path, "a"));
        var result = folder.Run("fmt", ".", "--check");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("a/x.emps", result.Out.Trim());
    }

    [Fact]
    public void Files_with_syntax_errors_are_reported_and_left_untouched()
    {
        using var folder = new TempFolder();
        const string broken = "scenario   S {\n  persona\n";
        folder.Write("broken.emps", broken);
        folder.Write("fine.emps", Messy);

        var result = folder.Run("fmt", "broken.emps", "fine.emps");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("broken.emps: not formatted: the file has syntax errors", result.Error);
        Assert.Equal(broken, File.ReadAllText(Path.Combine(folder.Path, "broken.emps")));
        Assert.Equal(Canonical, File.ReadAllText(Path.Combine(folder.Path, "fine.emps")));
    }

    [Fact]
    public void Missing_paths_exit_2_before_anything_is_written()
    {
        using var folder = new TempFolder();
        folder.Write("a.emps", Messy);
        var result = folder.Run("fmt", "a.emps", "nope.emps");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("path not found: 'nope.emps'", result.Error);
        Assert.Equal(Messy, File.ReadAllText(Path.Combine(folder.Path, "a.emps")));

        Assert.Equal(2, folder.Run("fmt").ExitCode);
    }

    [Fact]
    public void Byte_order_mark_and_crlf_are_kept()
    {
        using var folder = new TempFolder();
        var bom = new byte[] { 0xEF, 0xBB, 0xBF };
        string path = folder.Write("a.emps", bom.Concat(Encoding.UTF8.GetBytes(Messy.Replace("\n", "\r\n"))).ToArray());
        Assert.Equal(0, folder.Run("fmt", "a.emps").ExitCode);
        byte[] written = File.ReadAllBytes(path);
        Assert.Equal(bom, written.Take(3));
        Assert.Equal(Canonical.Replace("\n", "\r\n"), Encoding.UTF8.GetString(written, 3, written.Length - 3));
    }

    [Theory]
    // Each character below U+0100 is written as one byte (Latin-1): U+0093/U+0094 are cp1252's curly
    // quotes 93/94, é is E9; none is valid UTF-8 on its own.
    [InlineData("space M {\n    a [0, 1] // \u0093quoted\u0094 in cp1252\n}\n", "x.emps(2,17): not formatted: byte 0x93 is not valid UTF-8")]
    [InlineData("space   M {\n  a [0, 1] /* caf\u00E9 */\n}\n", "x.emps(2,18): not formatted: byte 0xE9 is not valid UTF-8")]
    [InlineData("space M {\n  a [0,1]  // caf\u00E9\n}\n", "x.emps(2,18): not formatted: byte 0xE9 is not valid UTF-8")]
    [InlineData("space M {\n  a [0, 1] \"\u0093quoted\u0094\"\n}\n", "x.emps(2,13): not formatted: byte 0x93 is not valid UTF-8")]
    [InlineData("\u00EF\u00BB\u00BFspace M {\r\n    a [0, 1] /* caf\u00E9 */\r\n}\r\n", "x.emps(2,20): not formatted: byte 0xE9 is not valid UTF-8")]
    public void Files_that_are_not_valid_utf8_are_left_byte_for_byte_and_reported_where(string latin1, string message)
    {
        using var folder = new TempFolder();
        byte[] bytes = Encoding.Latin1.GetBytes(latin1);
        string path = folder.Write("x.emps", bytes);

        var result = folder.Run("fmt", "x.emps");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal(message + " (the file is left unchanged; save it as UTF-8)\n", result.Error);
        Assert.Equal(bytes, File.ReadAllBytes(path));

        var check = folder.Run("fmt", "--check", "x.emps");
        Assert.Equal(1, check.ExitCode);
        Assert.Equal("", check.Out);
        Assert.Equal(result.Error, check.Error);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_file_that_is_not_valid_utf8_does_not_stop_the_others_from_being_formatted()
    {
        using var folder = new TempFolder();
        byte[] bad = Encoding.Latin1.GetBytes("scenario   S { persona P goal G } // \u0093x\u0094\n");
        folder.Write("bad.emps", bad);
        folder.Write("fine.emps", Messy);

        var result = folder.Run("fmt", ".");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("formatted fine.emps\n", result.Out);
        Assert.Contains("bad.emps(1,38): not formatted: byte 0x93 is not valid UTF-8", result.Error);
        Assert.Equal(bad, File.ReadAllBytes(Path.Combine(folder.Path, "bad.emps")));
        Assert.Equal(Canonical, File.ReadAllText(Path.Combine(folder.Path, "fine.emps")));
    }

    [Fact]
    public void Valid_utf8_comments_with_a_byte_order_mark_and_crlf_still_format()
    {
        using var folder = new TempFolder();
        var bom = new byte[] { 0xEF, 0xBB, 0xBF };
        string messy = "space   M {\r\n    a [0,1] /* café \U0001F61F */\r\n  b [0, 1] // “naïve”\r\n}\r\n";
        string canonical = "space M {\r\n  a [0, 1] /* café \U0001F61F */\r\n  b [0, 1] // “naïve”\r\n}\r\n";
        string path = folder.Write("a.emps", bom.Concat(Encoding.UTF8.GetBytes(messy)).ToArray());

        var check = folder.Run("fmt", "--check", "a.emps");
        Assert.Equal(1, check.ExitCode);
        Assert.Equal("a.emps\n", check.Out);
        Assert.Equal("", check.Error);

        var result = folder.Run("fmt", "a.emps");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("formatted a.emps\n", result.Out);
        Assert.Equal(bom.Concat(Encoding.UTF8.GetBytes(canonical)), File.ReadAllBytes(path));
    }

    [Fact]
    public void A_closing_brace_after_a_comment_is_moved_onto_its_own_line()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.emps", "space M2 {\n  a [0, 1]\n  /* note */ }\n");
        Assert.Equal(0, folder.Run("fmt", "a.emps").ExitCode);
        Assert.Equal("space M2 {\n  a [0, 1]\n  /* note */\n}\n", File.ReadAllText(path));
        var again = folder.Run("fmt", "--check", "a.emps");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal("", again.Out);
    }
}
