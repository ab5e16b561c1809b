using ScenarioDsl.Runtime.Definitions;

namespace ScenarioDsl.Runtime.Dynamics;

/// <summary>
/// How a persona reacts, bound to one cue table. The interpreter evaluates the rules as data; generated
/// code compiles them. Both must agree bit for bit, so the contract is exact.
/// </summary>
public interface IPersonaDynamics
{
    /// <summary>
    /// Adds the effects of every rule whose cue is in <paramref name="cues"/> and whose conditions hold on
    /// <paramref name="state"/>, in file order then effect order: <c>delta[d] += amount</c>. The caller
    /// zeroes <paramref name="delta"/>. Must not allocate.
    /// </summary>
    void ApplyRules(ReadOnlySpan<double> state, CueSet cues, Span<double> delta);

    /// <summary>The text of the first <c>says</c> whose conditions hold on <paramref name="state"/>; none: "...".</summary>
    string Say(ReadOnlySpan<double> state);
}
