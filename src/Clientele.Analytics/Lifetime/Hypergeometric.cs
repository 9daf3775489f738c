namespace Clientele.Analytics.Lifetime;

/// <summary>The Gauss hypergeometric function ₂F₁ as the lifetime models need it: positive a, b, c and 0 ≤ z &lt; 1.</summary>
public static class Hypergeometric
{
    /// <summary>Enough for z up to about 0.9999; beyond that a horizon is ten thousand times the client's age.</summary>
    private const int MaxTerms = 2_000_000;

    /// <summary>
    /// ₂F₁(a, b; c; z) by its power series. With positive parameters and 0 ≤ z &lt; 1 every term is positive, so the sum
    /// has no cancellation; it is summed until a term no longer changes it, and the tail beyond is bounded by the
    /// geometric series of the term ratio. A series that has not converged after <see cref="MaxTerms"/> terms or that
    /// overflows throws instead of returning a wrong number.
    /// </summary>
    public static double Gauss2F1(double a, double b, double c, double z)
    {
        if (!(a > 0 && b > 0 && c > 0) || !double.IsFinite(a + b + c))
            throw new ArgumentOutOfRangeException(nameof(a), $"2F1 needs finite positive a, b, c (got {a}, {b}, {c}).");
        if (!(z >= 0 && z < 1))
            throw new ArgumentOutOfRangeException(nameof(z), $"2F1 is summed here only for 0 ≤ z < 1 (got {z}).");

        var sum = 1.0;
        var term = 1.0;
        for (var n = 0; n < MaxTerms; n++)
        {
            var ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            term *= ratio;
            sum += term;
            if (!double.IsFinite(sum))
                throw new ArithmeticException($"2F1({a}, {b}; {c}; {z}) overflows a double.");
            // The term ratio tends to z monotonically in the long run, so with q = max(ratio, z) < 1 the tail is at most
            // term·q/(1−q): stop when that cannot change the sum.
            var bound = Math.Max(ratio, z);
            if (bound < 1 && term * bound / (1 - bound) <= sum * 1e-15)
                return sum;
        }
        throw new ArithmeticException($"2F1({a}, {b}; {c}; {z}) did not converge in {MaxTerms} terms (z too close to 1).");
    }
}
