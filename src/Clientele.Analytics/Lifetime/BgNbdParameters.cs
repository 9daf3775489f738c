namespace Clientele.Analytics.Lifetime;

/// <summary>
/// BG/NBD (Fader, Hardie and Lee 2005, "Counting your customers the easy way"): while alive a client buys as a Poisson
/// process with rate λ ~ Gamma(r, α); after each purchase the client drops out with probability p ~ Beta(a, b).
/// Times are in the periods the model was fitted in.
/// </summary>
public sealed record BgNbdParameters(double R, double Alpha, double A, double B)
{
    /// <summary>P(alive | x, t_x, T); 1 for a client without repeat purchases (the model lets drop-out happen only after a purchase).</summary>
    public double ProbabilityAlive(double frequency, double recency, double t)
    {
        Check(frequency, recency, t);
        return frequency == 0 ? 1.0 : 1.0 / (1.0 + DropOutOdds(frequency, recency, t));
    }

    /// <summary>E[X(t) | x, t_x, T]: expected purchases in the next <paramref name="periods"/> periods.</summary>
    public double ExpectedPurchases(double periods, double frequency, double recency, double t)
    {
        Check(frequency, recency, t);
        CheckPeriods(periods);
        if (periods == 0)
            return 0;
        // FHL 2005 eq. (10): (a+b+x−1)/(a−1)·[1 − ((α+T)/(α+T+t))^(r+x)·₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] / (1 + δ(x>0)·odds).
        var x = frequency;
        var alive = x == 0 ? 1.0 : 1.0 / (1.0 + DropOutOdds(x, recency, t));
        return alive * AroundAEqualsOne(a =>
        {
            var horizon = Alpha + t + periods;
            var z = periods / horizon;
            var lead = Math.Exp((R + x) * Math.Log((Alpha + t) / horizon));
            return (a + B + x - 1) / (a - 1) * (1 - lead * Hypergeometric.Gauss2F1(R + x, B + x, a + B + x - 1, z));
        });
    }

    /// <summary>E[X(t)]: expected purchases of a new client in its first <paramref name="periods"/> periods.</summary>
    public double ExpectedPurchasesOfNewClient(double periods)
    {
        CheckPeriods(periods);
        if (periods == 0)
            return 0;
        // FHL 2005 eq. (9): (a+b−1)/(a−1)·[1 − (α/(α+t))^r·₂F₁(r, b; a+b−1; t/(α+t))].
        return AroundAEqualsOne(a =>
        {
            var z = periods / (Alpha + periods);
            var lead = Math.Exp(R * Math.Log(Alpha / (Alpha + periods)));
            return (a + B - 1) / (a - 1) * (1 - lead * Hypergeometric.Gauss2F1(R, B, a + B - 1, z));
        });
    }

    /// <summary>
    /// The age T at which P(alive) of a client with x repeat purchases, the last at t_x, falls to
    /// <paramref name="probability"/> if no purchase follows; +∞ when it never does (x = 0).
    /// When P(alive) is already below the probability right at the last purchase, that is the answer: t_x.
    /// </summary>
    public double AgeWhenAliveProbabilityFallsTo(double probability, double frequency, double recency)
    {
        if (!(probability > 0 && probability < 1))
            throw new ArgumentOutOfRangeException(nameof(probability), $"A probability strictly between 0 and 1 is needed (got {probability}).");
        Check(frequency, recency, recency);
        if (frequency == 0)
            return double.PositiveInfinity;
        // P(alive) = θ ⇔ ((α+T)/(α+t_x))^(r+x) = (1/θ − 1)(b+x−1)/a.
        var x = frequency;
        var logRatio = Math.Log((1 / probability - 1) * (B + x - 1) / A) / (R + x);
        return Math.Max(recency, (Alpha + recency) * Math.Exp(logRatio) - Alpha);
    }

    /// <summary>a/(b+x−1)·((α+T)/(α+t_x))^(r+x), the odds of having dropped out after the last purchase (x &gt; 0).</summary>
    private double DropOutOdds(double x, double recency, double t) =>
        Math.Exp(Math.Log(A / (B + x - 1)) + (R + x) * Math.Log((Alpha + t) / (Alpha + recency)));

    /// <summary>
    /// The expectations divide by a − 1; they are continuous there, so at a ≈ 1 the mean of the values just either side
    /// stands in for the removable singularity.
    /// </summary>
    private double AroundAEqualsOne(Func<double, double> expectation)
    {
        const double step = 1e-4;
        return Math.Abs(A - 1) > step ? expectation(A) : (expectation(1 - step) + expectation(1 + step)) / 2;
    }

    private static void Check(double frequency, double recency, double t)
    {
        if (!(frequency >= 0) || !double.IsFinite(frequency))
            throw new ArgumentOutOfRangeException(nameof(frequency), $"Frequency must be a finite number ≥ 0 (got {frequency}).");
        if (!(recency >= 0 && recency <= t) || !double.IsFinite(t))
            throw new ArgumentOutOfRangeException(nameof(recency), $"Need 0 ≤ recency ≤ T (got recency {recency}, T {t}).");
    }

    private static void CheckPeriods(double periods)
    {
        if (!(periods >= 0) || !double.IsFinite(periods))
            throw new ArgumentOutOfRangeException(nameof(periods), $"Periods must be a finite number ≥ 0 (got {periods}).");
    }
}

/// <summary>A converged maximum-likelihood fit.</summary>
public sealed record BgNbdFit(BgNbdParameters Parameters, double LogLikelihood, int Clients, int DistinctRows, int Iterations);
