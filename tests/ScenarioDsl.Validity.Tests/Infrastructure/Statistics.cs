using MathNet.Numerics.Random;

namespace ScenarioDsl.Validity.Tests.Infrastructure;

/// <summary>Means and percentile bootstrap confidence intervals with a fixed bootstrap seed.</summary>
internal static class Stats
{
    /// <summary>The bootstrap's fixed seed (MathNet Xoshiro256StarStar), so the intervals in docs/validity.md reproduce.</summary>
    public const int BootstrapSeed = 20261123;

    public const int Resamples = 2000;

    public static double Mean(IReadOnlyList<double> x) => x.Count == 0 ? double.NaN : x.Sum() / x.Count;

    /// <summary>95% percentile bootstrap interval of the mean of <paramref name="x"/>.</summary>
    public static (double Low, double High) MeanCi(IReadOnlyList<double> x) => PairedDifferenceCi(x, null);

    /// <summary>
    /// 95% percentile bootstrap interval of mean(a - b) over paired observations (the same seeds),
    /// or of mean(a) when <paramref name="b"/> is null. Resamples the pairs with replacement.
    /// </summary>
    public static (double Low, double High) PairedDifferenceCi(IReadOnlyList<double> a, IReadOnlyList<double>? b)
    {
        if (b is not null && b.Count != a.Count) throw new ArgumentException("Paired samples differ in length.");
        int n = a.Count;
        var diff = new double[n];
        for (int i = 0; i < n; i++) diff[i] = b is null ? a[i] : a[i] - b[i];
        var random = new Xoshiro256StarStar(BootstrapSeed, threadSafe: false);
        var means = new double[Resamples];
        for (int r = 0; r < Resamples; r++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += diff[random.Next(n)];
            means[r] = sum / n;
        }
        Array.Sort(means);
        return (means[(int)Math.Floor(0.025 * (Resamples - 1))], means[(int)Math.Ceiling(0.975 * (Resamples - 1))]);
    }
}
