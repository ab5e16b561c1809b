using ScenarioDsl.Cli.Tests.Infrastructure;

namespace ScenarioDsl.Cli.Tests.Host;

public sealed class EmpsCliTests
{
    [Fact]
    public void Every_verb_has_a_distinct_name()
    {
        var names = Program.Verbs.Select(create => create().Name).ToList();

        Assert.Contains("check", names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("check", "--help")]
    public void Help_exits_0_and_goes_to_the_injected_writer(params string[] args)
    {
        var result = CliRunner.Run(TestPaths.ProjectDirectory, args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Out);
    }

    [Fact]
    public void A_bare_emps_shows_the_help_and_exits_2()
    {
        var result = CliRunner.Run(TestPaths.ProjectDirectory);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("check", result.Out);
    }

    [Theory]
    [InlineData("check", "--bogus")]
    [InlineData("check", "-x")]
    [InlineData("generate", "--severity")]
    [InlineData("fmt", "--bogus")]
    [InlineData("run", "--bogus")]
    public void An_unknown_option_is_named_as_one_not_taken_for_a_path(string verb, string option)
    {
        // The verbs' PATH arguments took any token, so `emps generate a.emps --severity EMPS4001=none` said
        // "path not found: '--severity'" (or, for fmt, checked nothing of the sort).
        using var folder = new TempFolder();
        folder.Write("a.emps", "space S { x [0, 1] }\n");

        var result = folder.Run(verb, "a.emps", option);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"emps {verb}: error: unknown option '{option}' (a path that starts with '-' goes after '--')\n", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void After_a_double_dash_a_token_that_starts_with_a_dash_is_a_path()
    {
        using var folder = new TempFolder();
        folder.Write("-a.emps", "space S { x [0, 1] }\n");

        var result = folder.Run("check", "--", "-a.emps");

        Assert.True(result.ExitCode == 0, result.ToTranscript());
        Assert.Contains("-a.emps(1,7): info EMPS4001", result.Out);
    }

    [Theory]
    [InlineData("run", "a.emps", "--agent", "generic", "--out", "")]
    [InlineData("run", "a.emps", "--agent", "generic", "-o", " ")]
    [InlineData("generate", "a.emps", "--out", "")]
    [InlineData("merge", "results", "--out", "")]
    public void An_empty_out_folder_is_a_usage_error_not_the_current_folder(params string[] args)
    {
        // `--out "$DIR"` with the variable unset wrote results.jsonl, report.html or the generated files into
        // the current folder.
        using var folder = new TempFolder();
        folder.Write("a.emps", "space S { x [0, 1] }\npersona P in S { start { x: 0 } says \"ok\" }\ngoal G in S { target { x: 1 } turns 2 }\nscenario Sc { persona P goal G }\n");
        Assert.Equal(0, folder.Run("run", "a.emps", "--agent", "generic", "--out", "results").ExitCode);
        var before = Directory.GetFileSystemEntries(folder.Path).Order(StringComparer.Ordinal).ToArray();

        var result = folder.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"emps {args[0]}: error: --out needs a folder name, not an empty one (use . for the current folder).", result.Error.TrimEnd('\n'));
        Assert.Equal(before, Directory.GetFileSystemEntries(folder.Path).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("--parallel", "x", "is not a whole number")]
    [InlineData("--parallel", "1.5", "is not a whole number")]
    [InlineData("--llm-retries", "x", "is not a whole number")]
    [InlineData("--llm-retries", "99999999999", "is too large")]
    [InlineData("--llm-timeout", "soon", "is not a number")]
    [InlineData("--llm-timeout", "Infinity", "is not a number")]
    public void A_numeric_option_that_is_not_a_number_names_the_option_not_a_dotnet_type(string option, string value, string reason)
    {
        using var folder = new TempFolder();
        folder.Write("a.emps", "space S { x [0, 1] }\n");

        var result = folder.Run("run", "a.emps", "--agent", "llm", "--llm-endpoint", "http://localhost:1", "--llm-model", "m", "--dry-run", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{option}: '{value}' {reason}.", result.Error);
        Assert.DoesNotContain("System.", result.Error);
    }

    [Fact]
    public void A_language_server_delay_that_is_not_a_whole_number_names_the_option()
    {
        using var folder = new TempFolder();
        var result = folder.Run("lsp", "--diagnostics-delay", "99999999999");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--diagnostics-delay: '99999999999' is too large.", result.Error);
        Assert.DoesNotContain("System.", result.Error);
    }

    [Theory]
    [InlineData("--record")]
    [InlineData("--replay")]
    public void An_empty_cassette_folder_is_a_usage_error(string option)
    {
        using var folder = new TempFolder();
        folder.Write("a.emps", "space S { x [0, 1] }\n");

        var result = folder.Run("run", "a.emps", "--agent", "llm", "--llm-model", "m", option, "");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"emps run: error: {option} needs a folder name, not an empty one (use . for the current folder).", result.Error.TrimEnd('\n'));
    }

    /// <summary>Every usage error the parser finds is one line in the verbs' own form, `emps VERB: error: message`.</summary>
    [Theory]
    [InlineData(new[] { "run", "a.emps", "--seed", "-1" }, "emps run: error: --seed: '-1' is not a whole number in 0..2147483647.")]
    [InlineData(new[] { "check", "a.emps", "-f", "bogus" }, "emps check: error: Argument 'bogus' not recognized. Must be one of: 'text', 'json', 'sarif'")]
    [InlineData(new[] { "fmt" }, "emps fmt: error: Required argument missing for command: 'fmt'.")]
    [InlineData(new[] { "frobnicate" }, "emps: error: Unrecognized command or argument 'frobnicate'.")]
    public void A_usage_error_is_one_line_naming_the_verb(string[] args, string expected)
    {
        using var folder = new TempFolder();
        folder.Write("a.emps", "space S { x [0, 1] }\n");

        var result = folder.Run(args);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.TrimEnd('\n').Split('\n');
        Assert.Contains(expected, lines);
        string who = expected[..(expected.IndexOf(": error: ", StringComparison.Ordinal) + ": error: ".Length)];
        Assert.All(lines, line => Assert.StartsWith(who, line)); // no help text, no unprefixed line
        Assert.Equal("", result.Out);
    }
}
