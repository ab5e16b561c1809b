using MathNet.Numerics.Statistics;

namespace ScenarioDsl.Runtime.Scoring;

/// <summary>
/// SPEC 2.3, over the constrained dimensions of a trajectory s0..sn:
/// d = sn - s0; A = cos(d, u) (0 when |d| = 0); I = sum |Delta_t|; In = min(1, I / |u|);
/// theta_t = angle(Delta_t, u) for |Delta_t| &gt; 1e-12, S = 1 - popstddev(theta) / pi (1 with fewer than
/// two such turns); P = d.u / |u|^2; composite = (wa (A+1)/2 + wi In + ws S) / (wa + wi + ws).
/// </summary>
public static class ProcessScoring
{
    public const double MovingThreshold = 1e-12;

    public static ProcessScores Score(GoalGeometry geometry, IReadOnlyList<double[]> states, bool converged)
    {
        var u = geometry.U;
        double uNorm = geometry.UNorm;
        int n = states.Count - 1;

        var d = geometry.Difference(states[0], states[n]);
        double dNorm = GoalGeometry.Norm(d);
        double dDotU = GoalGeometry.Dot(d, u);
        double alignment = dNorm == 0.0 || uNorm == 0.0 ? 0.0 : Math.Clamp(dDotU / (dNorm * uNorm), -1.0, 1.0);

        double impact = 0.0;
        var angles = new List<double>(n);
        for (int t = 1; t <= n; t++)
        {
            var step = geometry.Difference(states[t - 1], states[t]);
            double stepNorm = GoalGeometry.Norm(step);
            impact += stepNorm;
            if (stepNorm > MovingThreshold && uNorm > 0.0)
                angles.Add(Angle(step, stepNorm, u, uNorm));
        }

        double impactNormalized = uNorm == 0.0 ? 0.0 : Math.Min(1.0, impact / uNorm);
        double stability = angles.Count < 2 ? 1.0 : 1.0 - angles.PopulationStandardDeviation() / Math.PI;
        double progress = uNorm == 0.0 ? 0.0 : dDotU / (uNorm * uNorm);

        var w = geometry.Goal.Weights;
        double weightSum = w.Alignment + w.Impact + w.Stability;
        double composite = weightSum <= 0.0
            ? 0.0
            : (w.Alignment * ((alignment + 1.0) / 2.0) + w.Impact * impactNormalized + w.Stability * stability) / weightSum;

        return new ProcessScores(alignment, impact, impactNormalized, stability, progress, composite, converged, n);
    }

    /// <summary>The angle in [0, pi] between two non-zero vectors.</summary>
    public static double Angle(ReadOnlySpan<double> a, double aNorm, ReadOnlySpan<double> b, double bNorm) =>
        Math.Acos(Math.Clamp(GoalGeometry.Dot(a, b) / (aNorm * bNorm), -1.0, 1.0));
}
