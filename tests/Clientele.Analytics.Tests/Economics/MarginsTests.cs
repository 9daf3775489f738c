using Clientele.Analytics.Economics;

namespace Clientele.Analytics.Tests.Economics;

public sealed class MarginsTests
{
    [Fact]
    public void Hand_computed_margins_agree_in_decimals_and_in_minor_units()
    {
        // Paid 900 after a discount of 100, goods 600, bonus 20, kickback 30, service 50.
        Assert.Equal(400m, Margins.Gross(900m, 100m, 600m));                              // 900 + 100 − 600
        Assert.Equal(150m, Margins.Concessions(100m, 20m, 30m));                          // 100 + 20 + 30
        Assert.Equal(200m, Margins.BeforeAcquisition(900m, 600m, 100m, 20m, 30m, 50m));   // 400 − 150 − 50 = 900 − 600 − 20 − 30 − 50
        Assert.Equal(300m, Margins.OnPricePaid(900m, 600m));                              // 400 − the discount 100
        // The same in cents, as the analytics loader reads them.
        Assert.Equal(40_000L, Margins.Gross(90_000L, 10_000L, 60_000L));
        Assert.Equal(20_000L, Margins.BeforeAcquisition(90_000L, 60_000L, 10_000L, 2_000L, 3_000L, 5_000L));
    }

    [Fact]
    public void A_purchase_earns_its_margin_less_concessions()
    {
        // 90 paid after 10 off, goods 50, bonus 4, kickback 6: 90 − 50 − 4 − 6 = 30 (the discount is out of revenue already).
        var p = new LedgerPurchase(new DateOnly(2026, 1, 5), 90m, 50m, 10m, 4m, 6m);
        Assert.Equal(30m, p.MarginLessConcessions);
    }

    [Fact]
    public void A_line_carries_the_discount_in_proportion_to_its_amount()
    {
        // Lines 300 and 100 of a 400 purchase with 40 off: 300 − 40 × 300/400 = 270 and 100 − 10 = 90, together 360.
        Assert.Equal(270m, Margins.LineRevenue(300m, 400m, 40m));
        Assert.Equal(90m, Margins.LineRevenue(100m, 400m, 40m));
        Assert.Equal(0m, Margins.LineRevenue(0m, 0m, 5m));
    }

    [Fact]
    public void Decimal_and_minor_unit_results_are_the_same_amounts()
    {
        var random = new Random(5);
        for (var run = 0; run < 500; run++)
        {
            var cents = Enumerable.Range(0, 6).Select(_ => (long)random.Next(-1_000_000, 1_000_000)).ToArray();
            var money = cents.Select(c => c / 100m).ToArray();
            Assert.Equal(Margins.BeforeAcquisition(cents[0], cents[1], cents[2], cents[3], cents[4], cents[5]) / 100m,
                Margins.BeforeAcquisition(money[0], money[1], money[2], money[3], money[4], money[5]));
            Assert.Equal(Margins.Gross(cents[0], cents[1], cents[2]) / 100m, Margins.Gross(money[0], money[1], money[2]));
        }
    }
}
