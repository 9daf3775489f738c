using MathNet.Numerics;

namespace Clientele.Analytics.Tests.Lifetime;

/// <summary>
/// The BG/NBD expectations computed a second, independent way: not through ₂F₁ but by integrating the drop-out
/// probability p over its (posterior) Beta distribution numerically. An alive client with rate λ and drop-out p buys
/// (1/p)(1 − e^(−λpt)) times in the next t (FHL 2005 eq. 7); λ's Gamma(r', α') averages e^(−λpt) to (α'/(α'+pt))^r'.
/// </summary>
internal static class PosteriorIntegrals
{
    /// <summary>E over p ~ Beta(a, b) of (1/p)(1 − (α'/(α'+pt))^r'), by Simpson's rule after p = u^(1/a) removes the p^(a−1) singularity.</summary>
    public static double ExpectedPurchasesOfAliveClient(double shape, double rate, double a, double b, double t)
    {
        const int intervals = 200_000;
        var h = 1.0 / intervals;
        var sum = 0.0;
        for (var i = 0; i <= intervals; i++)
        {
            var u = i * h;
            var weight = i == 0 || i == intervals ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * Integrand(u);
        }
        // p^(a−1) dp = du/a, so the Beta density leaves (1−p)^(b−1)/(a·B(a, b)).
        return sum * h / 3 / a / Math.Exp(SpecialFunctions.BetaLn(a, b));

        double Integrand(double u)
        {
            var p = Math.Pow(u, 1 / a);
            var purchases = p < 1e-12 ? shape * t / rate : (1 - Math.Pow(rate / (rate + p * t), shape)) / p;
            return purchases * Math.Pow(1 - p, b - 1);
        }
    }

    /// <summary>P(alive) from the two likelihood pieces written with Beta and Gamma functions as in FHL 2005 eq. (6).</summary>
    public static double ProbabilityAlive(double r, double alpha, double a, double b, double x, double tx, double t)
    {
        var common = SpecialFunctions.GammaLn(r + x) - SpecialFunctions.GammaLn(r) + r * Math.Log(alpha) - SpecialFunctions.BetaLn(a, b);
        var alive = Math.Exp(common + SpecialFunctions.BetaLn(a, b + x) - (r + x) * Math.Log(alpha + t));
        var dead = x > 0 ? Math.Exp(common + SpecialFunctions.BetaLn(a + 1, b + x - 1) - (r + x) * Math.Log(alpha + tx)) : 0;
        return alive / (alive + dead);
    }
}
