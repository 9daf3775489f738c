using Clientele.Analytics.Economics;

namespace Clientele.Analytics.Tests.Economics;

public sealed class ActivityRowsTests
{
    private static MonthSums Row(int client, int month, decimal contribution, int purchases = 1, DateOnly? last = null) =>
        new(client, month, 10m * month, 2m * month, contribution, purchases, last);

    [Fact]
    public void Rows_come_out_by_client_then_month()
    {
        MonthSums[] rows = [Row(2, 5, 1m), Row(0, 7, 2m), Row(2, 3, 3m), Row(0, 6, 4m), Row(0, 8, 5m)];
        var sorted = ActivityRows.ByClientThenMonth(rows, 3);
        Assert.Equal([(0, 6), (0, 7), (0, 8), (2, 3), (2, 5)], sorted.Select(r => (r.Client, r.Month)));
        Assert.Equal([4m, 2m, 5m, 3m, 1m], sorted.Select(r => r.ContributionBeforeAcquisition));
    }

    [Fact]
    public void The_acquisition_cost_is_charged_to_the_month_the_client_was_won()
    {
        // Client 0 won in month 4 for 30: its month 4 earns 50 − 30 = 20, month 5 keeps its 40.
        // Client 1 won in month 2 (before the rows) for 100: none of its rows carries the cost.
        MonthSums[] rows = [Row(0, 4, 50m), Row(0, 5, 40m), Row(1, 4, 7m)];
        var result = ActivityRows.WithAcquisition(rows, [4, 2], [30m, 100m]);
        Assert.Equal([20m, 40m, 7m], result.Select(r => r.Contribution));
        Assert.Equal(new ClientMonthRow(0, 4, 40m, 8m, 20m, 1), result[0]);
    }

    [Fact]
    public void A_stale_last_purchase_is_the_latest_month_with_purchases()
    {
        DateOnly d1 = new(2026, 1, 9), d2 = new(2026, 2, 14), d3 = new(2026, 3, 1);
        // Client 0 is stale: its months bought on d1 and d2; a month with only costs (no purchases) does not count.
        // Client 1 is not stale and keeps its own date; client 2 is stale with no months: left to be looked up.
        MonthSums[] rows = [Row(0, 1, 0m, 1, d1), Row(0, 2, 0m, 1, d2), Row(0, 3, 0m, 0, d3), Row(1, 1, 0m, 1, d1)];
        var totals = new LedgerSums[3];
        totals[1].LastPurchase = d3;
        ActivityRows.LastPurchaseFromMonths(rows, [true, false, true], totals);
        Assert.Equal([d2, d3, null], totals.Select(t => t.LastPurchase));
    }
}
