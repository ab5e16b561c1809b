using ScenarioDsl.Runtime.Definitions;

namespace ScenarioDsl.Runtime.Generated;

/// <summary>A generated goal: its runtime definition, typed by the space's state.</summary>
public sealed class EmpsGoal<TState> where TState : struct, IEmpsState<TState>
{
    public EmpsGoal(GoalDefinition definition) =>
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));

    public GoalDefinition Definition { get; }

    public string Name => Definition.Name;

    public string? Description => Definition.Description;

    public GoalKind Kind => Definition.Kind;

    public double Within => Definition.Within;

    public int Turns => Definition.Turns;

    public ScoreWeights Weights => Definition.Weights;

    public ScoringOptions Scoring => Definition.Scoring;

    /// <summary>The target point for a run starting at <paramref name="start"/> (unconstrained dimensions keep the start's value).</summary>
    public TState TargetFor(TState start)
    {
        Span<double> values = stackalloc double[Definition.Space.Count];
        start.CopyTo(values);
        foreach (var c in Definition.Components)
            values[c.Dimension] = Kind == GoalKind.Target ? c.Value : values[c.Dimension] + c.Value;
        return TState.FromSpan(values);
    }

    public override string ToString() => Name;
}
