using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Dynamics;
using ScenarioDsl.Runtime.Randomness;
using ScenarioDsl.Runtime.Tests.Infrastructure;

namespace ScenarioDsl.Runtime.Tests.Running;

/// <summary>
/// The run loop's choice between a compiled step (<see cref="ICompiledStep"/>) and the generic update: the compiled
/// step replaces ApplyRules and RunLoop.Step entirely when it is compiled for the scenario's persona, gets the run's
/// RNG when noise is declared, and is ignored when it was compiled for another definition.
/// </summary>
public class CompiledStepRunLoopTests
{
    /// <summary>Records which path the run loop took; its "compiled" update adds 0.25 to dimension 0, no clamp.</summary>
    private sealed class Recording(bool compiledFor) : IPersonaDynamics, ICompiledStep
    {
        public int ApplyRulesCalls;
        public int StepCalls;
        public SeededRandom? LastRandom;

        public void ApplyRules(ReadOnlySpan<double> state, CueSet cues, Span<double> delta)
        {
            ApplyRulesCalls++;
            delta[0] += 0.5;
        }

        public string Say(ReadOnlySpan<double> state) => "...";

        public bool IsCompiledFor(PersonaDefinition persona) => compiledFor;

        public void Step(ReadOnlySpan<double> state, CueSet cues, SeededRandom? random, Span<double> next)
        {
            StepCalls++;
            LastRandom = random;
            next[0] = state[0] + 0.25;
        }
    }

    private static (global::ScenarioDsl.Runtime.Running.Scenario Scenario, Recording Dynamics) Make(bool compiledFor, double noise = 0)
    {
        var space = Build.Space(("x", -10, 10));
        var dynamics = new Recording(compiledFor);
        var persona = new PersonaDefinition("P", space, [0.0], noise: noise, dynamics: _ => dynamics);
        var goal = Build.Target(space, within: 0.001, turns: 3, (0, 9.0));
        return (Build.Scenario(persona, goal), dynamics);
    }

    [Fact]
    public void A_step_compiled_for_the_persona_replaces_the_generic_update()
    {
        var (scenario, dynamics) = Make(compiledFor: true);
        Assert.Same(dynamics, scenario.CompiledStep);
        var result = scenario.Run(Build.Script("a", "b", "c"));
        Assert.Equal([0.0, 0.25, 0.5, 0.75], result.States.Select(s => s[0]));
        Assert.Equal(3, dynamics.StepCalls);
        Assert.Equal(0, dynamics.ApplyRulesCalls);
        Assert.Null(dynamics.LastRandom);
    }

    [Fact]
    public void A_step_compiled_for_another_definition_is_ignored()
    {
        var (scenario, dynamics) = Make(compiledFor: false);
        Assert.Null(scenario.CompiledStep);
        var result = scenario.Run(Build.Script("a", "b", "c"));
        Assert.Equal([0.0, 0.5, 1.0, 1.5], result.States.Select(s => s[0]));
        Assert.Equal(0, dynamics.StepCalls);
        Assert.Equal(3, dynamics.ApplyRulesCalls);
    }

    [Fact]
    public void The_compiled_step_gets_the_runs_rng_when_noise_is_declared_and_seed_copies_keep_it()
    {
        var (scenario, dynamics) = Make(compiledFor: true, noise: 0.1);
        var copy = scenario.WithSeed(5);
        Assert.Same(dynamics, copy.CompiledStep);
        copy.Run(Build.Script("a"));
        Assert.NotNull(dynamics.LastRandom);
        Assert.Equal(5, dynamics.LastRandom!.Seed);
    }
}
