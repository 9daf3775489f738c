namespace Clientele.Analytics.Lifetime;

/// <summary>
/// Gamma-Gamma spend model (Fader, Hardie and Lee 2005, "RFM and CLV: using iso-value curves"): each purchase value
/// z ~ Gamma(p, ν), the client's ν ~ Gamma(q, γ). Fitted on repeat clients only (x &gt; 0, mean value &gt; 0).
/// </summary>
public sealed record GammaGammaParameters(double P, double Q, double Gamma)
{
    /// <summary>E[M | x, m_x]: the client's expected average purchase value (the population mean for x = 0).</summary>
    public double ExpectedAverageValue(double frequency, double monetaryValue) => throw new NotImplementedException();
}

/// <summary>
/// A converged fit, with the Pearson correlation between frequency and mean value on the clients fitted: the model
/// assumes they are independent, so a large |correlation| (say above 0.3) says its values are not to be trusted.
/// </summary>
public sealed record GammaGammaFit(GammaGammaParameters Parameters, double LogLikelihood, int Clients, double FrequencyValueCorrelation, int Iterations);
