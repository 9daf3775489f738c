using Clientele.Analytics.Calendar;
using Clientele.Analytics.Structure;

namespace Clientele.Analytics.Tests.Structure;

public sealed class CohortsTests
{
    private static readonly int Jan = MonthIndex.Of(2025, 1);

    [Fact]
    public void Hand_computed_triangle()
    {
        // Same base as the retention sample: c5 started before the range, nobody started in April, c1's May is past as-of.
        var rows = Cohorts.ByFirstPurchase(RetentionTests.Sample(), Jan, Jan + 3);

        Assert.Equal(3, rows.Length);
        Assert.Equal((Jan, 2), (rows[0].Month, rows[0].Size));
        Assert.Equal([1.0, 0.5, 0.5, 1.0], rows[0].ActiveShare);
        Assert.Equal([300m, 110m, 125m, 180m], rows[0].Revenue);
        // c3 bought once; its April refund lowers the revenue but is no activity.
        Assert.Equal((Jan + 1, 1), (rows[1].Month, rows[1].Size));
        Assert.Equal([1.0, 0.0, 0.0], rows[1].ActiveShare);
        Assert.Equal([70m, 0m, -20m], rows[1].Revenue);
        Assert.Equal((Jan + 2, 1), (rows[2].Month, rows[2].Size));
        Assert.Equal([1.0, 1.0], rows[2].ActiveShare);
        Assert.Equal([40m, 60m], rows[2].Revenue);
    }

    [Fact]
    public void An_empty_range_is_refused() =>
        Assert.Throws<ArgumentException>(() => Cohorts.ByFirstPurchase([], Jan, Jan - 1));

    [Theory]
    [InlineData(43, 2_000, 15_000)]
    [InlineData(47, 20_000, 200_000)]
    public void Matches_a_naive_grouping_in_any_order(int seed, int clients, int rowCount)
    {
        var rows = RandomBase.Rows(new Random(seed), clients, rowCount);
        var from = RandomBase.FirstMonth + 3;
        var asOf = RandomBase.LastMonth - 2;

        var expected = Naive(rows, from, asOf);
        var actual = Cohorts.ByFirstPurchase(rows, from, asOf);
        var fromSorted = Cohorts.ByFirstPurchase(RandomBase.Sorted(rows), from, asOf);

        Assert.Equal(expected.Length, actual.Length);
        for (var c = 0; c < expected.Length; c++)
        {
            foreach (var row in new[] { actual[c], fromSorted[c] })
            {
                Assert.Equal((expected[c].Month, expected[c].Size), (row.Month, row.Size));
                Assert.Equal(expected[c].ActiveShare, row.ActiveShare);
                Assert.Equal(expected[c].Revenue, row.Revenue);
                Assert.Equal(1.0, row.ActiveShare[0]);
                Assert.Equal(asOf - row.Month + 1, row.ActiveShare.Length);
            }
        }
        // Every client who started in the range is in exactly one cohort, the same ones retention counts as new.
        Assert.Equal(Retention.Monthly(rows, from, asOf).Sum(p => p.New), actual.Sum(r => r.Size));
    }

    private static CohortRow[] Naive(ClientMonth[] rows, int from, int asOf)
    {
        var first = Tests.Structure.Naive.MonthsBought(rows).ToDictionary(kv => kv.Key, kv => kv.Value[0]);
        var byMonth = rows.ToLookup(r => r.Month);
        return [.. first.Where(kv => kv.Value >= from && kv.Value <= asOf).GroupBy(kv => kv.Value, kv => kv.Key).OrderBy(g => g.Key).Select(cohort =>
        {
            var members = cohort.ToHashSet();
            var length = asOf - cohort.Key + 1;
            var share = new double[length];
            var revenue = new decimal[length];
            for (var k = 0; k < length; k++)
            {
                var month = cohort.Key + k;
                var inMonth = byMonth[month].Where(r => members.Contains(r.Client)).ToArray();
                share[k] = (double)inMonth.Where(r => r.Purchases > 0).Select(r => r.Client).Distinct().Count() / members.Count;
                revenue[k] = inMonth.Sum(r => r.Revenue);
            }
            return new CohortRow(cohort.Key, members.Count, share, revenue);
        })];
    }
}
