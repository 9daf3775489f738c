namespace Clientele.Analytics.Economics;

/// <summary>One client's sums for one month before its acquisition cost is charged; <see cref="Client"/> is an index into the base.</summary>
public readonly record struct MonthSums(int Client, int Month, decimal Revenue, decimal GrossMargin, decimal ContributionBeforeAcquisition, int Purchases, DateOnly? LastPurchase);

/// <summary>One client's figures for one month, its acquisition cost charged to the month it was won; <see cref="Client"/> is an index into the base.</summary>
public readonly record struct ClientMonthRow(int Client, int Month, decimal Revenue, decimal GrossMargin, decimal Contribution, int Purchases);

/// <summary>The month rows of a base: ordered by client then month, and with each client's acquisition cost in the month it was won.</summary>
public static class ActivityRows
{
    /// <summary>The rows ordered by client, then month: a counting sort by client, then the few months of each client in place.</summary>
    /// <param name="clients">Clients in the base; every row's client is below it.</param>
    public static MonthSums[] ByClientThenMonth(ReadOnlySpan<MonthSums> rows, int clients)
    {
        var start = new int[clients + 1];
        foreach (var row in rows) start[row.Client + 1]++;
        for (var i = 0; i < clients; i++) start[i + 1] += start[i];
        var next = (int[])start.Clone();
        var sorted = new MonthSums[rows.Length];
        foreach (var row in rows) sorted[next[row.Client]++] = row;
        for (var i = 0; i < clients; i++)
            for (var k = start[i] + 1; k < start[i + 1]; k++)
            {
                var row = sorted[k];
                var j = k - 1;
                for (; j >= start[i] && sorted[j].Month > row.Month; j--) sorted[j + 1] = sorted[j];
                sorted[j + 1] = row;
            }
        return sorted;
    }

    /// <summary>
    /// A month's contribution = its contribution before acquisition, less the client's acquisition cost in the month
    /// it was won (so the months of a client add up to its lifetime net contribution when the window covers them all).
    /// </summary>
    public static ClientMonthRow[] WithAcquisition(ReadOnlySpan<MonthSums> months, ReadOnlySpan<int> acquisitionMonth, ReadOnlySpan<decimal> acquisitionCost)
    {
        var rows = new ClientMonthRow[months.Length];
        for (var k = 0; k < months.Length; k++)
        {
            var m = months[k];
            var acquired = acquisitionMonth[m.Client] == m.Month ? acquisitionCost[m.Client] : 0;
            rows[k] = new ClientMonthRow(m.Client, m.Month, m.Revenue, m.GrossMargin, m.ContributionBeforeAcquisition - acquired, m.Purchases);
        }
        return rows;
    }

    /// <summary>
    /// For each client marked stale (its last purchase lay after the day and was cleared), the latest last purchase of
    /// its months that had purchases; clients without such a month keep none, to be looked up further back.
    /// </summary>
    public static void LastPurchaseFromMonths(ReadOnlySpan<MonthSums> months, ReadOnlySpan<bool> stale, Span<LedgerSums> totals)
    {
        foreach (var row in months)
            if (stale[row.Client] && row.Purchases > 0 && row.LastPurchase is { } last && (totals[row.Client].LastPurchase is null || last > totals[row.Client].LastPurchase))
                totals[row.Client].LastPurchase = last;
    }
}
