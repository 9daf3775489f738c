using Clientele.Analytics.Structure;

namespace Clientele.Analytics.Tests.Structure;

public sealed class ParetoTests
{
    [Fact]
    public void Hand_computed_base_of_four_clients()
    {
        // Sorted 50, 20, 20, 10 of 100: cumulative 50%, 70%, 90%, 100%; 80% is reached by the third of four.
        var result = Pareto.Compute([10m, 50m, 20m, 20m]);

        Assert.Equal([1, 2, 3, 0], result.Order);
        Assert.Equal([0.5, 0.7, 0.9, 1.0], result.CumulativeShare);
        Assert.Equal(0.75, result.ShareOfClientsFor80);
        Assert.Equal((0.5, 0.5, 0.5), result.TopShares);
    }

    [Fact]
    public void Loss_making_clients_make_the_curve_rise_above_the_total_and_fall_back()
    {
        var result = Pareto.Compute([100m, -20m, 20m]);

        Assert.Equal([1.0, 1.2, 1.0], result.CumulativeShare);
        Assert.Equal(1.0 / 3, result.ShareOfClientsFor80);
    }

    [Fact]
    public void Nothing_earned_has_no_eighty_percent_point()
    {
        Assert.Null(Pareto.Compute([0m, 0m]).ShareOfClientsFor80);
        Assert.Null(Pareto.Compute([-5m, 2m]).ShareOfClientsFor80);
        Assert.Empty(Pareto.Compute([]).Order);
    }

    [Fact]
    public void With_no_losses_the_curve_never_falls_ends_at_one_and_the_top_shares_grow()
    {
        var random = new Random(11);
        for (var run = 0; run < 50; run++)
        {
            var values = Enumerable.Range(0, random.Next(1, 300)).Select(_ => (decimal)Math.Round(random.NextDouble() * 1000, 2) + 0.01m).ToArray();
            var result = Pareto.Compute(values);
            for (var k = 1; k < result.CumulativeShare.Length; k++) Assert.True(result.CumulativeShare[k] >= result.CumulativeShare[k - 1]);
            Assert.Equal(1.0, result.CumulativeShare[^1], 12);
            Assert.True(result.TopShares.Top5 <= result.TopShares.Top10 && result.TopShares.Top10 <= result.TopShares.Top20);
            Assert.InRange(result.ShareOfClientsFor80!.Value, 1.0 / values.Length, 1.0);
        }
    }
}
