namespace ScenarioDsl.Runtime.Randomness;

/// <summary>
/// A natural logarithm built only from IEEE-754 +, -, *, / (each correctly rounded everywhere), so
/// its result is the same on every machine and .NET version. <see cref="Math.Log(double)"/> calls the
/// platform's C library, whose last bit may differ between Windows, Linux, macOS and CPUs.
/// Accuracy: within a few ulps of the true value, which is all the normal transform needs.
/// </summary>
public static class DeterministicMath
{
    private const double Ln2Hi = 6.93147180369123816490e-01; // high bits of ln 2 (exact product with small ints)
    private const double Ln2Lo = 1.90821492927058770002e-10; // ln 2 - Ln2Hi
    private const double Sqrt2 = 1.4142135623730951;

    /// <summary>ln(x) for finite x &gt; 0; NaN for x &lt;= 0 or NaN, +Infinity for +Infinity.</summary>
    public static double Log(double x)
    {
        if (!(x > 0)) return x == 0 ? double.NegativeInfinity : double.NaN;
        if (double.IsPositiveInfinity(x)) return x;

        long bits = BitConverter.DoubleToInt64Bits(x);
        int exponent = (int)((bits >> 52) & 0x7FF);
        if (exponent == 0)
        {
            // Subnormal: scale into the normal range first (exact).
            x *= 4503599627370496.0; // 2^52
            bits = BitConverter.DoubleToInt64Bits(x);
            exponent = (int)((bits >> 52) & 0x7FF) - 52;
        }
        int e = exponent - 1023;
        // The mantissa m in [1, 2), then moved into [sqrt(2)/2, sqrt(2)).
        double m = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        if (m > Sqrt2)
        {
            m *= 0.5;
            e++;
        }

        // ln m = 2 atanh(f) = 2 (f + f^3/3 + f^5/5 + ...), |f| <= 0.1716: 11 terms reach 1e-18.
        double f = (m - 1.0) / (m + 1.0);
        double f2 = f * f;
        double series = 1.0 / 21.0;
        series = series * f2 + 1.0 / 19.0;
        series = series * f2 + 1.0 / 17.0;
        series = series * f2 + 1.0 / 15.0;
        series = series * f2 + 1.0 / 13.0;
        series = series * f2 + 1.0 / 11.0;
        series = series * f2 + 1.0 / 9.0;
        series = series * f2 + 1.0 / 7.0;
        series = series * f2 + 1.0 / 5.0;
        series = series * f2 + 1.0 / 3.0;
        double lnM = 2.0 * f + 2.0 * f * f2 * series;
        return e * Ln2Hi + (lnM + e * Ln2Lo);
    }
}
