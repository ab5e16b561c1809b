using ScenarioDsl.Runtime.Definitions;

namespace ScenarioDsl.Runtime.Generated;

/// <summary>
/// A generated <c>&lt;Space&gt;State</c> record struct: one <c>double</c> per dimension, in dimension order.
/// Generated code implements it; the typed wrappers (<see cref="EmpsRunResult{TState}"/>) use it to turn
/// the run loop's state vectors into typed states.
/// </summary>
public interface IEmpsState<TSelf> where TSelf : struct, IEmpsState<TSelf>
{
    /// <summary>The space the state belongs to (names, ranges and descriptions of its dimensions).</summary>
    static abstract SpaceDefinition Space { get; }

    /// <summary>A state from values in dimension order.</summary>
    static abstract TSelf FromSpan(ReadOnlySpan<double> values);

    /// <summary>Writes the values in dimension order.</summary>
    void CopyTo(Span<double> destination);
}
