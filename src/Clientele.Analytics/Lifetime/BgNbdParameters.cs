namespace Clientele.Analytics.Lifetime;

/// <summary>
/// BG/NBD (Fader, Hardie and Lee 2005, "Counting your customers the easy way"): while alive a client buys as a Poisson
/// process with rate λ ~ Gamma(r, α); after each purchase the client drops out with probability p ~ Beta(a, b).
/// Times are in the periods the model was fitted in.
/// </summary>
public sealed record BgNbdParameters(double R, double Alpha, double A, double B)
{
    /// <summary>P(alive | x, t_x, T); 1 for a client without repeat purchases (the model lets drop-out happen only after a purchase).</summary>
    public double ProbabilityAlive(double frequency, double recency, double t) => throw new NotImplementedException();

    /// <summary>E[X(t) | x, t_x, T]: expected purchases in the next <paramref name="periods"/> periods.</summary>
    public double ExpectedPurchases(double periods, double frequency, double recency, double t) => throw new NotImplementedException();

    /// <summary>E[X(t)]: expected purchases of a new client in its first <paramref name="periods"/> periods.</summary>
    public double ExpectedPurchasesOfNewClient(double periods) => throw new NotImplementedException();

    /// <summary>
    /// The age T at which P(alive) of a client with x repeat purchases, the last at t_x, falls to
    /// <paramref name="probability"/> if no purchase follows; +∞ when it never does (x = 0).
    /// </summary>
    public double AgeWhenAliveProbabilityFallsTo(double probability, double frequency, double recency) => throw new NotImplementedException();
}

/// <summary>A converged maximum-likelihood fit.</summary>
public sealed record BgNbdFit(BgNbdParameters Parameters, double LogLikelihood, int Clients, int DistinctRows, int Iterations);
