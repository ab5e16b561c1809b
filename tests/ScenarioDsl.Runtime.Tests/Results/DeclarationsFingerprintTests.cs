using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Interpretation;
using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Runtime.Tests.Results;

/// <summary>
/// Each record says which declarations made it, so that a resumed `emps run` can tell results made before an edit of
/// the .emps files from results of the files as they are.
/// </summary>
public sealed class DeclarationsFingerprintTests
{
    private const string Text = """
        space Mood { calm [0, 1]  trust [-1, 1] }
        cues { warmth "i hear you" }
        persona Worrier in Mood {
          start { calm: 0.2, trust: 0 }
          on warmth => calm += 0.1
          says "Hm."
        }
        goal Calm in Mood { target { calm: 0.8 } }
        scenario S { persona Worrier goal Calm seed 3 }
        suite X { personas Worrier goals Calm seeds 1..2 }
        """;

    private static string Of(string text, int index = 0) => ModelInterpreter.Load(text).AllRuns().ElementAt(index).DeclarationsFingerprint;

    [Fact]
    public void The_same_declarations_give_the_same_fingerprint_whatever_the_name_seed_or_layout()
    {
        var runs = ModelInterpreter.Load(Text).AllRuns().ToList();

        Assert.Matches("^[0-9a-f]{16}$", runs[0].DeclarationsFingerprint);
        Assert.All(runs, r => Assert.Equal(runs[0].DeclarationsFingerprint, r.DeclarationsFingerprint)); // scenario and suite cases
        Assert.Equal(runs[0].DeclarationsFingerprint, runs[0].WithSeed(99).DeclarationsFingerprint);
        Assert.Equal(Of(Text), Of(Text.Replace("  ", "    ") + "\n// a comment\n"));
    }

    [Theory]
    [InlineData("calm += 0.1", "calm += 0.2")]          // a rule's amount
    [InlineData("says \"Hm.\"", "says \"Hmm.\"")]        // a line the persona says
    [InlineData("\"i hear you\"", "\"i hear you\", \"i see\"")] // a cue phrase
    [InlineData("calm: 0.8 }", "calm: 0.7 }")]          // the goal
    [InlineData("trust [-1, 1]", "trust [-2, 2]")]      // the space
    [InlineData("calm: 0.2,", "calm: 0.3,")]            // the start
    public void An_edit_that_can_change_a_run_changes_the_fingerprint(string before, string after) =>
        Assert.NotEqual(Of(Text), Of(Text.Replace(before, after)));

    [Fact]
    public void A_record_carries_the_fingerprint_of_its_scenario()
    {
        var scenario = ModelInterpreter.Load(Text).Scenarios[0];

        var record = RunRecords.From(scenario.Run(new GenericAgent()));

        Assert.Equal(scenario.DeclarationsFingerprint, record.Declarations);
        Assert.Contains($"\"declarations\":\"{scenario.DeclarationsFingerprint}\"", RunRecords.ToJsonLine(record));
        Assert.Equal(scenario.DeclarationsFingerprint, RunRecords.TryParse(RunRecords.ToJsonLine(record))!.Declarations);
        // A record written before the field existed reads back without it.
        Assert.Null(RunRecords.TryParse("""{"scenario":"S","agent":"a"}""")!.Declarations);
        Assert.DoesNotContain("declarations", RunRecords.ToJsonLine(RunRecords.TryParse("""{"scenario":"S","agent":"a"}""")!));
    }
}
