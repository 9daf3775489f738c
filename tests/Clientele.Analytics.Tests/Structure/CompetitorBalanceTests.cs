using Clientele.Analytics.Structure;

namespace Clientele.Analytics.Tests.Structure;

public sealed class CompetitorBalanceTests
{
    [Fact]
    public void Hand_computed_balance_of_three_competitors_with_a_merged_duplicate()
    {
        // Competitor 3 was merged into 1. Won: two from 1 (one via its duplicate 3), one from 2. Lost: one to 1, three to 2.
        var merged = new Dictionary<long, long> { [3] = 1 };
        var rows = CompetitorBalance.Compute(
            [new(1, 1000m, 300m), new(3, 500m, 100m), new(2, 200m, -50m)],
            [new(1, 400m), new(2, 100m), new(2, 250m), new(2, 50m), new(4, 700m)],
            merged);

        // Moved either way: 1 → 2 + 1 = 3, 2 → 1 + 3 = 4, 4 → 0 + 1 = 1.
        Assert.Equal([2L, 1L, 4L], rows.Select(r => r.CompetitorId));
        Assert.Equal(new CompetitorBalanceRow(2, 1, 200m, -50m, 3, 400m), rows[0]);
        Assert.Equal((-2, -200m), (rows[0].Net, rows[0].NetRevenue));
        Assert.Equal(new CompetitorBalanceRow(1, 2, 1500m, 400m, 1, 400m), rows[1]);
        Assert.Equal((1, 1100m), (rows[1].Net, rows[1].NetRevenue));
        Assert.Equal((-1, -700m), (rows[2].Net, rows[2].NetRevenue));

        var total = CompetitorBalance.Total(rows);
        Assert.Equal((3, 1700m, 350m, 5, 1500m, -2, 200m), (total.Won, total.WonRevenue, total.WonContribution, total.Lost, total.LostRevenue, total.Net, total.NetRevenue));
    }

    [Fact]
    public void Equal_movement_puts_the_costlier_rival_first_and_then_the_lower_id()
    {
        var rows = CompetitorBalance.Compute([new(5, 100m, 10m), new(6, 100m, 10m)], [new(7, 300m)], new Dictionary<long, long>());

        // All moved one client; net revenue 100, 100, −300: competitor 7 first, then 5 before 6.
        Assert.Equal([7L, 5L, 6L], rows.Select(r => r.CompetitorId));
        Assert.Empty(CompetitorBalance.Compute([], [], new Dictionary<long, long>()));
        Assert.Equal(new CompetitorBalanceRow(0, 0, 0m, 0m, 0, 0m), CompetitorBalance.Total([]));
    }

    [Fact]
    public void Merges_are_followed_to_the_end_and_a_cycle_stops()
    {
        Assert.Equal(3, CompetitorBalance.Survivor(1, new Dictionary<long, long> { [1] = 2, [2] = 3 }));
        Assert.Equal(9, CompetitorBalance.Survivor(9, new Dictionary<long, long> { [1] = 2 }));
        Assert.Equal(2, CompetitorBalance.Survivor(1, new Dictionary<long, long> { [1] = 2, [2] = 1 }));
    }

    [Fact]
    public void A_client_is_won_on_its_acquisition_day_else_its_first_purchase_else_the_day_it_was_entered()
    {
        var acquired = new DateOnly(2026, 3, 1);
        var first = new DateOnly(2026, 2, 10);
        var created = new DateOnly(2026, 11, 5);
        Assert.Equal(acquired, CompetitorBalance.WonOn(acquired, first, created));
        Assert.Equal(first, CompetitorBalance.WonOn(null, first, created));
        Assert.Equal(created, CompetitorBalance.WonOn(null, null, created));
    }
}
