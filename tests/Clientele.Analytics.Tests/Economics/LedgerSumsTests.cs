using Clientele.Analytics.Economics;

namespace Clientele.Analytics.Tests.Economics;

public sealed class LedgerSumsTests
{
    private static readonly DateOnly Jan10 = new(2026, 1, 10), Feb3 = new(2026, 2, 3), Feb20 = new(2026, 2, 20), Mar5 = new(2026, 3, 5);

    private static LedgerSums Of(params LedgerPurchase[] purchases)
    {
        var sums = default(LedgerSums);
        foreach (var p in purchases) sums.Add(p);
        return sums;
    }

    [Fact]
    public void Figures_as_of_a_day_are_the_running_totals_less_the_later_months_plus_the_days_month_up_to_the_day()
    {
        // Purchases (paid, goods, discount, bonus, kickback): Jan 10 100/60/10/0/0, Feb 3 50/20/0/5/0, Feb 20 80/30/0/0/8, Mar 5 40/10/0/0/0.
        LedgerPurchase a = new(Jan10, 100m, 60m, 10m, 0m, 0m), b = new(Feb3, 50m, 20m, 0m, 5m, 0m),
            c = new(Feb20, 80m, 30m, 0m, 0m, 8m), d = new(Mar5, 40m, 10m, 0m, 0m, 0m);
        var running = Of(a, b, c, d);
        var february = Of(b, c);
        var march = Of(d);
        running.ServiceCost = 12m; // 7 in January, 5 in March
        march.ServiceCost = 5m;

        // As of Feb 10: take February and March off, add February up to the 10th (the purchase of Feb 3).
        var asOf = new DateOnly(2026, 2, 10);
        var lifetime = running;
        lifetime.Subtract(february);
        lifetime.Subtract(march);
        lifetime.Add(Of(b));
        var lookUp = lifetime.SettleDatesAsOf(asOf);

        // Revenue 100 + 50 = 150; goods 80; discount 10; bonus 5; service 7: contribution 150 − 80 − 5 − 0 − 7 = 58.
        Assert.Equal(new ClientFigures(150m, 80m, 10m, 5m, 0m, 7m, 0m), lifetime.ToFigures(0m));
        Assert.Equal(58m, lifetime.ContributionBeforeAcquisition);
        Assert.Equal(80m, lifetime.GrossMargin);             // 150 + 10 − 80
        Assert.Equal(2, lifetime.Purchases);
        Assert.Equal(Jan10, lifetime.FirstPurchase);
        // The running last purchase (Mar 5) lies after the day, and a sum cannot be taken back to an earlier date:
        // it is cleared, and found again among the months as of the day (January, and February up to the 10th).
        Assert.True(lookUp);
        Assert.Null(lifetime.LastPurchase);
        LedgerSums[] totals = [lifetime];
        ActivityRows.LastPurchaseFromMonths([new(0, 24_312, 100m, 50m, 40m, 1, Jan10), new(0, 24_313, 50m, 30m, 25m, 1, Feb3)], [true], totals);
        Assert.Equal(Feb3, totals[0].LastPurchase);
    }

    [Fact]
    public void A_last_purchase_after_the_day_is_cleared_to_be_looked_up_and_no_purchases_means_no_dates()
    {
        var running = Of(new(Jan10, 100m, 0m, 0m, 0m, 0m), new(Mar5, 40m, 0m, 0m, 0m, 0m));
        var lifetime = running;
        lifetime.Subtract(Of(new LedgerPurchase(Mar5, 40m, 0m, 0m, 0m, 0m)));
        Assert.True(lifetime.SettleDatesAsOf(new DateOnly(2026, 2, 28)));
        Assert.Null(lifetime.LastPurchase);
        Assert.Equal(Jan10, lifetime.FirstPurchase);
        Assert.Equal(1, lifetime.Purchases);

        var before = running;
        before.Subtract(running);
        Assert.False(before.SettleDatesAsOf(new DateOnly(2025, 12, 31)));
        Assert.Null(before.FirstPurchase);
        Assert.Null(before.LastPurchase);
        Assert.Equal(default(ClientFigures), before.ToFigures(0m));

        var current = running;
        Assert.False(current.SettleDatesAsOf(Mar5));
        Assert.Equal(Mar5, current.LastPurchase);
    }

    [Fact]
    public void A_ledger_month_sums_as_its_parts_do()
    {
        var months = Ledger.ByMonth([new(Jan10, 100m, 60m, 10m, 0m, 0m), new(Feb3, 50m, 20m, 0m, 5m, 0m)], [new(Feb20, 3m)]);
        Assert.Equal([24_312, 24_313], months.Select(m => m.Month));
        // February: 50 paid, goods 20, bonus 5, service 3 → contribution 22, charged 4 of acquisition → 18 net.
        Assert.Equal(22m, months[1].Sums.ContributionBeforeAcquisition);
        Assert.Equal(18m, months[1].ToFigures(4m).NetContribution);
        var total = Ledger.Total(months);
        Assert.Equal(new ClientFigures(150m, 80m, 10m, 5m, 0m, 3m, 0m), total.ToFigures(0m));
        Assert.Equal((Jan10, Feb3), (total.FirstPurchase, total.LastPurchase));
    }
}
