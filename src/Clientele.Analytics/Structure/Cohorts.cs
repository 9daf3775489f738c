namespace Clientele.Analytics.Structure;

/// <summary>Clients whose first purchase was in <see cref="Month"/>, followed month by month.</summary>
/// <param name="Size">Clients in the cohort.</param>
/// <param name="ActiveShare">[k]: share of the cohort that bought in month <see cref="Month"/> + k; [0] is 1.</param>
/// <param name="Revenue">[k]: the cohort's revenue in month <see cref="Month"/> + k, refunds included.</param>
public sealed record CohortRow(int Month, int Size, double[] ActiveShare, decimal[] Revenue);

public static class Cohorts
{
    /// <summary>
    /// Cohorts by the month of the first purchase, for first months from <paramref name="fromMonth"/> to
    /// <paramref name="asOfMonth"/>, each followed up to <paramref name="asOfMonth"/> (so the table is a triangle).
    /// A month in which nobody bought for the first time has no row, rather than a row of zeros that would read as a
    /// cohort that all left. Revenue before a client's first purchase (a stray refund) belongs to no cohort month.
    /// </summary>
    public static CohortRow[] ByFirstPurchase(ReadOnlySpan<ClientMonth> rows, int fromMonth, int asOfMonth)
    {
        if (asOfMonth < fromMonth) throw new ArgumentException("The range of months is empty.", nameof(asOfMonth));
        var months = asOfMonth - fromMonth + 1;
        var sizes = new int[months];
        var active = new int[months][];
        var revenue = new decimal[months][];

        var sorted = new ByClientAndMonth(rows, withRevenue: true);
        for (var i = 0; i < sorted.Length;)
        {
            var groupStart = i;
            var client = sorted.Client(i);
            var first = int.MaxValue;
            for (; i < sorted.Length && sorted.Client(i) == client; i++)
                if (sorted.Bought(i) && sorted.Month(i) < first) first = sorted.Month(i);
            if (first < fromMonth || first > asOfMonth) continue;

            var cohort = first - fromMonth;
            sizes[cohort]++;
            active[cohort] ??= new int[asOfMonth - first + 1];
            revenue[cohort] ??= new decimal[asOfMonth - first + 1];
            var lastActive = -1;
            for (var j = groupStart; j < i; j++)
            {
                var month = sorted.Month(j);
                if (month < first || month > asOfMonth) continue;
                revenue[cohort][month - first] += sorted.Revenue(j);
                if (!sorted.Bought(j) || month == lastActive) continue;
                active[cohort][month - first]++;
                lastActive = month;
            }
        }

        var result = new List<CohortRow>(months);
        for (var c = 0; c < months; c++)
        {
            if (sizes[c] == 0) continue;
            var share = new double[active[c].Length];
            for (var k = 0; k < share.Length; k++) share[k] = (double)active[c][k] / sizes[c];
            result.Add(new CohortRow(fromMonth + c, sizes[c], share, revenue[c]));
        }
        return [.. result];
    }
}
