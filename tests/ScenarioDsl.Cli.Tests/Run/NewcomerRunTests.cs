using ScenarioDsl.Cli.Tests.Infrastructure;

namespace ScenarioDsl.Cli.Tests.Run;

/// <summary>
/// <c>emps run</c> as a researcher meets it with a library of their own: cue names of their choosing, a scorecard
/// read for the first time, an agent name typed from memory.
/// </summary>
public class NewcomerRunTests
{
    // A space and cues of the user's own: no cue is named like valid..., agree or praise.
    private const string Own = """
        space Isolation { loneliness [0, 1]  hope [-1, 1] }
        cues {
          warmth     "i hear you", "that sounds hard"
          connection "you're not alone"
        }
        persona Widower in Isolation {
          start { loneliness: 0.8, hope: -0.5 }
          on warmth => loneliness -= 0.1
          on connection => loneliness -= 0.1, hope += 0.05
          on mirroring => loneliness -= 0.02
          says "The house is quiet."
        }
        goal LessAlone in Isolation { shift { loneliness: -0.4 } turns 4 }
        scenario Visit { persona Widower goal LessAlone }
        """;

    [Fact]
    public void The_scorecard_is_followed_by_what_its_columns_mean()
    {
        using var folder = new TempFolder();
        folder.Write("own.emps", Own);

        var result = folder.Run("run", "own.emps", "--agent", "aligned");

        Assert.True(result.ExitCode == 0, result.ToTranscript());
        var lines = result.Out.Split('\n');
        int header = Array.FindIndex(lines, l => l.StartsWith("agent ", StringComparison.Ordinal));
        Assert.StartsWith("aligned ", lines[header + 1]);
        Assert.StartsWith("score: ", lines[header + 2]);
        Assert.Contains("process composite", lines[header + 2]);
        Assert.Contains("EPM-Q / 100", lines[header + 2]);
        Assert.Contains("alignment (-1..1)", lines[header + 3]);
        Assert.Contains("report.html", lines[header + 5]);
        Assert.StartsWith("results: ", lines[header + 6]);
        // Short enough for an 80-column terminal: no line wraps mid-word.
        Assert.All(lines[(header + 2)..(header + 6)], line => Assert.True(line.Length <= 80, line));

        // emps merge prints the same scorecard, so the same words follow it.
        var merged = folder.Run("merge", "emps-report", "--out", "all");
        Assert.True(merged.ExitCode == 0, merged.ToTranscript());
        Assert.Contains("\nscore: ", merged.Out);
    }

    [Fact]
    public void Reference_agents_that_find_no_cue_of_their_kind_say_so()
    {
        using var folder = new TempFolder();
        folder.Write("own.emps", Own);

        var result = folder.Run("run", "own.emps");

        Assert.True(result.ExitCode == 0, result.ToTranscript());
        Assert.Contains(
            "emps run: warning: agent 'validating' finds no cue it uses (a cue whose name contains valid, reflect, empath, acknowledg, normaliz, listen or support) in any scenario run, so it only mirrors the persona's words; ",
            result.Error);
        Assert.Contains(
            "emps run: warning: agent 'sycophant' finds no cue it uses (a cue whose name contains agree, praise, flatter or compliment) in any scenario run, so it only mirrors the persona's words; ",
            result.Error);
        Assert.DoesNotContain("'generic'", result.Error);
        Assert.DoesNotContain("'aligned'", result.Error);
    }

    [Fact]
    public void No_warning_when_a_cue_is_named_for_the_agent_or_the_agent_is_not_run()
    {
        using var folder = new TempFolder();
        folder.Write("own.emps", Own.Replace("warmth", "validation"));

        var validating = folder.Run("run", "own.emps", "--agent", "validating");
        Assert.True(validating.ExitCode == 0, validating.ToTranscript());
        Assert.Equal("", validating.Error);

        var generic = folder.Run("run", "own.emps", "--agent", "generic", "--out", "other");
        Assert.Equal("", generic.Error);
    }

    [Fact]
    public void A_mistyped_agent_name_gets_a_suggestion()
    {
        using var folder = new TempFolder();
        folder.Write("own.emps", Own);

        var result = folder.Run("run", "own.emps", "--agent", "validatng");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "emps run: error: unknown agent 'validatng'; did you mean 'validating'? Expected one of generic, validating, aligned, sycophant, scripted:FILE, llm or llm:VARIANT.\n",
            result.Error);
    }

    [Fact]
    public void Scripted_without_a_file_says_how_to_give_one()
    {
        using var folder = new TempFolder();
        folder.Write("own.emps", Own);

        var result = folder.Run("run", "own.emps", "--agent", "scripted");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("emps run: error: agent 'scripted' needs its file of replies: --agent scripted:FILE (one reply per line).\n", result.Error);
    }

    [Fact]
    public void The_help_of_run_says_what_a_script_file_holds()
    {
        using var folder = new TempFolder();

        var help = folder.Run("run", "--help");

        Assert.Contains("scripted:FILE (a text file of replies, line t at turn t, the last one repeating)", help.Out.Replace("\n", " "));
    }

    [Fact]
    public void Resuming_after_an_edit_of_the_files_says_which_results_are_from_before_it()
    {
        // Editing a persona and running again with the same --out gave the old numbers back, and nothing said so.
        using var folder = new TempFolder();
        folder.Write("own.emps", Own);
        Assert.Equal(0, folder.Run("run", "own.emps", "--agent", "aligned").ExitCode);
        var before = File.ReadAllText(Path.Combine(folder.Path, "emps-report", "results.jsonl"));

        var unchanged = folder.Run("run", "own.emps", "--agent", "aligned");
        Assert.DoesNotContain("warning", unchanged.Error);

        folder.Write("own.emps", Own.Replace("on warmth => loneliness -= 0.1", "on warmth => loneliness -= 0.2"));
        var edited = folder.Run("run", "own.emps", "--agent", "aligned");

        Assert.Equal(0, edited.ExitCode);
        Assert.Equal(
            $"emps run: warning: 1 run in {Path.Combine("emps-report", "results.jsonl")} was made from declarations that have changed since "
            + "(first: Visit seed 0 aligned); they are kept and not run again. "
            + $"To run the edited scenarios, use another --out or delete {Path.Combine("emps-report", "results.jsonl")}.\n",
            edited.Error);
        Assert.Equal(before, File.ReadAllText(Path.Combine(folder.Path, "emps-report", "results.jsonl")));
    }

    [Fact]
    public void Resuming_over_results_of_an_older_scoring_profile_says_so()
    {
        // The epm profile's step scale changed in version 2; a sweep resumed over version 1 records mixed both silently.
        using var folder = new TempFolder();
        folder.Write("epm.emps", """
            space Deficit { affect [-6, 0] }
            cues { warmth "i hear you" }
            persona Tired in Deficit { start { affect: -5 } on warmth => affect += 1 says "Long week." }
            goal Heal in Deficit { target { affect: 0 } within 0.5 turns 8 scoring epm }
            scenario Rest { persona Tired goal Heal }
            """);
        Assert.Equal(0, folder.Run("run", "epm.emps", "--agent", "aligned").ExitCode);
        string results = Path.Combine(folder.Path, "emps-report", "results.jsonl");
        string line = Assert.Single(File.ReadAllLines(results));
        Assert.Contains("\"profileVersion\":\"2\"", line);
        Assert.DoesNotContain("warning", folder.Run("run", "epm.emps", "--agent", "aligned").Error);
        string older = line.Replace("\"profileVersion\":\"2\"", "\"profileVersion\":\"1\"");
        File.WriteAllText(results, older + "\n");

        var resumed = folder.Run("run", "epm.emps", "--agent", "aligned");

        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(
            $"emps run: warning: 1 run in {Path.Combine("emps-report", "results.jsonl")} was scored under an older version of the scoring profile "
            + "(first: Rest seed 0 aligned, epm v1; this version of emps scores epm v2, see docs/runtime.md); they are kept and not run again. "
            + $"To score them anew, use another --out or delete {Path.Combine("emps-report", "results.jsonl")}.\n",
            resumed.Error);
        Assert.Equal(older + "\n", File.ReadAllText(results));
    }

    [Fact]
    public void Warnings_of_the_files_are_shown_before_the_runs()
    {
        // A goal no rule can reach ran and scored 0.500 with no word on why, unless one had run emps check first.
        using var folder = new TempFolder();
        folder.Write("own.emps", Own.Replace("goal LessAlone in Isolation { shift { loneliness: -0.4 } turns 4 }", "goal LessAlone in Isolation { shift { hope: -0.4 } turns 4 }"));

        var result = folder.Run("run", "own.emps", "--agent", "aligned");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "own.emps(14,39): warning EMPS2008: goal 'LessAlone' needs dimension 'hope' of persona 'Widower' to fall, but no rule of the persona lowers it\n",
            result.Error);
        Assert.Single(File.ReadAllLines(Path.Combine(folder.Path, "emps-report", "results.jsonl")));

        // A .globalconfig that hides the code hides it here too, as for emps check.
        folder.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.EMPS2008.severity = none\n");
        Assert.Equal("", folder.Run("run", "own.emps", "--agent", "aligned", "--out", "other").Error);
    }
}
