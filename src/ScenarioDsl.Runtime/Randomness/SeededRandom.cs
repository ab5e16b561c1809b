using MathNet.Numerics.Random;

namespace ScenarioDsl.Runtime.Randomness;

/// <summary>
/// The run's random number generator (docs/runtime.md, "Randomness"):
/// MathNet.Numerics <see cref="Xoshiro256StarStar"/> seeded with the run's seed. MathNet's seeding is
/// platform-independent: the <c>int</c> seed is sign-extended to a <c>ulong</c> and four SplitMix64
/// outputs become the four state words; a uniform double is <c>(next &gt;&gt; 11) * 2^-53</c> in [0, 1).
/// Normal draws use the Marsaglia polar method with <see cref="DeterministicMath.Log"/>: bit-identical
/// on every platform.
/// </summary>
public sealed class SeededRandom
{
    private readonly Xoshiro256StarStar _source;

    public SeededRandom(int seed)
    {
        Seed = seed;
        _source = new Xoshiro256StarStar(seed, threadSafe: false);
    }

    public int Seed { get; }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => _source.NextDouble();

    /// <summary>
    /// A standard normal draw, Marsaglia polar method: repeat { a = 2 U1 - 1; b = 2 U2 - 1; s = a*a + b*b }
    /// until 0 &lt; s &lt; 1; return <c>a * sqrt(-2 ln(s) / s)</c>. The second value (<c>b * ...</c>) is
    /// discarded, so every call is independent of the previous one.
    /// </summary>
    public double NextStandardNormal()
    {
        while (true)
        {
            double a = 2.0 * _source.NextDouble() - 1.0;
            double b = 2.0 * _source.NextDouble() - 1.0;
            double s = a * a + b * b;
            if (s > 0.0 && s < 1.0)
                return a * Math.Sqrt(-2.0 * DeterministicMath.Log(s) / s);
        }
    }

    /// <summary>A uniform integer in [0, maxExclusive).</summary>
    public int NextInt(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(_source.NextDouble() * maxExclusive);
}
