namespace Clientele.Analytics.Lifetime;

/// <summary>
/// Gamma-Gamma spend model (Fader, Hardie and Lee 2005, "RFM and CLV: using iso-value curves"): each purchase value
/// z ~ Gamma(p, ν), the client's ν ~ Gamma(q, γ). Fitted on repeat clients only (x &gt; 0, mean value &gt; 0).
/// </summary>
public sealed record GammaGammaParameters(double P, double Q, double Gamma)
{
    /// <summary>E[M | x, m_x]: the client's expected average purchase value (the population mean for x = 0).</summary>
    /// <remarks>
    /// (γ + x·m_x)·p / (p·x + q − 1): a weighted mean of the population mean γp/(q−1) and the client's own m_x, the
    /// client's weight growing with x. Where the posterior mean does not exist (p·x + q ≤ 1, e.g. q ≤ 1 for x = 0) it is +∞.
    /// </remarks>
    public double ExpectedAverageValue(double frequency, double monetaryValue)
    {
        if (!(frequency >= 0) || !double.IsFinite(frequency))
            throw new ArgumentOutOfRangeException(nameof(frequency), $"Frequency must be a finite number ≥ 0 (got {frequency}).");
        if (!(monetaryValue >= 0) || !double.IsFinite(monetaryValue))
            throw new ArgumentOutOfRangeException(nameof(monetaryValue), $"Monetary value must be a finite number ≥ 0 (got {monetaryValue}).");
        var x = frequency;
        var denominator = P * x + Q - 1;
        if (denominator <= 0)
            return double.PositiveInfinity;
        return (Gamma + x * (x == 0 ? 0 : monetaryValue)) * P / denominator;
    }

    /// <summary>The population mean purchase value γp/(q−1); +∞ for q ≤ 1.</summary>
    public double MeanValue => Q > 1 ? Gamma * P / (Q - 1) : double.PositiveInfinity;
}

/// <summary>
/// A converged fit, with the Pearson correlation between frequency and mean value on the clients fitted: the model
/// assumes they are independent, so a large |correlation| (say above 0.3) says its values are not to be trusted.
/// </summary>
public sealed record GammaGammaFit(GammaGammaParameters Parameters, double LogLikelihood, int Clients, double FrequencyValueCorrelation, int Iterations);
