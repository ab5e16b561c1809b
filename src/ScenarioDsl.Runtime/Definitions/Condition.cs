namespace ScenarioDsl.Runtime.Definitions;

public enum Comparison
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary><c>dimension OP value</c> over a state vector.</summary>
public sealed record Condition(int Dimension, Comparison Operator, double Value)
{
    public bool Holds(ReadOnlySpan<double> state)
    {
        double x = state[Dimension];
        return Operator switch
        {
            Comparison.Less => x < Value,
            Comparison.LessOrEqual => x <= Value,
            Comparison.Greater => x > Value,
            _ => x >= Value,
        };
    }

    public static bool AllHold(IReadOnlyList<Condition> conditions, ReadOnlySpan<double> state)
    {
        for (int i = 0; i < conditions.Count; i++)
            if (!conditions[i].Holds(state)) return false;
        return true;
    }
}
