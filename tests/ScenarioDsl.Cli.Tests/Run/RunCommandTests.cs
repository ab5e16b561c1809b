using System.Text.Json;
using System.Text.RegularExpressions;
using ScenarioDsl.Cli.Tests.Infrastructure;

namespace ScenarioDsl.Cli.Tests.Run;

public class RunCommandTests
{
    private const string Small = """
        space Mood { calm [0, 1] "How calm"  trust [-1, 1] }
        cues {
          validation "that makes sense", "understandable"
          question   "?"
          dismissal  "calm down"
        }
        persona Worrier in Mood {
          start { calm: 0.2, trust: 0 }
          opens "Everything is going wrong at work."
          on validation => calm += 0.2, trust += 0.1
          on question   => trust += 0.05
          on dismissal  => calm -= 0.1, trust -= 0.2
          on mirroring  => trust += 0.05
          drift 0.05
          noise 0.01
          says when calm > 0.6 "Better now."
          says "Still worried."
        }
        goal Calm in Mood { target { calm: 0.8 } within 0.05 turns 6 }
        goal Trust in Mood { shift { trust: 0.5 } turns 6 scoring epm }
        scenario CalmTheWorrier { persona Worrier goal Calm seed 3 }
        suite Both { personas Worrier goals Calm, Trust seeds 1..2 }
        """;

    private static List<JsonElement> ReadResults(TempFolder folder, string outDir = "emps-report") =>
        File.ReadAllLines(Path.Combine(folder.Path, outDir, "results.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();

    [Fact]
    public void Runs_every_scenario_and_case_with_every_agent_and_writes_results_and_report()
    {
        using var folder = new TempFolder();
        folder.Write("worry.emps", Small);

        var result = folder.Run("run", "worry.emps", "--agent", "generic,aligned");

        Assert.True(result.ExitCode == 0, result.ToTranscript());
        var runs = ReadResults(folder);
        Assert.Equal(5 * 2, runs.Count); // 1 scenario + 4 suite cases, 2 agents
        Assert.Equal(
            ["/CalmTheWorrier", "Both/Worrier_Calm_s1", "Both/Worrier_Calm_s2", "Both/Worrier_Trust_s1", "Both/Worrier_Trust_s2"],
            runs.Select(r => (r.TryGetProperty("suite", out var s) ? s.GetString() : "") + "/" + r.GetProperty("scenario").GetString()).Distinct().Order(StringComparer.Ordinal));

        foreach (var run in runs)
        {
            Assert.Equal(["calm", "trust"], run.GetProperty("dimensions").EnumerateArray().Select(d => d.GetString()));
            var states = run.GetProperty("states").EnumerateArray().ToArray();
            var messages = run.GetProperty("messages").EnumerateArray().ToArray();
            Assert.Equal(states.Length - 1, messages.Length);
            Assert.Equal([0.2, 0.0], states[0].EnumerateArray().Select(x => x.GetDouble()));
            foreach (var m in messages)
            {
                var cues = m.GetProperty("cues").EnumerateArray().Select(c => c.GetString()!).ToArray();
                Assert.Equal(cues.Order(StringComparer.Ordinal), cues);
                Assert.False(string.IsNullOrEmpty(m.GetProperty("agent").GetString()));
            }
            var scores = run.GetProperty("scores");
            string profile = run.GetProperty("profile").GetString()!;
            Assert.Equal(profile == "process" ? "1" : "2", run.GetProperty("profileVersion").GetString());
            string[] required = profile == "process"
                ? ["alignment", "impact", "impactNormalized", "stability", "progress", "composite", "converged", "turns"]
                : ["epmQ", "outcome", "efficiency", "stability", "energyTotal", "outcomeKind", "turns"];
            Assert.All(required, name => Assert.True(scores.TryGetProperty(name, out _), $"{profile} lacks {name}"));
            Assert.Equal(run.GetProperty("goal").GetString() == "Trust" ? "epm" : "process", profile);
        }

        var report = File.ReadAllText(Path.Combine(folder.Path, "emps-report", "report.html"));
        Assert.Equal(runs.Count, Regex.Matches(report, "<figure class=\"run\"").Count);
        Assert.Equal(runs.Count, Regex.Matches(report, "<svg class=\"plot-dimensions\"").Count);
        Assert.Equal(runs.Count, Regex.Matches(report, "<svg class=\"plot-projection\"").Count);
        Assert.Single(Regex.Matches(report, "<svg class=\"plot-scores\""));
        Assert.DoesNotContain("<script", report);
        Assert.DoesNotContain("http", report);
        Assert.False(File.Exists(Path.Combine(folder.Path, "emps-report", "report.html.tmp")));

        Assert.Contains("aligned", result.Out);
        Assert.Matches(@"\[10/10\] ", result.Out);
    }

    [Fact]
    public void Resume_skips_finished_runs_and_recovers_from_a_torn_last_line()
    {
        using var folder = new TempFolder();
        folder.Write("worry.emps", Small);
        Assert.Equal(0, folder.Run("run", "worry.emps", "--agent", "validating", "--out", "out").ExitCode);
        var path = Path.Combine(folder.Path, "out", "results.jsonl");
        var complete = File.ReadAllLines(path);
        Assert.Equal(5, complete.Length);

        // Simulate an interruption: the last two runs missing, the third-last written halfway.
        var kept = complete.Take(2).ToArray();
        File.WriteAllText(path, string.Join("\n", kept) + "\n" + complete[2][..(complete[2].Length / 2)]);

        var rerun = folder.Run("run", "worry.emps", "--agent", "validating", "--out", "out");

        Assert.True(rerun.ExitCode == 0, rerun.ToTranscript());
        Assert.Contains("resuming: 2 of 5", rerun.Out);
        Assert.Equal(3, Regex.Matches(rerun.Out, @"\[\d/5\]").Count); // only the three missing runs ran
        var after = File.ReadAllLines(path);
        Assert.Equal(5, after.Length);
        Assert.Equal(kept, after.Take(2));
        Assert.Equal(complete.Order(StringComparer.Ordinal), after.Order(StringComparer.Ordinal)); // same bits as the first time

        var third = folder.Run("run", "worry.emps", "--agent", "validating", "--out", "out");
        Assert.Contains("resuming: 5 of 5", third.Out);
        Assert.Equal(5, File.ReadAllLines(path).Length);
        var report = File.ReadAllText(Path.Combine(folder.Path, "out", "report.html"));
        Assert.Equal(5, Regex.Matches(report, "<figure class=\"run\"").Count);
    }

    [Fact]
    public void A_new_agent_adds_runs_to_an_existing_results_file()
    {
        using var folder = new TempFolder();
        folder.Write("worry.emps", Small);
        folder.Run("run", "worry.emps", "--agent", "generic");
        var result = folder.Run("run", "worry.emps", "--agent", "generic", "--agent", "sycophant");
        Assert.Contains("resuming: 5 of 10", result.Out);
        Assert.Equal(10, ReadResults(folder).Count);
    }

    [Fact]
    public void The_report_follows_the_declaration_order_whatever_order_the_results_file_holds()
    {
        // The second command finds the aligned runs done and adds the generic ones after them in results.jsonl (as
        // runs finishing out of order under --parallel do); the report still lists each scenario's agents together.
        using var folder = new TempFolder();
        folder.Write("worry.emps", Small);
        Assert.Equal(0, folder.Run("run", "worry.emps", "--agent", "aligned").ExitCode);
        Assert.Equal(0, folder.Run("run", "worry.emps", "--agent", "generic,aligned").ExitCode);

        string html = File.ReadAllText(System.IO.Path.Combine(folder.Path, "emps-report", "report.html"));
        var figures = System.Text.RegularExpressions.Regex.Matches(html, "<figure class=\"run\" id=\"([^\"]*)\"").Select(m => m.Groups[1].Value);
        Assert.Equal(
            ["CalmTheWorrier-s3-generic", "CalmTheWorrier-s3-aligned",
             "Both-Worrier_Calm_s1-s1-generic", "Both-Worrier_Calm_s1-s1-aligned", "Both-Worrier_Calm_s2-s2-generic", "Both-Worrier_Calm_s2-s2-aligned",
             "Both-Worrier_Trust_s1-s1-generic", "Both-Worrier_Trust_s1-s1-aligned", "Both-Worrier_Trust_s2-s2-generic", "Both-Worrier_Trust_s2-s2-aligned"],
            figures);
    }

    [Fact]
    public void Seed_overrides_every_scenario_seed()
    {
        using var folder = new TempFolder();
        folder.Write("worry.emps", Small);
        Assert.Equal(0, folder.Run("run", "worry.emps", "--agent", "aligned", "--seed", "42").ExitCode);
        var runs = ReadResults(folder);
        Assert.All(runs, r => Assert.Equal(42, r.GetProperty("seed").GetInt32()));
        // The suite's seeds 1..2 would be two identical runs per persona and goal: each pair runs once, named for seed 42.
        Assert.Equal(["/CalmTheWorrier", "Both/Worrier_Calm_s42", "Both/Worrier_Trust_s42"],
            runs.Select(r => (r.TryGetProperty("suite", out var s) ? s.GetString() : "") + "/" + r.GetProperty("scenario").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Scripted_agents_read_their_file_relative_to_the_working_directory()
    {
        using var folder = new TempFolder();
        folder.Write("worry.emps", Small);
        folder.Write("replies.txt", "That makes sense.\nCalm down?\n");
        var result = folder.Run("run", "worry.emps", "--agent", "scripted:replies.txt");
        Assert.True(result.ExitCode == 0, result.ToTranscript());
        var run = ReadResults(folder).First(r => r.GetProperty("scenario").GetString() == "CalmTheWorrier");
        Assert.Equal("scripted:replies.txt", run.GetProperty("agent").GetString());
        var messages = run.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal(["validation"], messages[0].GetProperty("cues").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["dismissal", "question"], messages[1].GetProperty("cues").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("Calm down?", messages[^1].GetProperty("agent").GetString());
    }

    [Fact]
    public void A_scripted_file_whose_name_holds_a_comma_is_one_agent()
    {
        using var folder = new TempFolder();
        folder.Write("worry.emps", Small);
        folder.Write("a,b.txt", "That makes sense.\n");

        var alone = folder.Run("run", "worry.emps", "--agent", "scripted:a,b.txt");

        Assert.True(alone.ExitCode == 0, alone.ToTranscript());
        Assert.Equal(["scripted:a,b.txt"], ReadResults(folder).Select(r => r.GetProperty("agent").GetString()).Distinct());
    }

    [Fact]
    public void A_scripted_file_whose_name_holds_a_comma_combines_with_a_repeated_agent_option()
    {
        using var folder = new TempFolder();
        folder.Write("worry.emps", Small);
        folder.Write("a,b.txt", "That makes sense.\n");

        var result = folder.Run("run", "worry.emps", "--agent", "scripted:a,b.txt", "--agent", "generic");

        Assert.True(result.ExitCode == 0, result.ToTranscript());
        Assert.Equal(["generic", "scripted:a,b.txt"],
            ReadResults(folder).Select(r => r.GetProperty("agent").GetString()).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_scripted_file_followed_by_a_comma_and_an_agent_is_still_two_agents()
    {
        using var folder = new TempFolder();
        folder.Write("worry.emps", Small);
        folder.Write("x.txt", "That makes sense.\n");

        var result = folder.Run("run", "worry.emps", "--agent", "scripted:x.txt,generic");

        Assert.True(result.ExitCode == 0, result.ToTranscript());
        Assert.Equal(["generic", "scripted:x.txt"],
            ReadResults(folder).Select(r => r.GetProperty("agent").GetString()).Distinct().Order(StringComparer.Ordinal));

        // A later item that names no agent is still an unknown agent when the first item is an existing file.
        var typo = folder.Run("run", "worry.emps", "--agent", "scripted:x.txt,friendly", "--out", "other");
        Assert.Equal(2, typo.ExitCode);
        Assert.StartsWith("emps run: error: unknown agent 'friendly'; ", typo.Error);
        // The message lists every kind of agent the command takes, the LLM ones included.
        Assert.Contains("expected one of generic, validating, aligned, sycophant, scripted:FILE, llm or llm:VARIANT.", typo.Error);
    }

    [Fact]
    public void A_missing_scripted_file_whose_name_holds_a_comma_is_reported_by_its_name()
    {
        using var folder = new TempFolder();
        folder.Write("worry.emps", Small);

        var result = folder.Run("run", "worry.emps", "--agent", "scripted:a,b.txt");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"emps run: error: cannot read the script of agent 'scripted:a,b.txt': Could not find file '{Path.Combine(folder.Path, "a,b.txt")}'.\n",
            result.Error);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "emps-report")));
    }

    [Fact]
    public void Files_with_errors_print_diagnostics_and_run_nothing()
    {
        using var folder = new TempFolder();
        folder.Write("bad.emps", Small.Replace("persona Worrier goal Calm seed 3", "persona Worrier goal Calmm seed 3"));
        var result = folder.Run("run", "bad.emps");
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"bad\.emps\(\d+,\d+\): error EMPS1002: ", result.Error);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "emps-report")));
    }

    [Fact]
    public void Warnings_do_not_stop_a_run_but_a_globalconfig_can_make_them_errors()
    {
        using var folder = new TempFolder();
        // EMPS3006 (warning): a persona without a `says` lacking `when`.
        folder.Write("worry.emps", Small.Replace("says \"Still worried.\"", "says when calm <= 0.6 \"Still worried.\""));
        Assert.Equal(0, folder.Run("run", "worry.emps", "--agent", "generic").ExitCode);

        folder.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.EMPS3006.severity = error\n");
        var result = folder.Run("run", "worry.emps", "--agent", "generic", "--out", "other");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error EMPS3006", result.Error);
    }

    [Fact]
    public void Scenarios_left_out_because_of_errors_a_globalconfig_made_warnings_are_named()
    {
        using var folder = new TempFolder();
        // Worrier's drift of 2 is EMPS3004; the .globalconfig makes it a warning, so the file "has no errors".
        folder.Write("worry.emps", Small.Replace("drift 0.05", "drift 2") + "\npersona Other in Mood {\n  start { calm: 0.2, trust: 0 }\n  on validation => calm += 0.2\n  says \"Hm.\"\n}\nscenario Fine { persona Other goal Calm }\n");
        folder.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.EMPS3004.severity = warning\n");

        var result = folder.Run("run", "worry.emps", "--agent", "generic");

        Assert.True(result.ExitCode == 0, result.ToTranscript());
        Assert.Contains("emps run: warning: worry.emps(21,10): scenario 'CalmTheWorrier' is not run: it has errors or uses a declaration that has", result.Error);
        Assert.Contains("suite 'Both' is not run", result.Error);
        Assert.Equal(["Fine"], ReadResults(folder).Select(r => r.GetProperty("scenario").GetString()));

        folder.Write("worry.emps", Small.Replace("drift 0.05", "drift 2"));
        var none = folder.Run("run", "worry.emps", "--agent", "generic", "--out", "other");
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("emps run: error: no scenario or suite is free of errors; nothing was run.", none.Error);
    }

    [Theory]
    [InlineData("--agent", "friendly")]
    [InlineData("--agent", "scripted:missing.txt")]
    public void Bad_agents_are_usage_errors(string option, string value)
    {
        using var folder = new TempFolder();
        folder.Write("worry.emps", Small);
        var result = folder.Run("run", "worry.emps", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("emps run: error: ", result.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData(",")]
    [InlineData(" , ")]
    public void An_agent_option_that_names_no_agent_is_a_usage_error_not_the_default_agents(string value)
    {
        // `--agent "$AGENT"` with the variable unset used to run the four reference agents in silence.
        using var folder = new TempFolder();
        folder.Write("worry.emps", Small);
        var result = folder.Run("run", "worry.emps", "--agent", value);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"emps run: error: --agent '{value}' names no agent; expected generic, validating, aligned, sycophant, scripted:FILE, llm or llm:VARIANT (omit --agent for the four reference agents)\n", result.Error);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "emps-report")));
    }

    [Theory]
    [InlineData("--llm-timeout", "5", "emps run: error: --llm-timeout needs --agent llm, --llm-persona or --llm-judge (it applies to LLM calls only)\n")]
    [InlineData("--llm-retries", "2", "emps run: error: --llm-retries needs --agent llm, --llm-persona or --llm-judge (it applies to LLM calls only)\n")]
    [InlineData("--llm-timeout", "0", "emps run: error: --llm-timeout must be a number of seconds above 0\nemps run: error: --llm-timeout needs --agent llm, --llm-persona or --llm-judge (it applies to LLM calls only)\n")]
    [InlineData("--llm-retries", "-1", "emps run: error: --llm-retries cannot be negative\nemps run: error: --llm-retries needs --agent llm, --llm-persona or --llm-judge (it applies to LLM calls only)\n")]
    public void LLM_call_options_without_an_LLM_are_usage_errors_not_ignored(string option, string value, string expected)
    {
        // They were accepted and ignored in silence, bad values (0, -1) included, when no LLM took part.
        using var folder = new TempFolder();
        folder.Write("worry.emps", Small);
        var result = folder.Run("run", "worry.emps", "--agent", "generic", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.Error);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "emps-report")));
    }

    [Fact]
    public void More_cues_than_a_scenario_holds_is_a_diagnostic_at_the_rule_not_a_crash()
    {
        using var folder = new TempFolder();
        var names = Enumerable.Range(0, 70).Select(i => $"c{i}").ToArray();
        var text = "space S { x [0, 1] }\ncues {\n" + string.Concat(names.Select(n => $"  {n} \"{n}\"\n")) + "}\n"
            + "persona P in S {\n  start { x: 0 }\n" + string.Concat(names.Select(n => $"  on {n} => x += 0.01\n")) + "  says \"ok\"\n}\n"
            + "goal G in S { target { x: 1 } }\nscenario Many { persona P goal G }\n";
        folder.Write("many.emps", text);
        var result = folder.Run("run", "many.emps", "--agent", "generic");
        Assert.Equal(1, result.ExitCode);
        // The rule naming the 64th cue (line 3 space + cues + 2 persona lines + 64 rules in).
        Assert.Contains("many.emps(139,6): error EMPS3009: persona 'P' reacts to more than 63 cues", result.Error);
        var check = folder.Run("check", "many.emps");
        Assert.Equal(1, check.ExitCode); // `emps check` says so too, before anything runs
        Assert.Contains("many.emps(139,6): error EMPS3009: ", check.Out + check.Error);
    }

    [Fact]
    public void Missing_paths_are_usage_errors()
    {
        using var folder = new TempFolder();
        Assert.Equal(2, folder.Run("run", "nowhere.emps").ExitCode);
        Assert.Equal(2, folder.Run("run").ExitCode);
    }

    [Fact]
    public void Files_without_scenarios_or_suites_are_reported()
    {
        using var folder = new TempFolder();
        folder.Write("space.emps", "space S { x [0, 1] }\n");
        var result = folder.Run("run", "space.emps");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no scenario or suite", result.Error);
    }

    [Fact]
    public void The_shipped_scenarios_run_end_to_end()
    {
        using var folder = new TempFolder();
        var scenarios = Path.Combine(TestPaths.RepositoryRoot, "scenarios");
        var result = folder.Run("run", scenarios, "--agent", "aligned,generic");
        Assert.True(result.ExitCode == 0, result.ToTranscript());
        var runs = ReadResults(folder);
        Assert.NotEmpty(runs);
        var report = File.ReadAllText(Path.Combine(folder.Path, "emps-report", "report.html"));
        Assert.Equal(runs.Count, Regex.Matches(report, "<figure class=\"run\"").Count);
    }

    [Fact]
    public void Report_runs_sets_how_many_runs_the_report_shows_for_run_and_merge()
    {
        using var folder = new TempFolder();
        folder.Write("worry.emps", Small);

        // 5 scenarios and cases x 2 agents = 10 runs; the report shows the first 3.
        var run = folder.Run("run", "worry.emps", "--agent", "generic,validating", "--report-runs", "3");
        Assert.True(run.ExitCode == 0, run.ToTranscript());
        Assert.Equal(10, ReadResults(folder).Count);
        string report = File.ReadAllText(Path.Combine(folder.Path, "emps-report", "report.html"));
        Assert.Equal(3, report.Split("<figure class=\"run\"").Length - 1);
        Assert.Contains("<p>10 runs. The scorecard table and the runs below show the first 3;", report);

        var merge = folder.Run("merge", "emps-report", "--out", "merged", "--report-runs", "4");
        Assert.True(merge.ExitCode == 0, merge.ToTranscript());
        string merged = File.ReadAllText(Path.Combine(folder.Path, "merged", "report.html"));
        Assert.Equal(4, merged.Split("<figure class=\"run\"").Length - 1);

        // The default shows all of a sweep this small.
        Assert.Equal(0, folder.Run("run", "worry.emps", "--agent", "generic", "--out", "all").ExitCode);
        Assert.Contains("<p>5 runs.</p>", File.ReadAllText(Path.Combine(folder.Path, "all", "report.html")));
    }

    [Theory]
    [InlineData("-1", "is not a whole number of 0 or more")]
    [InlineData("many", "is not a whole number of 0 or more")]
    [InlineData("99999999999", "is too large")]
    public void A_bad_report_runs_is_a_usage_error(string value, string reason)
    {
        using var folder = new TempFolder();
        folder.Write("worry.emps", Small);

        var result = folder.Run("run", "worry.emps", "--report-runs", value);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"emps run: error: --report-runs: '{value}' {reason}.\n", result.Error);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "emps-report")));
    }
}
