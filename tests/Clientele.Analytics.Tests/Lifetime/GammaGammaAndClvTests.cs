using Clientele.Analytics.Lifetime;

namespace Clientele.Analytics.Tests.Lifetime;

public sealed class GammaGammaAndClvTests
{
    // The CDNOW spend estimates of FHL 2005 ("RFM and CLV").
    private static readonly GammaGammaParameters Spend = new(6.25, 3.74, 15.44);
    private static readonly BgNbdParameters Cdnow = new(0.243, 4.414, 0.793, 2.426);

    [Theory]
    [InlineData(1, 20.0)]
    [InlineData(2, 30.0)]
    [InlineData(10, 55.5)]
    public void Expected_average_value_is_the_credibility_weighted_mean(double x, double mean)
    {
        // Weight px/(px+q−1) on the client's own mean, the rest on the population mean γp/(q−1).
        var populationMean = 15.44 * 6.25 / 2.74;
        var ownWeight = 6.25 * x / (6.25 * x + 2.74);
        Assert.Equal(ownWeight * mean + (1 - ownWeight) * populationMean, Spend.ExpectedAverageValue(x, mean), 10);
    }

    [Fact]
    public void Without_repeat_purchases_the_expected_value_is_the_population_mean()
    {
        Assert.Equal(35.218978, Spend.ExpectedAverageValue(0, 0), 5);
        Assert.Equal(double.PositiveInfinity, (Spend with { Q = 0.9 }).ExpectedAverageValue(0, 0));
    }

    [Fact]
    public void Clv_is_month_by_month_expected_purchases_times_value_times_margin_discounted()
    {
        var client = new LifetimeSummary(2, 30.43, 38.86);
        var month = LifetimeValue.DaysPerMonth / 7;
        var first = Cdnow.ExpectedPurchases(month, 2, 30.43, 38.86);
        var second = Cdnow.ExpectedPurchases(2 * month, 2, 30.43, 38.86);
        var expected = (first * Math.Pow(1.1, -1 / 12.0) + (second - first) * Math.Pow(1.1, -2 / 12.0)) * 40 * 0.25;
        Assert.Equal(expected, LifetimeValue.Clv(Cdnow, client, 40, 0.25, new ClvTerms(2, 0.10, 7)), 10);
    }

    [Fact]
    public void Clv_without_discount_is_the_horizons_purchases_and_falls_with_the_rate()
    {
        var client = new LifetimeSummary(5, 40, 50);
        var year = 12 * LifetimeValue.DaysPerMonth / 7;
        var undiscounted = LifetimeValue.Clv(Cdnow, client, 100, 0.3, new ClvTerms(12, 0, 7));
        Assert.Equal(Cdnow.ExpectedPurchases(year, 5, 40, 50) * 100 * 0.3, undiscounted, 9);
        Assert.True(LifetimeValue.Clv(Cdnow, client, 100, 0.3, new ClvTerms(12, 0.2, 7)) < undiscounted);
        // Days as the period: the same months, 7 times as many periods, on a model in days (α scales with time).
        var inDays = Cdnow with { Alpha = Cdnow.Alpha * 7 };
        var dayClient = new LifetimeSummary(5, 280, 350);
        Assert.Equal(undiscounted, LifetimeValue.Clv(inDays, dayClient, 100, 0.3, new ClvTerms(12, 0, 1)), 9);
    }
}
