namespace Clientele.Analytics.Lifetime;

/// <summary>Maximum-likelihood fits of the lifetime models.</summary>
public static class BgNbd
{
    public static BgNbdFit Fit(ReadOnlySpan<LifetimeSummary> clients) => throw new NotImplementedException();
}

public static class GammaGamma
{
    public static GammaGammaFit Fit(ReadOnlySpan<LifetimeSummary> clients) => throw new NotImplementedException();
}

/// <summary>What a CLV covers: the horizon, the annual discount rate and the length of one model period in days.</summary>
public sealed record ClvTerms(int HorizonMonths = 12, double AnnualDiscountRate = 0.10, double PeriodDays = 7);

public static class LifetimeValue
{
    /// <summary>
    /// Expected discounted margin over the horizon: month by month, the expected purchases in that month (BG/NBD,
    /// conditional on the history) × the expected average value × the margin rate, discounted to today.
    /// </summary>
    public static double Clv(BgNbdParameters model, LifetimeSummary client, double expectedAverageValue, double marginRate, ClvTerms terms) =>
        throw new NotImplementedException();
}
