using Clientele.Analytics.Calendar;
using Clientele.Analytics.Structure;

namespace Clientele.Analytics.Tests.Structure;

/// <summary>Random client-month rows shaped like the aggregate table: sparse ids, gaps, refunds, duplicates, any order.</summary>
internal static class RandomBase
{
    public static readonly int FirstMonth = MonthIndex.Of(2022, 1);
    public static readonly int LastMonth = MonthIndex.Of(2025, 12);

    public static ClientMonth[] Rows(Random random, int clients, int rowsWanted)
    {
        // Ids spread over the whole int range, negatives included, so ordering by id is really tested.
        var ids = Enumerable.Range(0, clients).Select(_ => random.Next(int.MinValue, int.MaxValue)).Distinct().ToArray();
        var span = LastMonth - FirstMonth + 1;
        var rows = new ClientMonth[rowsWanted];
        for (var i = 0; i < rows.Length; i++)
        {
            // Clients start at different months and buy near it more often, so cohorts and churn both show.
            var client = random.Next(ids.Length);
            var start = client % span;
            var month = FirstMonth + Math.Min(span - 1, start + (int)(random.NextDouble() * random.NextDouble() * span));
            var refund = random.Next(20) == 0;
            rows[i] = new ClientMonth(ids[client], month, refund ? -random.Next(1, 50) : random.Next(1, 500), refund ? 0 : random.Next(1, 4));
        }
        return rows;
    }

    public static ClientMonth[] Sorted(ClientMonth[] rows) => [.. rows.OrderBy(r => r.Client).ThenBy(r => r.Month)];
}

/// <summary>The definitions, written as plainly as possible, to check the fast code against.</summary>
internal static class Naive
{
    public static RetentionPeriod[] Monthly(ClientMonth[] rows, int from, int to, int window)
    {
        var clients = MonthsBought(rows).Values;
        return [.. Enumerable.Range(from, to - from + 1).Select(m => Period(clients, m, m, window))];
    }

    public static RetentionPeriod[] Yearly(ClientMonth[] rows, int fromYear, int toYear, int window)
    {
        var clients = MonthsBought(rows).Values;
        return [.. Enumerable.Range(fromYear, toYear - fromYear + 1).Select(y => Period(clients, MonthIndex.Of(y, 1), MonthIndex.Of(y, 12), window))];
    }

    public static Dictionary<int, int[]> MonthsBought(ClientMonth[] rows) => rows.Where(r => r.Purchases > 0)
        .GroupBy(r => r.Client).ToDictionary(g => g.Key, g => g.Select(r => r.Month).Distinct().Order().ToArray());

    private static RetentionPeriod Period(IEnumerable<int[]> clients, int start, int end, int window)
    {
        var length = end - start + 1;
        bool InBase(int[] months, int m) => months[0] <= m && months.Any(p => p <= m && p > m - window);
        bool Bought(int[] months, int a, int b) => months.Any(p => p >= a && p <= b);
        var atStart = clients.Count(c => InBase(c, start - 1));
        var atEnd = clients.Count(c => InBase(c, end));
        var fresh = clients.Count(c => c[0] >= start && c[0] <= end);
        var previous = clients.Count(c => Bought(c, start - length, start - 1));
        var both = clients.Count(c => Bought(c, start - length, start - 1) && Bought(c, start, end));
        double? rate = atStart == 0 ? null : (double)(atEnd - fresh) / atStart;
        return new RetentionPeriod(start, end, atStart, atEnd, fresh, rate, 1 - rate, both, previous,
            previous == 0 ? null : (double)both / previous);
    }
}
