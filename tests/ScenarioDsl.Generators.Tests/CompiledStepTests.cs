using ScenarioDsl.Generators.Tests.Infrastructure;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Interpretation;
using ScenarioDsl.Runtime.Randomness;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Generators.Tests;

/// <summary>
/// The generated per-turn state update (<c>ICompiledStep</c>) against the interpreter's generic one
/// (<c>ApplyRules</c> then <c>RunLoop.Step</c>), one step at a time and bit for bit, on personas built to
/// exercise one part each: drift, noise, clamping at both bounds (and a -0 bound), rules with conditions
/// at and next to their thresholds. Then whole runs of the same scenarios, and the guard that keeps the
/// generic update for a persona definition the step was not compiled for.
/// </summary>
public sealed class CompiledStepTests
{
    private const string Space = """
        space M {
          a [-1, 2]     "first"
          b [0.5, 0.75] "second"
          c [-0, 1]     "a range whose low bound is negative zero"
        }
        cues {
          up   "up"
          down "down"
          ask  "?"
        }
        goal G in M { target { a: 1.5 } within 0.01 turns 30 }
        """;

    public const string Drift = Space + "\n" + """
        persona P in M {
          start { a: 0.3, b: 0.6, c: 0.25 }
          drift 0.137
        }
        scenario S { persona P goal G seed 3 }
        """;

    public const string Noise = Space + "\n" + """
        persona P in M {
          start { a: 0.3, b: 0.6, c: 0.5 }
          on up => a += 0.2
          drift 0.05
          noise 0.07
        }
        scenario S { persona P goal G seed 11 }
        """;

    public const string Clamping = Space + "\n" + """
        persona P in M {
          start { a: 0.3, b: 0.6, c: 0.5 }
          on up   => a += 5, b += 1, c += 3
          on down => a -= 5, b -= 1, c -= 3
          drift 0.01
        }
        scenario S { persona P goal G seed 5 }
        """;

    public const string Conditions = Space + "\n" + """
        persona P in M {
          start { a: 0.5, b: 0.6, c: 0.5 }
          on up   when a > 0.5                 => b += 0.01
          on up   when a >= 0.5 and c < 0.25   => a += 0.125, c += 0.0625
          on down when a < 0.5                 => a -= 0.3, b -= 0.02
          on down when a <= 0.5 and b > 0.6    => c -= 0.1
          on ask  when c >= 0.25 and c <= 0.75 => a += 0.01, a += 0.02
          on mirroring when b < 0.7            => b += 0.005
          drift 0.2
          says when a > 1 "better"
        }
        scenario S { persona P goal G seed 9 }
        """;

    public static TheoryData<string> Texts => new() { nameof(Drift), nameof(Noise), nameof(Clamping), nameof(Conditions) };

    private static string Text(string name) => (string)typeof(CompiledStepTests).GetField(name)!.GetValue(null)!;

    [Fact]
    public void Drift_pulls_toward_the_start_as_the_generic_update_does()
    {
        var (interpreted, generated) = Load(Drift);
        foreach (var state in Grid())
        {
            var next = AssertSameStep(interpreted, generated, state, CueSet.Empty);
            if (state[0] != 0.3) Assert.NotEqual(state[0], next[0]); // drift moved it (no rules, no noise)
        }
        // At the start, drift adds 0.137 * 0: the state stays.
        Assert.Equal([0.3, 0.6, 0.25], AssertSameStep(interpreted, generated, [0.3, 0.6, 0.25], CueSet.Empty));
    }

    [Fact]
    public void Noise_draws_one_normal_per_dimension_in_dimension_order()
    {
        var (interpreted, generated) = Load(Noise);
        var a = new SeededRandom(42);
        var b = new SeededRandom(42);
        var cues = interpreted.Cues.SetOf(["up"]);
        double[] state = [0.3, 0.6, 0.5];
        bool moved = false;
        for (int t = 0; t < 500; t++)
        {
            var next = AssertSameStep(interpreted, generated, state, t % 3 == 0 ? cues : CueSet.Empty, a, b);
            moved |= next[1] != state[1];
            state = next;
        }
        Assert.True(moved, "noise never moved dimension b (it has no rules)");
        // Both consumed the same number of draws.
        Assert.Equal(BitConverter.DoubleToInt64Bits(a.NextDouble()), BitConverter.DoubleToInt64Bits(b.NextDouble()));
    }

    [Fact]
    public void Clamping_holds_at_both_bounds()
    {
        var (interpreted, generated) = Load(Clamping);
        var up = interpreted.Cues.SetOf(["up"]);
        var down = interpreted.Cues.SetOf(["down"]);
        Assert.Equal([2, 0.75, 1], AssertSameStep(interpreted, generated, [0.3, 0.6, 0.5], up));
        var low = AssertSameStep(interpreted, generated, [0.3, 0.6, 0.5], down);
        Assert.Equal([-1, 0.5, 0], low);
        // The low bound of c is -0: clamping gives -0, and the next step adds +0 to it (-0 + 0 = +0).
        Assert.True(double.IsNegative(low[2]), "c clamped to its -0 bound");
        var after = AssertSameStep(interpreted, generated, low, CueSet.Empty);
        Assert.False(double.IsNegative(after[2]), "(-0 + 0) + 0.01 * (0.5 - -0) is positive");
        foreach (var state in Grid())
        {
            AssertSameStep(interpreted, generated, state, up);
            AssertSameStep(interpreted, generated, state, down);
            AssertSameStep(interpreted, generated, state, up.Union(down));
        }
    }

    [Fact]
    public void Rules_with_conditions_fire_as_the_interpreter_fires_them()
    {
        var (interpreted, generated) = Load(Conditions);
        var names = new[] { "up", "down", "ask", "mirroring" };
        int differentSteps = 0;
        foreach (var state in Grid())
        {
            var seen = new HashSet<string>();
            for (int mask = 0; mask < 1 << names.Length; mask++)
            {
                var cues = interpreted.Cues.SetOf(names.Where((_, i) => (mask & 1 << i) != 0));
                var next = AssertSameStep(interpreted, generated, state, cues);
                seen.Add(string.Join(",", next.Select(BitConverter.DoubleToInt64Bits)));
            }
            differentSteps += seen.Count;
        }
        // The cue subsets and thresholds lead to many different updates, not one.
        Assert.True(differentSteps > 3 * Grid().Count(), differentSteps.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_compiled_step_allocates_nothing()
    {
        var (_, generated) = Load(Noise);
        var step = generated.CompiledStep!;
        var random = new SeededRandom(1);
        var cues = generated.Cues.SetOf(["up", "ask"]);
        double[] state = [0.3, 0.6, 0.5];
        double[] next = new double[3];
        step.Step(state, cues, random, next);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 0; t < 10_000; t++)
        {
            step.Step(state, cues, random, next);
            (state, next) = (next, state);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Targeted_scenarios_run_bit_identically(string name)
    {
        Assert.True(BitExactnessTests.CompareAll(Text(name)) > 0);
    }

    [Fact]
    public void A_persona_that_only_reuses_the_generated_dynamics_keeps_the_generic_update()
    {
        var (interpreted, generated) = Load(Noise);
        var source = generated.Persona;
        // Same rules (the generated dynamics), another start and drift: the compiled constants do not apply.
        var copy = new PersonaDefinition(source.Name, source.Space, [1.5, 0.7, 0.1], source.Rules, source.Says,
            drift: 0.3, noise: source.Noise, opens: source.Opens, dynamics: source.CreateDynamics);
        var twin = new PersonaDefinition(source.Name, source.Space, [1.5, 0.7, 0.1], source.Rules, source.Says,
            drift: 0.3, noise: source.Noise, opens: source.Opens);
        var reusing = new Scenario("S", copy, generated.Goal, generated.Seed, generated.Cues.Cues);
        var plain = new Scenario("S", twin, interpreted.Goal, interpreted.Seed, interpreted.Cues.Cues);
        Assert.EndsWith("__Dynamics", reusing.Dynamics.GetType().Name);
        Assert.Null(reusing.CompiledStep);
        Assert.NotNull(generated.CompiledStep);
        Assert.Same(generated.CompiledStep, generated.WithSeed(4).CompiledStep);
        foreach (var agent in Runtime.Agents.AgentCatalog.BuiltInNames)
        {
            var x = reusing.Run(Runtime.Agents.AgentCatalog.Create(agent));
            var y = plain.Run(Runtime.Agents.AgentCatalog.Create(agent));
            Assert.Equal(y.States.Count, x.States.Count);
            for (int t = 0; t < x.States.Count; t++)
                Assert.Equal(y.States[t].Select(BitConverter.DoubleToInt64Bits), x.States[t].Select(BitConverter.DoubleToInt64Bits));
        }
    }

    /// <summary>States inside, on and just outside the thresholds and bounds used above.</summary>
    private static IEnumerable<double[]> Grid()
    {
        double[] a = [-1, -0.4, 0.3, Math.BitDecrement(0.5), 0.5, Math.BitIncrement(0.5), 1.9, 2];
        double[] b = [0.5, Math.BitDecrement(0.6), 0.6, Math.BitIncrement(0.6), 0.75];
        double[] c = [-0d, 0, Math.BitDecrement(0.25), 0.25, 0.5, 0.75, Math.BitIncrement(0.75), 1];
        foreach (double x in a)
            foreach (double y in b)
                foreach (double z in c)
                    yield return [x, y, z];
    }

    private static (Scenario Interpreted, Scenario Generated) Load(string text)
    {
        const string path = "/compiledstep/file.emps";
        var compilation = EmpsCompilation.FromText(text, path);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        var interpreted = ModelInterpreter.Load(compilation).Scenarios.Single();
        var output = GeneratorHarness.Generate(path, text);
        GeneratorHarness.AssertCompilesClean(output, text);
        var typed = output.Load(optimize: true).GetType(GeneratorHarness.Namespace + ".Scenarios")!.GetProperty("S")!.GetValue(null)!;
        var generated = (Scenario)typed.GetType().GetProperty("Definition")!.GetValue(typed)!;
        Assert.Null(interpreted.CompiledStep);
        Assert.NotNull(generated.CompiledStep);
        return (interpreted, generated);
    }

    /// <summary>
    /// One step both ways: the interpreter's rules then <c>RunLoop.Step</c>, and the generated compiled step, each with
    /// its own RNG (same seed, same position). Asserts the same bits; returns the next state.
    /// </summary>
    private static double[] AssertSameStep(Scenario interpreted, Scenario generated, double[] state, CueSet cues, SeededRandom? a = null, SeededRandom? b = null)
    {
        var persona = interpreted.Persona;
        var delta = new double[state.Length];
        interpreted.Dynamics.ApplyRules(state, cues, delta);
        var expected = new double[state.Length];
        RunLoop.Step(state, persona.Start.ToArray(), delta, persona.Drift, persona.Noise, a, persona.Space.Dimensions, expected);
        var actual = new double[state.Length];
        generated.CompiledStep!.Step(state, cues, b, actual);
        for (int d = 0; d < state.Length; d++)
            Assert.True(
                BitConverter.DoubleToInt64Bits(expected[d]) == BitConverter.DoubleToInt64Bits(actual[d]),
                $"dimension {d} from [{string.Join(", ", state.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}] cues {cues.Bits}: {expected[d]:R} vs {actual[d]:R}");
        return actual;
    }
}
