namespace ScenarioDsl.Runtime.Definitions;

public enum GoalKind
{
    /// <summary>Absolute target values.</summary>
    Target,

    /// <summary>Values relative to the persona's start.</summary>
    Shift,
}

/// <summary>One constrained dimension of a goal: its target value (Target) or shift (Shift).</summary>
public sealed record GoalComponent(int Dimension, double Value);

/// <summary>The weights of the process composite.</summary>
public sealed record ScoreWeights(double Alignment, double Impact, double Stability)
{
    public static ScoreWeights Default { get; } = new(0.4, 0.3, 0.3);
}

/// <summary>
/// A goal: constrained dimensions with a target or a shift, the convergence radius, the turn budget,
/// and how runs are scored. Components are kept in dimension order.
/// </summary>
public sealed class GoalDefinition
{
    public GoalDefinition(
        string name,
        SpaceDefinition space,
        GoalKind kind,
        IReadOnlyList<GoalComponent> components,
        double within = DefaultWithin,
        int turns = DefaultTurns,
        ScoreWeights? weights = null,
        ScoringOptions? scoring = null,
        string? description = null)
    {
        if (components.Count == 0) throw new ArgumentException("A goal constrains at least one dimension.", nameof(components));
        if (turns < 1) throw new ArgumentOutOfRangeException(nameof(turns), turns, "A goal needs at least one turn.");
        Name = name;
        Space = space;
        Kind = kind;
        Components = components.OrderBy(c => c.Dimension).ToArray();
        Within = within;
        Turns = turns;
        Weights = weights ?? ScoreWeights.Default;
        Scoring = scoring ?? ScoringOptions.Process;
        Description = description;
    }

    public const double DefaultWithin = 0.05;
    public const int DefaultTurns = 10;

    public string Name { get; }

    public SpaceDefinition Space { get; }

    public string? Description { get; }

    public GoalKind Kind { get; }

    /// <summary>The constrained dimensions, in dimension order.</summary>
    public IReadOnlyList<GoalComponent> Components { get; }

    public double Within { get; }

    public int Turns { get; }

    public ScoreWeights Weights { get; }

    public ScoringOptions Scoring { get; }

    /// <summary>The target point's value on each constrained dimension for a run starting at <paramref name="start"/>.</summary>
    public double[] TargetFor(IReadOnlyList<double> start)
    {
        var target = new double[Components.Count];
        for (int i = 0; i < Components.Count; i++)
        {
            var c = Components[i];
            target[i] = Kind == GoalKind.Target ? c.Value : start[c.Dimension] + c.Value;
        }
        return target;
    }
}
