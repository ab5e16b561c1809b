using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Randomness;

namespace ScenarioDsl.Runtime.Dynamics;

/// <summary>
/// A persona's whole per-turn state update (SPEC 2.1 steps 3-5) compiled with the persona's constants: the
/// rules and their effects, drift toward the start, noise and clamping to the ranges. Generated dynamics
/// implement it next to <see cref="IPersonaDynamics"/>; the run loop calls <see cref="Step"/> instead of
/// <see cref="IPersonaDynamics.ApplyRules"/> followed by <see cref="Running.RunLoop.Step"/> when the scenario's
/// persona is the one the step was compiled for (<see cref="Running.Scenario.CompiledStep"/>). The interpreter
/// does not implement it and keeps the generic update.
/// </summary>
/// <remarks>
/// The contract is bit-exact: <see cref="Step"/> must write exactly what the generic update writes, i.e. per
/// dimension d in dimension order, with <c>delta[d]</c> = <c>0</c> plus every firing effect on d in file then
/// effect order: <c>x = (s[d] + delta[d]) + drift * (s0[d] - s[d])</c>; if noise &gt; 0,
/// <c>x = x + noise * random.NextStandardNormal()</c>; <c>next[d] = x &lt; lo ? lo : x &gt; hi ? hi : x</c>.
/// Same operations in the same order, same draws in the same order. Must not allocate.
/// </remarks>
public interface ICompiledStep
{
    /// <summary>
    /// Whether <paramref name="persona"/> is the definition this step's constants (start, drift, noise, ranges)
    /// were compiled from. A definition that merely reuses the dynamics (a copy with another start, a wrapper)
    /// gets <c>false</c>, and the run loop keeps the generic update for it.
    /// </summary>
    bool IsCompiledFor(PersonaDefinition persona);

    /// <summary>
    /// Writes s_t into <paramref name="next"/> from s_{t-1} (<paramref name="state"/>) and the turn's cues.
    /// <paramref name="random"/> is the run's RNG: not null when the persona's noise is &gt; 0.
    /// </summary>
    void Step(ReadOnlySpan<double> state, CueSet cues, SeededRandom? random, Span<double> next);
}
