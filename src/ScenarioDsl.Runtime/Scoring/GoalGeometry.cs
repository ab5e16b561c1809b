using ScenarioDsl.Runtime.Definitions;

namespace ScenarioDsl.Runtime.Scoring;

/// <summary>
/// A goal seen from one run's start: the constrained dimensions (in dimension order), the start and
/// target points over them, and the ideal direction u = target - s0. Sums run in dimension order.
/// </summary>
public sealed class GoalGeometry
{
    public GoalGeometry(GoalDefinition goal, IReadOnlyList<double> start)
    {
        Goal = goal;
        Dimensions = goal.Components.Select(c => c.Dimension).ToArray();
        Start = Dimensions.Select(d => start[d]).ToArray();
        Target = goal.TargetFor(start);
        U = new double[Dimensions.Length];
        for (int i = 0; i < U.Length; i++) U[i] = Target[i] - Start[i];
        UNorm = Norm(U);
    }

    public GoalDefinition Goal { get; }

    /// <summary>Indices of the constrained dimensions in the space.</summary>
    public int[] Dimensions { get; }

    public double[] Start { get; }

    public double[] Target { get; }

    /// <summary>The ideal direction u (not normalized).</summary>
    public double[] U { get; }

    public double UNorm { get; }

    /// <summary>The Euclidean distance from a full state to the target over the constrained dimensions.</summary>
    public double DistanceToTarget(ReadOnlySpan<double> state)
    {
        double sum = 0.0;
        for (int i = 0; i < Dimensions.Length; i++)
        {
            double diff = state[Dimensions[i]] - Target[i];
            sum += diff * diff;
        }
        return Math.Sqrt(sum);
    }

    /// <summary>The constrained part of <c>b - a</c> for two full states.</summary>
    public double[] Difference(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var diff = new double[Dimensions.Length];
        for (int i = 0; i < diff.Length; i++) diff[i] = b[Dimensions[i]] - a[Dimensions[i]];
        return diff;
    }

    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0.0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    public static double Norm(ReadOnlySpan<double> a) => Math.Sqrt(Dot(a, a));
}
