using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Randomness;
using ScenarioDsl.Runtime.Tests.Infrastructure;

namespace ScenarioDsl.Runtime.Tests.Running;

/// <summary>Trajectories computed by hand with the documented order: ((s + delta) + drift (s0 - s)) + noise z, then clamp.</summary>
public class RunLoopTrajectoryTests
{
    [Fact]
    public void Rules_add_up_clamp_at_the_range_and_converge()
    {
        var space = Build.Space(("trust", -1, 1));
        var persona = new PersonaDefinition("P", space, [0.0], [Build.Rule("validation", (0, 0.3))]);
        var goal = Build.Target(space, within: 0.05, turns: 10, (0, 1.0));
        var result = Build.Scenario(persona, goal).Run(Build.Script("That makes sense."));

        double s1 = 0.0 + 0.3, s2 = s1 + 0.3, s3 = s2 + 0.3; // 0.8999999999999999
        Assert.Equal([0.0, s1, s2, s3, 1.0], result.States.Select(s => s[0]));
        Assert.True(result.Converged);
        Assert.Equal(4, result.Turns);
        Assert.Null(result.Messages[^1].Persona);
        Assert.Equal(["validation"], result.Messages[0].Cues);
    }

    [Fact]
    public void Drift_pulls_back_toward_the_start_in_the_documented_order()
    {
        var space = Build.Space(("calm", 0, 1));
        var persona = new PersonaDefinition("P", space, [0.1], [Build.Rule("validation", (0, 0.4))], drift: 0.5);
        var goal = Build.Target(space, within: 0.01, turns: 3, (0, 0.95));
        var result = Build.Scenario(persona, goal).Run(Build.Script("understandable"));

        double s0 = 0.1;
        double s1 = (s0 + 0.4) + 0.5 * (s0 - s0);
        double s2 = (s1 + 0.4) + 0.5 * (s0 - s1);
        double s3 = (s2 + 0.4) + 0.5 * (s0 - s2);
        Assert.Equal([s0, s1, s2, s3], result.States.Select(s => s[0]));
        Assert.False(result.Converged);
        Assert.Equal(3, result.Turns);
    }

    [Fact]
    public void Conditions_are_tested_on_the_previous_state_and_clamping_holds_below()
    {
        var space = Build.Space(("distress", 0, 1), ("autonomy", -1, 1));
        var persona = new PersonaDefinition("P", space, [0.7, 0.0],
        [
            Build.RuleWhen("advice", new Condition(0, Comparison.Greater, 0.6), (0, 0.05), (1, -0.06)),
            Build.RuleWhen("advice", new Condition(0, Comparison.LessOrEqual, 0.6), (0, -0.45)),
            Build.Rule("validation", (0, -0.2)),
        ],
        says:
        [
            new SaysDefinition([new Condition(0, Comparison.Greater, 0.6)], "high"),
            new SaysDefinition([], "low"),
        ]);
        var goal = Build.Target(space, within: 0.01, turns: 4, (1, 1.0));
        var script = Build.Script("You should rest.", "That makes sense.", "You should rest.", "You should rest.");
        var result = Build.Scenario(persona, goal).Run(script);

        double d1 = 0.7 + 0.05, a1 = 0.0 + -0.06;           // advice while distress > 0.6
        double d2 = d1 + -0.2, a2 = a1;                      // validation
        double d3 = d2 > 0.6 ? d2 + 0.05 : d2 + -0.45, a3 = d2 > 0.6 ? a2 + -0.06 : a2;
        double d4 = Math.Max(0, d3 > 0.6 ? d3 + 0.05 : d3 + -0.45), a4 = d3 > 0.6 ? a3 + -0.06 : a3;
        Assert.Equal([0.7, d1, d2, d3, d4], result.States.Select(s => s[0]));
        Assert.Equal([0.0, a1, a2, a3, a4], result.States.Select(s => s[1]));
        Assert.Equal(0.0, d4); // clamped at the range's low end
        Assert.Equal(["high", d2 > 0.6 ? "high" : "low", "low", "low"], result.Messages.Select(m => m.Persona));
    }

    [Fact]
    public void A_rule_fires_once_per_turn_even_when_several_phrases_match()
    {
        var space = Build.Space(("x", 0, 10));
        var persona = new PersonaDefinition("P", space, [0.0], [Build.Rule("validation", (0, 1.0))]);
        var goal = Build.Target(space, within: 0.01, turns: 1, (0, 9.0));
        var result = Build.Scenario(persona, goal).Run(Build.Script("That makes sense, understandable, that makes sense."));
        Assert.Equal(1.0, result.FinalState[0]);
    }

    [Fact]
    public void Noise_draws_one_normal_per_dimension_in_dimension_order()
    {
        var space = Build.Space(("a", -1, 1), ("b", -1, 1));
        var persona = new PersonaDefinition("P", space, [0.0, 0.5], [Build.Rule("validation", (1, 0.1))], drift: 0.1, noise: 0.02);
        var goal = Build.Target(space, within: 0.001, turns: 2, (0, 0.9));
        var result = Build.Scenario(persona, goal, seed: 7).Run(Build.Script("understandable"));

        var random = new SeededRandom(7);
        double a1 = ((0.0 + 0.0) + 0.1 * (0.0 - 0.0)) + 0.02 * random.NextStandardNormal();
        double b1 = ((0.5 + 0.1) + 0.1 * (0.5 - 0.5)) + 0.02 * random.NextStandardNormal();
        double a2 = ((a1 + 0.0) + 0.1 * (0.0 - a1)) + 0.02 * random.NextStandardNormal();
        double b2 = ((b1 + 0.1) + 0.1 * (0.5 - b1)) + 0.02 * random.NextStandardNormal();
        Assert.Equal([a1, b1], result.States[1]);
        Assert.Equal([a2, b2], result.States[2]);
    }

    [Fact]
    public void Without_noise_the_seed_does_not_matter_and_with_noise_it_does()
    {
        var space = Build.Space(("a", -1, 1));
        var quiet = new PersonaDefinition("P", space, [0.0], [Build.Rule("validation", (0, 0.1))]);
        var noisy = new PersonaDefinition("P", space, [0.0], [Build.Rule("validation", (0, 0.1))], noise: 0.05);
        var goal = Build.Target(space, within: 0.001, turns: 5, (0, 0.9));
        var agent = Build.Script("understandable");

        Assert.Equal(Build.Scenario(quiet, goal).Run(agent, 1).States, Build.Scenario(quiet, goal).Run(agent, 2).States);
        Assert.NotEqual(Build.Scenario(noisy, goal).Run(agent, 1).FinalState[0], Build.Scenario(noisy, goal).Run(agent, 2).FinalState[0]);
    }

    [Fact]
    public void Same_seed_gives_identical_bits()
    {
        var space = Build.Space(("a", -1, 1), ("b", 0, 1));
        var persona = new PersonaDefinition("P", space, [0.0, 0.5], [Build.Rule("validation", (0, 0.1), (1, -0.05))], drift: 0.05, noise: 0.03);
        var goal = Build.Target(space, within: 0.001, turns: 20, (0, 0.9));
        var first = Build.Scenario(persona, goal, seed: 42).Run(new Runtime.Agents.GenericAgent());
        var second = Build.Scenario(persona, goal, seed: 42).Run(new Runtime.Agents.GenericAgent());

        var bits = (Runtime.Running.RunResult r) => r.States.SelectMany(s => s).Select(BitConverter.DoubleToInt64Bits).ToArray();
        Assert.Equal(bits(first), bits(second));
        Assert.Equal(first.Messages.Select(m => m.Agent), second.Messages.Select(m => m.Agent));
    }

    [Fact]
    public void A_noisy_trajectory_is_pinned_across_machines_and_processes()
    {
        var space = Build.Space(("a", -1, 1));
        var persona = new PersonaDefinition("P", space, [0.0], noise: 0.1);
        var goal = Build.Target(space, within: 0.001, turns: 3, (0, 0.9));
        var states = Build.Scenario(persona, goal, seed: 7).Run(Build.Script("hello")).States.Select(s => s[0].ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(PinnedNoisyStates, states);
    }

    // Recorded once from this implementation; a change here means seeds no longer reproduce old runs.
    internal static readonly string[] PinnedNoisyStates = ["0", "0.09643618527255184", "0.06604317288598616", "0.09652260871862484"];
}
