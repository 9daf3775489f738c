namespace Clientele.Analytics.Structure;

/// <summary>Retention over one period of months [<see cref="Start"/>..<see cref="End"/>] (month indexes).</summary>
/// <param name="AtStart">Clients in the base at the end of the month before <see cref="Start"/>.</param>
/// <param name="AtEnd">Clients in the base at the end of <see cref="End"/>.</param>
/// <param name="New">Clients whose first purchase falls in the period.</param>
/// <param name="Rate">(AtEnd − New) / AtStart; null when AtStart is 0. Clients who come back after dropping out of the
/// base count as kept, so it can exceed 1.</param>
/// <param name="ChurnRate">1 − <see cref="Rate"/>.</param>
/// <param name="ActiveBoth">Clients who bought both in the previous period of the same length and in this one.</param>
/// <param name="ActivePrevious">Clients who bought in the previous period of the same length.</param>
/// <param name="ActiveBothRate">ActiveBoth / ActivePrevious; null when ActivePrevious is 0.</param>
public sealed record RetentionPeriod(int Start, int End, int AtStart, int AtEnd, int New, double? Rate, double? ChurnRate,
    int ActiveBoth, int ActivePrevious, double? ActiveBothRate);

/// <summary>
/// Customer retention from the months in which clients bought. A client is in the base at the end of month m when its
/// first purchase was in or before m and it bought within the <c>activeWindowMonths</c> months ending with m (with
/// 12, a client who last bought in March 2024 is in the base up to the end of February 2025). The base counts follow
/// from the standard formula (AtEnd − New) / AtStart; the "active in both periods" figures answer the simpler question
/// "of those who bought last period, how many bought again", which does not depend on the window.
/// </summary>
/// <remarks>
/// One pass over the rows in client-then-month order: O(rows) when they come so (the aggregate's key order — about
/// 0.15 s for ten million rows), O(rows log rows) otherwise (about 2 s).
/// </remarks>
public static class Retention
{
    /// <summary>One period per month from <paramref name="fromMonth"/> to <paramref name="toMonth"/>.</summary>
    public static RetentionPeriod[] Monthly(ReadOnlySpan<ClientMonth> rows, int fromMonth, int toMonth, int activeWindowMonths = 12) =>
        Compute(rows, fromMonth, toMonth, 1, activeWindowMonths);

    /// <summary>One period per calendar year; a year not yet over ends in its December all the same, so with the default
    /// window its AtEnd is the clients who bought in it so far.</summary>
    public static RetentionPeriod[] Yearly(ReadOnlySpan<ClientMonth> rows, int fromYear, int toYear, int activeWindowMonths = 12) =>
        Compute(rows, fromYear, toYear, 12, activeWindowMonths);

    /// <summary>Share of clients with two purchases or more among those with at least one; null when nobody bought.</summary>
    public static double? RepeatPurchaseRate(ReadOnlySpan<int> purchaseCounts)
    {
        int buyers = 0, repeat = 0;
        foreach (var count in purchaseCounts)
        {
            if (count >= 1) buyers++;
            if (count >= 2) repeat++;
        }
        return buyers == 0 ? null : (double)repeat / buyers;
    }

    /// <param name="length">Months per period: period p covers months p × length .. p × length + length − 1.</param>
    private static RetentionPeriod[] Compute(ReadOnlySpan<ClientMonth> rows, int firstPeriod, int lastPeriod, int length, int window)
    {
        if (lastPeriod < firstPeriod) throw new ArgumentException("The range of periods is empty.", nameof(lastPeriod));
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstPeriod, 1);
        var periods = lastPeriod - firstPeriod + 1;
        // Base counts are needed at the end of every month from the one before the first period to the last one.
        var firstMonth = firstPeriod * length - 1;
        var lastMonth = lastPeriod * length + length - 1;
        var baseChange = new int[lastMonth - firstMonth + 2];
        var newClients = new int[periods];
        var buyers = new int[periods + 1];  // [0] is the period before the first
        var both = new int[periods];

        var sorted = new ByClientAndMonth(rows, withRevenue: false);
        for (var i = 0; i < sorted.Length;)
        {
            var client = sorted.Client(i);
            int start = 0, end = 0, previousPeriod = 0;
            var seen = false;
            for (; i < sorted.Length && sorted.Client(i) == client; i++)
            {
                if (!sorted.Bought(i)) continue;
                var month = sorted.Month(i);
                var period = month / length;
                if (!seen)
                {
                    if (month > firstMonth && month <= lastMonth) newClients[period - firstPeriod]++;
                    if (period >= firstPeriod - 1 && period <= lastPeriod) buyers[period - firstPeriod + 1]++;
                    (start, end, previousPeriod, seen) = (month, month + window - 1, period, true);
                    continue;
                }
                // Each purchase keeps the client in the base for the window; overlapping stretches merge into one.
                if (month > end + 1)
                {
                    AddStretch(baseChange, firstMonth, lastMonth, start, end);
                    start = month;
                }
                end = month + window - 1;
                if (period == previousPeriod) continue;
                if (period >= firstPeriod - 1 && period <= lastPeriod) buyers[period - firstPeriod + 1]++;
                if (period == previousPeriod + 1 && period >= firstPeriod && period <= lastPeriod) both[period - firstPeriod]++;
                previousPeriod = period;
            }
            if (seen) AddStretch(baseChange, firstMonth, lastMonth, start, end);
        }

        var inBase = new int[lastMonth - firstMonth + 1];
        var running = 0;
        for (var m = 0; m < inBase.Length; m++) inBase[m] = running += baseChange[m];

        var result = new RetentionPeriod[periods];
        for (var p = 0; p < periods; p++)
        {
            var startMonth = (firstPeriod + p) * length;
            var endMonth = startMonth + length - 1;
            var atStart = inBase[startMonth - 1 - firstMonth];
            var atEnd = inBase[endMonth - firstMonth];
            double? rate = atStart == 0 ? null : (double)(atEnd - newClients[p]) / atStart;
            result[p] = new RetentionPeriod(startMonth, endMonth, atStart, atEnd, newClients[p], rate, 1 - rate,
                both[p], buyers[p], buyers[p] == 0 ? null : (double)both[p] / buyers[p]);
        }
        return result;
    }

    private static void AddStretch(int[] change, int firstMonth, int lastMonth, int start, int end)
    {
        start = Math.Max(start, firstMonth);
        end = Math.Min(end, lastMonth);
        if (start > end) return;
        change[start - firstMonth]++;
        change[end - firstMonth + 1]--;
    }
}
