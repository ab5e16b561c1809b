using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Validity.Tests.Infrastructure;

namespace ScenarioDsl.Validity.Tests;

/// <summary>The shipped library's shape: what the brief asks of its personas, goals and suites.</summary>
[Collection(ValidityCollection.Name)]
public sealed class LibraryTests(ValidityFixture fx)
{
    [Fact]
    public void The_library_has_no_errors_and_no_warnings()
    {
        Assert.Empty(fx.WarningsAndErrors.Select(d => d.ToString()));
    }

    [Fact]
    public void The_brief_suite_is_twelve_personas_by_three_goals()
    {
        Assert.Equal(12, fx.Brief.Select(c => c.Persona).Distinct().Count());
        Assert.Equal(["BoostMotivation", "ClarifyValues", "ReduceStress"], fx.Brief.Select(c => c.Goal).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(36, fx.Brief.Count);
        Assert.All(fx.Brief, c => Assert.Equal("Wellbeing", c.Scenario.Space.Name));
    }

    [Fact]
    public void The_empa_suite_has_eight_deficit_personas_scored_with_epm_toward_the_origin()
    {
        Assert.True(fx.Empa.Select(c => c.Persona).Distinct().Count() >= 8);
        Assert.All(fx.Empa, c =>
        {
            Assert.Equal(ScoringKind.Epm, c.Scenario.Goal.Scoring.Kind);
            Assert.Equal(GoalKind.Target, c.Scenario.Goal.Kind);
            Assert.Equal(3, c.Scenario.Goal.Components.Count);
            Assert.All(c.Scenario.Goal.Components, g => Assert.Equal(0.0, g.Value));
            Assert.All(c.Scenario.Persona.Start, s => Assert.True(s < 0));
        });
        Assert.Contains(fx.Empa, c => c.Scenario.Goal.Scoring.Direction == EpmDirection.PerTurn);
    }

    [Fact]
    public void Every_persona_has_about_an_opening_rules_and_state_dependent_lines()
    {
        foreach (var persona in fx.Brief.Concat(fx.Empa).Select(c => c.Scenario.Persona).DistinctBy(p => p.Name))
        {
            Assert.False(string.IsNullOrWhiteSpace(persona.About), persona.Name);
            Assert.NotEqual(PersonaDefinition.DefaultOpens, persona.Opens);
            Assert.NotEmpty(persona.Rules);
            Assert.Contains(persona.Says, s => s.Conditions.Count == 0);
            Assert.Contains(persona.Says, s => s.Conditions.Count > 0);
        }
    }

    /// <summary>
    /// A reply that only echoes a persona's words (as the validating and sycophant agents do) must
    /// detect mirroring and nothing else: a persona line must not smuggle in a cue phrase.
    /// </summary>
    [Fact]
    public void Echoing_a_persona_line_detects_no_cue_but_mirroring()
    {
        foreach (var c in fx.Brief.Concat(fx.Empa).DistinctBy(c => c.Persona))
        {
            var persona = c.Scenario.Persona;
            var mirroring = CueSet.Empty.With(c.Scenario.Cues.MirroringIndex);
            foreach (var line in persona.Says.Select(s => s.Text).Append(persona.Opens))
            {
                var words = ContentWords(line);
                var echo = "You said: " + string.Join(" ", words) + ".";
                var cues = c.Scenario.Detector.Detect(echo, line);
                Assert.True(cues == mirroring, $"{persona.Name}: echoing \"{line}\" detects {string.Join(", ", c.Scenario.Cues.NamesOf(cues))}");
            }
        }
    }

    private static IEnumerable<string> ContentWords(string text)
    {
        var words = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            if (i - start >= 3) words.Add(text.Substring(start, i - start).ToLowerInvariant());
        }
        return words.Distinct(StringComparer.Ordinal);
    }

    /// <summary>Our per-turn dE, summed, is the runtime's E_total on every epm run (same v*, same Delta_t).</summary>
    [Fact]
    public void Per_turn_work_sums_to_the_runtime_energy_total()
    {
        int checkedRuns = 0;
        foreach (var run in fx.Empa.SelectMany(c => c.ByAgent.Values).SelectMany(r => r))
        {
            Assert.Equal(run.EnergyTotal, run.Work.Sum(), 9);
            checkedRuns++;
        }
        Assert.Equal(fx.Empa.Count * ValidityFixture.Agents.Length * ValidityFixture.Seeds, checkedRuns);
    }
}
