using ScenarioDsl.Cli.Input;
using ScenarioDsl.Cli.Tests.Infrastructure;

namespace ScenarioDsl.Cli.Tests.Check;

public sealed class InputExpanderTests
{
    [Fact]
    public void Folders_give_their_emps_files_recursively_sorted_and_each_once()
    {
        using var folder = new TempFolder();
        folder.Write("b.emps", "");
        folder.Write("a/z.emps", "");
        folder.Write("a/y/x.emps", "");
        folder.Write("a/notes.txt", "");
        folder.Write("a/.hidden/skipped.emps", "");
        folder.Write("a/.dotfile.emps", "");
        folder.Write("a/bin/Debug/copy.emps", "");
        folder.Write("a/obj/copy.emps", "");
        folder.Write("node_modules/pkg/copy.emps", "");

        var inputs = InputExpander.Expand(["b.emps", "a", "a/z.emps", "."], folder.Path);

        Assert.Empty(inputs.Errors);
        Assert.Equal(["a/y/x.emps", "a/z.emps", "b.emps"], inputs.Files.Select(f => f.DisplayPath));
    }

    [Fact]
    public void A_build_folder_named_explicitly_is_checked()
    {
        using var folder = new TempFolder();
        folder.Write("bin/a.emps", "");

        Assert.Equal(["bin/a.emps"], InputExpander.Expand(["bin"], folder.Path).Files.Select(f => f.DisplayPath));
    }

    [Fact]
    public void Links_to_folders_are_not_followed_so_a_link_loop_ends()
    {
        using var folder = new TempFolder();
        folder.Write("a/x.emps", "");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "a", "up"), "..");

        var inputs = InputExpander.Expand(["."], folder.Path);

        Assert.Equal(["a/x.emps"], inputs.Files.Select(f => f.DisplayPath));
    }

    [Fact]
    public void A_file_named_explicitly_is_taken_whatever_its_extension()
    {
        using var folder = new TempFolder();
        folder.Write("scenario.txt", "");

        var inputs = InputExpander.Expand(["scenario.txt"], folder.Path);

        Assert.Equal("scenario.txt", Assert.Single(inputs.Files).DisplayPath);
    }

    [Fact]
    public void Absolute_paths_print_absolute_and_relative_paths_relative_to_the_working_directory()
    {
        using var folder = new TempFolder();
        string full = folder.Write("sub/a.emps", "");
        folder.Write("sub/b.emps", "");

        var inputs = InputExpander.Expand([full, "./sub/b.emps"], folder.Path);

        Assert.Equal([full, "sub/b.emps"], inputs.Files.Select(f => f.DisplayPath).OrderBy(p => p.Length).Reverse());
    }

    [Fact]
    public void Missing_paths_are_errors_naming_the_path()
    {
        using var folder = new TempFolder();

        var inputs = InputExpander.Expand(["gone", "also/gone.emps"], folder.Path);

        Assert.Equal(["path not found: 'gone'", "path not found: 'also/gone.emps'"], inputs.Errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("bad\0name")]
    public void Empty_or_malformed_paths_are_errors_not_crashes(string path)
    {
        using var folder = new TempFolder();
        folder.Write("a.emps", "");

        var inputs = InputExpander.Expand([path], folder.Path);

        Assert.Empty(inputs.Files);
        Assert.Single(inputs.Errors);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("fmt")]
    [InlineData("run")]
    public async Task A_named_pipe_called_emps_in_a_folder_does_not_stop_the_walk(string command)
    {
        if (OperatingSystem.IsWindows()) return; // no mkfifo; the walk there meets no pipes in the file system
        using var folder = new TempFolder();
        folder.Write("a.emps", "space S { x [0, 1] }\ncues { kind \"kind\" }\n" +
            "persona P in S { start { x: 0.1 } on kind => x += 0.1 says \"ok\" }\n" +
            "goal G in S { target { x: 0.9 } }\nscenario Sc { persona P goal G }\n");
        string pipe = System.IO.Path.Combine(folder.Path, "stray.emps");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [pipe])) await mkfifo.WaitForExitAsync();
        Assert.True(File.Exists(pipe));

        string[] args = command == "run" ? ["run", ".", "--agent", "generic", "--out", "out"] : [command, "."];
        var task = Task.Run(() => folder.Run(args));
        bool finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(30))) == task;
        if (!finished)
        {
            // Give the blocked open() its writer so the thread ends, then fail.
            using (new FileStream(pipe, FileMode.Open, FileAccess.Write)) { }
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(10)));
        }
        Assert.True(finished, $"emps {command} waited on the pipe");
        var result = await task;
        Assert.True(result.ExitCode == 0, result.ToTranscript());
    }

    [Fact]
    public void A_file_named_and_also_found_in_a_folder_counts_as_named()
    {
        using var folder = new TempFolder();
        folder.Write("a.emps", "");

        Assert.False(InputExpander.Expand([".", "a.emps"], folder.Path).Files.Single().FoundInFolder);
        Assert.False(InputExpander.Expand(["a.emps", "."], folder.Path).Files.Single().FoundInFolder);
        Assert.True(InputExpander.Expand(["."], folder.Path).Files.Single().FoundInFolder);
    }
}
