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
    /// <remarks>
    /// A month is 365.25/12 days; month m (1-based) is discounted by (1 + annual rate)^(−m/12), as if its purchases fell
    /// at its end.
    /// </remarks>
    public static double Clv(BgNbdParameters model, LifetimeSummary client, double expectedAverageValue, double marginRate, ClvTerms terms)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.HorizonMonths < 0)
            throw new ArgumentOutOfRangeException(nameof(terms), $"The horizon must be ≥ 0 months (got {terms.HorizonMonths}).");
        if (!(terms.PeriodDays > 0) || !double.IsFinite(terms.PeriodDays))
            throw new ArgumentOutOfRangeException(nameof(terms), $"A period must last a positive number of days (got {terms.PeriodDays}).");
        if (!(terms.AnnualDiscountRate > -1) || !double.IsFinite(terms.AnnualDiscountRate))
            throw new ArgumentOutOfRangeException(nameof(terms), $"The annual discount rate must be above −100% (got {terms.AnnualDiscountRate}).");
        if (!double.IsFinite(expectedAverageValue) || !double.IsFinite(marginRate))
            throw new ArgumentOutOfRangeException(nameof(expectedAverageValue), "The average value and the margin rate must be finite.");

        var periodsPerMonth = DaysPerMonth / terms.PeriodDays;
        var value = 0.0;
        var purchasesSoFar = 0.0;
        for (var month = 1; month <= terms.HorizonMonths; month++)
        {
            var purchasesByMonthEnd = model.ExpectedPurchases(month * periodsPerMonth, client.Frequency, client.Recency, client.T);
            var discount = Math.Pow(1 + terms.AnnualDiscountRate, -month / 12.0);
            value += (purchasesByMonthEnd - purchasesSoFar) * expectedAverageValue * marginRate * discount;
            purchasesSoFar = purchasesByMonthEnd;
        }
        return value;
    }

    /// <summary>Days in an average Gregorian month.</summary>
    public const double DaysPerMonth = 365.25 / 12;
}
