namespace Clientele.Analytics.Structure;

/// <summary>
/// The breadth of what clients buy, month by month (the "spiral staircase": a client brought step by step to more of the
/// assortment). At the end of each month, every client who has bought anything with a category by then is a buyer with
/// as many categories as it has bought so far; a buyer widened in a month when it bought a category new to it that month
/// after having bought another one before (a first purchase is not a widening).
/// </summary>
/// <param name="Month">A <c>MonthIndex</c>.</param>
/// <param name="Buyers">Clients with at least one category by the month's end.</param>
/// <param name="Categories">Their categories together; the average is <see cref="Categories"/> / <see cref="Buyers"/>.</param>
/// <param name="ByCount">Buyers with 1, 2, 3 and 4 or more categories.</param>
/// <param name="Widened">Buyers who added a category that month to one they had.</param>
public sealed record BreadthMonth(int Month, int Buyers, long Categories, int[] ByCount, int Widened)
{
    public double Average => Buyers == 0 ? 0 : (double)Categories / Buyers;
}

public static class Breadth
{
    /// <summary>Buyers with this many categories or more share the last bucket.</summary>
    public const int LastBucket = 4;

    /// <param name="firstMonths">For each client, the first month it bought each category (one entry per category, any order).</param>
    /// <param name="from">The first month shown.</param>
    /// <param name="to">The last month shown (at least <paramref name="from"/>).</param>
    public static IReadOnlyList<BreadthMonth> OverMonths(IEnumerable<int[]> firstMonths, int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        var span = to - from + 1;
        var buyers = new int[span];
        var categories = new long[span];
        var byCount = new int[span, LastBucket];
        var widened = new int[span];
        foreach (var client in firstMonths)
        {
            if (client.Length == 0) continue;
            var months = (int[])client.Clone();
            Array.Sort(months);
            // So far: the categories bought up to the month (a pointer into the sorted first months).
            var soFar = 0;
            while (soFar < months.Length && months[soFar] < from) soFar++;
            for (var m = from; m <= to; m++)
            {
                var before = soFar;
                while (soFar < months.Length && months[soFar] == m) soFar++;
                if (soFar == 0) continue;
                var i = m - from;
                buyers[i]++;
                categories[i] += soFar;
                byCount[i, Math.Min(soFar, LastBucket) - 1]++;
                if (soFar > before && before > 0) widened[i]++;
            }
        }
        return [.. Enumerable.Range(0, span).Select(i => new BreadthMonth(from + i, buyers[i], categories[i],
            [.. Enumerable.Range(0, LastBucket).Select(b => byCount[i, b])], widened[i]))];
    }
}
