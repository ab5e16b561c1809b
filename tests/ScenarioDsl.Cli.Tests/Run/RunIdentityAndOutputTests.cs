using System.Text.Json;
using System.Text.RegularExpressions;
using ScenarioDsl.Cli.Tests.Infrastructure;

namespace ScenarioDsl.Cli.Tests.Run;

/// <summary>
/// What identifies a run in results.jsonl (suite, case or scenario name, seed, agent), what happens when the output
/// folder cannot be used, scores that overflow, and the command line's own argument checks.
/// </summary>
public class RunIdentityAndOutputTests
{
    // Two suites name their cases alike (Worrier_Calm_s1), and a scenario takes the same name with another goal.
    private const string Colliding = """
        space Mood { calm [0, 1]  trust [-1, 1] }
        cues {
          validation "that makes sense"
          question   "?"
        }
        persona Worrier in Mood {
          start { calm: 0.2, trust: 0 }
          on validation => calm += 0.2, trust += 0.1
          on question   => trust += 0.05
          says "Still worried."
        }
        goal Calm in Mood { target { calm: 0.8 } turns 4 }
        goal Trust in Mood { target { trust: 0.5 } turns 4 }
        scenario Worrier_Calm_s1 { persona Worrier goal Trust seed 1 }
        suite One { personas Worrier goals Calm seeds 1 }
        suite Two { personas Worrier goals Calm seeds 1 }
        """;

    private static string[] Lines(TempFolder folder, string outDir) => File.ReadAllLines(Path.Combine(folder.Path, outDir, "results.jsonl"));

    private static string Identity(string line)
    {
        var run = JsonDocument.Parse(line).RootElement;
        string suite = run.TryGetProperty("suite", out var s) ? s.GetString()! : "-";
        return $"{suite}/{run.GetProperty("scenario").GetString()}/{run.GetProperty("goal").GetString()}";
    }

    [Fact]
    public void Runs_whose_names_repeat_across_suites_and_a_scenario_are_kept_apart_and_resumed_exactly()
    {
        using var folder = new TempFolder();
        folder.Write("worry.emps", Colliding);
        var first = folder.Run("run", "worry.emps", "--agent", "generic", "--out", "out");
        Assert.True(first.ExitCode == 0, first.ToTranscript());
        var complete = Lines(folder, "out");
        Assert.Equal(["-/Worrier_Calm_s1/Trust", "One/Worrier_Calm_s1/Calm", "Two/Worrier_Calm_s1/Calm"], complete.Select(Identity).Order(StringComparer.Ordinal));

        // All done: nothing runs again and nothing is dropped.
        var again = folder.Run("run", "worry.emps", "--agent", "generic", "--out", "out");
        Assert.Contains("resuming: 3 of 3", again.Out);
        Assert.Equal(complete, Lines(folder, "out"));

        // Interrupted before the last run: exactly that run is done again, with the same bits.
        var path = Path.Combine(folder.Path, "out", "results.jsonl");
        File.WriteAllText(path, string.Concat(complete.Take(2).Select(l => l + "\n")));
        var resumed = folder.Run("run", "worry.emps", "--agent", "generic", "--out", "out");
        Assert.Contains("resuming: 2 of 3", resumed.Out);
        Assert.Equal(complete, Lines(folder, "out"));

        var report = File.ReadAllText(Path.Combine(folder.Path, "out", "report.html"));
        var anchors = Regex.Matches(report, "<figure class=\"run\" id=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(3, anchors.Distinct().Count());
        Assert.Contains("(suite One)", report);
    }

    [Fact]
    public void Shards_of_colliding_names_merge_into_the_unsharded_results()
    {
        using var folder = new TempFolder();
        folder.Write("worry.emps", Colliding);
        Assert.Equal(0, folder.Run("run", "worry.emps", "--agent", "generic,validating", "--out", "all").ExitCode);
        Assert.Equal(0, folder.Run("run", "worry.emps", "--agent", "generic,validating", "--shard", "1/2", "--out", "s1").ExitCode);
        Assert.Equal(0, folder.Run("run", "worry.emps", "--agent", "generic,validating", "--shard", "2/2", "--out", "s2").ExitCode);

        var merged = folder.Run("merge", "s1", "s2", "--out", "merged");

        Assert.True(merged.ExitCode == 0, merged.ToTranscript());
        Assert.Equal(Lines(folder, "all").Order(StringComparer.Ordinal), Lines(folder, "merged").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_space_too_wide_to_measure_is_an_error_not_a_run_with_scores_that_are_not_numbers()
    {
        using var folder = new TempFolder();
        // A range of 1e200: the squared length of one step (1e400) overflows, and every score built on it was NaN or
        // Infinity before such a range became EMPS2002.
        folder.Write("huge.emps", """
            space Big { a [0, 1e200] }
            cues { up "up" }
            persona P in Big { start { a: 0 } on up => a += 1e200 says "ok" }
            goal G in Big { target { a: 1e200 } }
            scenario S { persona P goal G }
            """);
        folder.Write("replies.txt", "up\n");

        var result = folder.Run("run", "huge.emps", "--agent", "scripted:replies.txt", "--out", "out");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("huge.emps(1,15): error EMPS2002: the range of dimension 'a' is unbounded: [0, 1E+200] (its width squared", result.Error);
        Assert.False(File.Exists(Path.Combine(folder.Path, "out", "results.jsonl")));
    }

    [Fact]
    public void Scores_written_as_named_numbers_by_an_earlier_version_are_read_back_on_resume_and_merge()
    {
        using var folder = new TempFolder();
        folder.Write("small.emps", """
            space Small { a [0, 1] }
            cues { up "up" }
            persona P in Small { start { a: 0 } on up => a += 0.5 says "ok" }
            goal G in Small { target { a: 1 } }
            scenario S { persona P goal G }
            """);
        folder.Write("replies.txt", "up\n");
        Assert.Equal(0, folder.Run("run", "small.emps", "--agent", "scripted:replies.txt", "--out", "out").ExitCode);
        // Before 2026-12-07 a space of ranges near 1e154 and wider ran, and its scores were written as "NaN" and "Infinity".
        string results = Path.Combine(folder.Path, "out", "results.jsonl");
        var line = Assert.Single(File.ReadAllLines(results));
        string named = System.Text.RegularExpressions.Regex.Replace(line, "\"alignment\":[^,]+", "\"alignment\":\"NaN\"");
        named = System.Text.RegularExpressions.Regex.Replace(named, "\"impact\":[^,]+", "\"impact\":\"Infinity\"");
        Assert.NotEqual(line, named);
        File.WriteAllText(results, named + "\n");

        Assert.Contains("resuming: 1 of 1", folder.Run("run", "small.emps", "--agent", "scripted:replies.txt", "--out", "out").Out);
        Assert.Equal(0, folder.Run("merge", "out", "--out", "merged").ExitCode);
        var scores = JsonDocument.Parse(Assert.Single(Lines(folder, "merged"))).RootElement.GetProperty("scores");
        Assert.Equal("Infinity", scores.GetProperty("impact").GetString());
        Assert.Equal("NaN", scores.GetProperty("alignment").GetString());
    }

    [Fact]
    public void An_output_folder_that_is_a_file_is_a_usage_error()
    {
        using var folder = new TempFolder();
        folder.Write("worry.emps", Colliding);
        folder.Write("taken", "not a folder");
        var result = folder.Run("run", "worry.emps", "--agent", "generic", "--out", "taken");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("emps run: error: cannot write results to 'taken': ", result.Error);
        Assert.Equal("not a folder", File.ReadAllText(Path.Combine(folder.Path, "taken")));
    }

    [Fact]
    public void A_results_file_that_is_a_folder_is_a_usage_error()
    {
        using var folder = new TempFolder();
        folder.Write("worry.emps", Colliding);
        Directory.CreateDirectory(Path.Combine(folder.Path, "out", "results.jsonl"));
        var result = folder.Run("run", "worry.emps", "--agent", "generic", "--out", "out");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("emps run: error: cannot write results to 'out': ", result.Error);
    }

    [Fact]
    public void A_report_that_cannot_be_written_keeps_the_results_and_fails()
    {
        using var folder = new TempFolder();
        folder.Write("worry.emps", Colliding);
        Directory.CreateDirectory(Path.Combine(folder.Path, "out", "report.html"));
        var result = folder.Run("run", "worry.emps", "--agent", "generic", "--out", "out");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("emps run: error: cannot write the report to ", result.Error);
        Assert.Equal(3, Lines(folder, "out").Length);
        Assert.DoesNotContain("report:", result.Out);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("99999999999")]
    [InlineData("1.5")]
    [InlineData("seven")]
    public void A_seed_outside_the_languages_range_is_a_usage_error_that_names_no_dotnet_type(string seed)
    {
        using var folder = new TempFolder();
        folder.Write("worry.emps", Colliding);
        var result = folder.Run("run", "worry.emps", "--agent", "generic", "--seed", seed);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--seed: '{seed}' is not a whole number in 0..2147483647.", result.Error);
        Assert.DoesNotContain("System.", result.Error);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "emps-report")));
    }

    [Fact]
    public void A_path_that_starts_with_an_at_sign_is_a_path_not_a_response_file()
    {
        using var folder = new TempFolder();
        folder.Write("@worry.emps", Colliding);
        var result = folder.Run("check", "@worry.emps");
        Assert.True(result.ExitCode == 0, result.ToTranscript());
    }
}
