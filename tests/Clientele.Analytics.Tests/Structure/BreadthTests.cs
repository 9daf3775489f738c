using Clientele.Analytics.Structure;

namespace Clientele.Analytics.Tests.Structure;

public sealed class BreadthTests
{
    [Fact]
    public void Each_month_counts_the_categories_bought_so_far_and_who_added_one_to_what_they_had()
    {
        // Months 10..13. First months per category:
        //   a: 10, 12        → 1 in 10, 1 in 11, 2 in 12 (widened in 12), 2 in 13
        //   b: 12, 12, 12    → nothing before 12; 3 in 12 (a first purchase, not a widening), 3 in 13
        //   c: 8, 11, 13, 13, 13 → 1 in 10 (bought before the range), 2 in 11 (widened), 2 in 12, 5 in 13 (widened)
        //   d: none
        var clients = new[] { new[] { 12, 10 }, [12, 12, 12], [13, 8, 13, 11, 13], Array.Empty<int>() };

        var months = Breadth.OverMonths(clients, 10, 13);

        Assert.Equal([10, 11, 12, 13], months.Select(m => m.Month));
        // Buyers: 10 a,c; 11 a,c; 12 a,b,c; 13 a,b,c.
        Assert.Equal([2, 2, 3, 3], months.Select(m => m.Buyers));
        // Categories: 10: 1+1; 11: 1+2; 12: 2+3+2; 13: 2+3+5.
        Assert.Equal([2L, 3, 7, 10], months.Select(m => m.Categories));
        Assert.Equal([1.0, 1.5, 7 / 3.0, 10 / 3.0], months.Select(m => m.Average));
        // Buckets 1, 2, 3, 4+: 10: a1 c1; 11: a1 c2; 12: a2 b3 c2; 13: a2 b3 c5.
        Assert.Equal([2, 0, 0, 0], months[0].ByCount);
        Assert.Equal([1, 1, 0, 0], months[1].ByCount);
        Assert.Equal([0, 2, 1, 0], months[2].ByCount);
        Assert.Equal([0, 1, 1, 1], months[3].ByCount);
        // Widened: 11 c; 12 a (b's first purchase does not count); 13 c.
        Assert.Equal([0, 1, 1, 1], months.Select(m => m.Widened));
    }

    [Fact]
    public void A_base_without_buyers_has_empty_months_and_a_reversed_range_is_refused()
    {
        var months = Breadth.OverMonths([], 5, 6);
        Assert.All(months, m => Assert.Equal((0, 0L, 0.0, 0), (m.Buyers, m.Categories, m.Average, m.Widened)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Breadth.OverMonths([], 6, 5));
    }
}
