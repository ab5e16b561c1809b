using MathNet.Numerics.Statistics;
using ScenarioDsl.Runtime.Definitions;

namespace ScenarioDsl.Runtime.Scoring;

/// <summary>
/// The EMPA paper's EPM-Q, adapted to declared continuous spaces (docs/runtime.md, "The epm profile"):
/// P_t = s_t - target over the constrained dimensions (the origin is the goal's target), v_t = Delta_t,
/// v* fixed = u/|u| or per turn (target - s_{t-1})/|target - s_{t-1}|, dE_t = v_t . v*,
/// the target zone is the ball of radius <c>within</c>, r0 = max(0, |u| - within).
/// The paper's judge-unit constants are mapped through the step scale h (the largest per-turn step
/// the persona's rules can produce): RHO_MAX = h, one judge unit J = h / 2.5.
/// </summary>
public static class EpmScoring
{
    public const double Beta = 1.2;
    public const double Alpha = 1.5;
    public const double RhoMaxInJudgeUnits = 2.5;
    public const double StagnationInJudgeUnits = 0.5;
    public const double RegressionSumInJudgeUnits = 1.0;
    public const int CollapseWindow = 5;
    public const int StagnationWindow = 5;
    public const int RegressionWindow = 8;
    public const int RegressionCount = 6;
    public const double LevelThreshold = 1e-12;

    public static EpmScores Score(GoalGeometry geometry, PersonaDefinition persona, IReadOnlyList<double[]> states, bool converged) =>
        Score(geometry, StepScale(geometry, persona), states, converged);

    public static EpmScores Score(GoalGeometry geometry, double stepScale, IReadOnlyList<double[]> states, bool converged)
    {
        int k = geometry.Dimensions.Length;
        int n = states.Count - 1;
        double within = geometry.Goal.Within;
        bool perTurn = geometry.Goal.Scoring.Direction == EpmDirection.PerTurn;
        double h = stepScale;
        double judgeUnit = h / RhoMaxInJudgeUnits;

        var p = new double[n + 1][];
        var pNorm = new double[n + 1];
        for (int t = 0; t <= n; t++)
        {
            p[t] = new double[k];
            for (int i = 0; i < k; i++) p[t][i] = states[t][geometry.Dimensions[i]] - geometry.Target[i];
            pNorm[t] = GoalGeometry.Norm(p[t]);
        }

        var fixedDirection = new double[k];
        for (int i = 0; i < k; i++) fixedDirection[i] = geometry.UNorm > 0 ? geometry.U[i] / geometry.UNorm : 0.0;

        var dE = new double[n + 1]; // dE[0] = 0: turn 0 counts as 0 in the per-point averages
        double energy = 0.0, cosSum = 0.0, path = 0.0;
        int sNet = 0, penalty = 0, positive = 0;
        var v = new double[k];
        var direction = new double[k];
        for (int t = 1; t <= n; t++)
        {
            for (int i = 0; i < k; i++) v[i] = p[t][i] - p[t - 1][i];
            if (perTurn)
            {
                double norm = pNorm[t - 1];
                for (int i = 0; i < k; i++) direction[i] = norm > 0 ? -p[t - 1][i] / norm : 0.0;
            }
            else
            {
                Array.Copy(fixedDirection, direction, k);
            }

            double vNorm = GoalGeometry.Norm(v);
            dE[t] = GoalGeometry.Dot(v, direction);
            energy += dE[t];
            path += vNorm;
            if (dE[t] > 0) positive++;
            if (vNorm > LevelThreshold && GoalGeometry.Norm(direction) > 0)
                cosSum += Math.Clamp(dE[t] / vNorm, -1.0, 1.0);

            for (int i = 0; i < k; i++)
            {
                double before = Math.Abs(p[t - 1][i]), after = Math.Abs(p[t][i]);
                if (after < before - LevelThreshold) sNet++;
                else if (after > before + LevelThreshold)
                {
                    sNet--;
                    penalty++;
                }
            }
        }

        double points = n + 1;
        double r0 = Math.Max(0.0, pNorm[0] - within);
        double rT = Math.Max(0.0, pNorm[n] - within);

        double rdi = r0 > 0 ? (r0 - rT) / r0 * 100.0 : (rT == 0 ? 100.0 : -100.0);
        double idxRdi = Clamp100((rdi + 100.0) / 2.0);
        double idxEtot = r0 > 0 ? Clamp100(Math.Max(0.0, energy) / (Beta * r0) * 100.0) : 100.0;
        double idxSnet = r0 > 0 ? Clamp100(Math.Max(0, sNet) / (Alpha * r0 / judgeUnit) * 100.0) : 100.0;

        double rho = n > 0 ? energy / n : 0.0;
        double idxRho = Clamp100(Math.Max(0.0, rho) / h * 100.0);
        double sProj = energy / points;
        double idxSproj = Clamp100(Math.Max(0.0, sProj) / h * 100.0);
        double net = GoalGeometry.Norm(geometry.Difference(states[0], states[n]));
        double tortuosity = net > 0 ? Math.Max(1.0, path / net) : 0.0;
        double idxTau = net > 0 ? Clamp100((3.0 - tortuosity) / 2.0 * 100.0) : 0.0;

        double idxRpos = positive / points * 100.0;
        double meanAlignment = cosSum / points;
        double idxAlign = (meanAlignment + 1.0) / 2.0 * 100.0;
        double penaltyRate = penalty / points;
        double idxPen = Clamp100((k - penaltyRate) / k * 100.0);

        double outcome = (idxRdi + idxEtot + idxSnet) / 3.0;
        double efficiency = (idxRho + idxSproj + idxTau) / 3.0;
        double stability = (idxRpos + idxAlign + idxPen) / 3.0;
        double epmQ = 0.4 * outcome + 0.2 * efficiency + 0.4 * stability;

        var (kind, turn) = Classify(dE, pNorm, n, converged, energy >= r0 - LevelThreshold, judgeUnit);
        return new EpmScores(
            epmQ, outcome, efficiency, stability, energy, kind, turn,
            idxRdi, idxEtot, idxSnet, idxRho, idxSproj, idxTau, idxRpos, idxAlign, idxPen,
            rdi, sNet, tortuosity, meanAlignment, penaltyRate, h,
            perTurn ? "per-turn" : "fixed", converged, n);
    }

    /// <summary>
    /// The step scale h: the norm, over the constrained dimensions, of the summed absolute effects of all
    /// the persona's rules, each sum capped at its dimension's width (an upper bound of one turn's rule-driven
    /// step: the state is clamped to the ranges, so no step is longer on a dimension than its width).
    /// |u| when the rules move nothing.
    /// </summary>
    public static double StepScale(GoalGeometry geometry, PersonaDefinition persona)
    {
        var sums = new double[geometry.Dimensions.Length];
        foreach (var rule in persona.Rules)
            foreach (var effect in rule.Effects)
            {
                int i = Array.IndexOf(geometry.Dimensions, effect.Dimension);
                if (i >= 0) sums[i] += Math.Abs(effect.Amount);
            }
        for (int i = 0; i < sums.Length; i++)
        {
            var dimension = persona.Space.Dimensions[geometry.Dimensions[i]];
            sums[i] = Math.Min(sums[i], dimension.High - dimension.Low);
        }
        double h = GoalGeometry.Norm(sums);
        return h > 0 ? h : geometry.UNorm > 0 ? geometry.UNorm : 1.0;
    }

    /// <summary>
    /// Success at the last turn when the run converged with E_total &gt;= r0; otherwise failure at the first
    /// turn t where collapse (the last 5 dE all negative) or stagnation (population std dev of |P| over the
    /// last 5 points &lt; 0.5 J) with regression (&gt;= 6 of the last 8 dE negative, their sum &lt; -J) holds;
    /// otherwise maxTurns. A failure at the final turn yields to a success there.
    /// </summary>
    private static (EpmOutcome Kind, int Turn) Classify(double[] dE, double[] pNorm, int n, bool converged, bool enoughEnergy, double judgeUnit)
    {
        bool success = converged && enoughEnergy;
        for (int t = 1; t <= n; t++)
        {
            if (t == n && success) return (EpmOutcome.Success, n);
            if (Failed(dE, pNorm, t, judgeUnit)) return (EpmOutcome.Failure, t);
        }
        return success ? (EpmOutcome.Success, n) : (EpmOutcome.MaxTurns, n);
    }

    private static bool Failed(double[] dE, double[] pNorm, int t, double judgeUnit)
    {
        if (t >= CollapseWindow)
        {
            bool collapse = true;
            for (int j = t - CollapseWindow + 1; j <= t; j++) collapse &= dE[j] < 0;
            if (collapse) return true;
        }
        if (t >= RegressionWindow)
        {
            var recent = new double[StagnationWindow];
            Array.Copy(pNorm, t - StagnationWindow + 1, recent, 0, StagnationWindow);
            bool stagnation = recent.PopulationStandardDeviation() < StagnationInJudgeUnits * judgeUnit;
            int negative = 0;
            double sum = 0.0;
            for (int j = t - RegressionWindow + 1; j <= t; j++)
            {
                if (dE[j] < 0) negative++;
                sum += dE[j];
            }
            if (stagnation && negative >= RegressionCount && sum < -RegressionSumInJudgeUnits * judgeUnit) return true;
        }
        return false;
    }

    private static double Clamp100(double x) => x < 0 ? 0 : x > 100 ? 100 : x;
}
