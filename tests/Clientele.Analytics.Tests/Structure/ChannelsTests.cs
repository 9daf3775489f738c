using Clientele.Analytics.Structure;

namespace Clientele.Analytics.Tests.Structure;

public sealed class ChannelsTests
{
    [Fact]
    public void Hand_computed_channels()
    {
        ChannelClient[] clients =
        [
            new(3, Acquired: true, Revenue: 100m, NetContribution: 30m, AcquisitionCost: 0m, PaidBack: true),
            new(1, Acquired: true, Revenue: 1000m, NetContribution: 200m, AcquisitionCost: 100m, PaidBack: true),
            new(1, Acquired: true, Revenue: 500m, NetContribution: -50m, AcquisitionCost: 100m, PaidBack: false),
            new(1, Acquired: false, Revenue: 300m, NetContribution: 90m, AcquisitionCost: 0m, PaidBack: true),
        ];
        var spend = new Dictionary<int, decimal> { [1] = 50m, [2] = 80m };

        var figures = ChannelEconomics.Compute(clients, spend);

        // Channel 1: spend 100 + 100 + 50 = 250 over two acquired → CAC 125; one of the two paid back; the acquired
        // earned 150 after their own 200, so ROI = (150 − 50) / 250 = 0.4 (= (350 − 250) / 250).
        Assert.Equal(new ChannelFigures(1, 3, 250m, 125m, 1800m, 240m, 0.5, 0.4) { Acquired = 2, AcquiredContribution = 150m }, figures[0]);
        // Channel 2 spent and won nobody: all the money lost.
        Assert.Equal(new ChannelFigures(2, 0, 80m, null, 0m, 0m, null, -1.0), figures[1]);
        // Channel 3 cost nothing: no ROI to speak of.
        Assert.Equal(new ChannelFigures(3, 1, 0m, 0m, 100m, 30m, 1.0, null) { Acquired = 1, AcquiredContribution = 30m }, figures[2]);
        Assert.Equal(3, figures.Length);
    }

    [Fact]
    public void With_everyone_acquired_and_all_spend_allocated_the_simple_formulas_hold_and_totals_add_up()
    {
        var random = new Random(53);
        var clients = Enumerable.Range(0, 2_000).Select(_ => new ChannelClient(random.Next(0, 7), true,
            random.Next(0, 5_000), random.Next(-500, 1_500), random.Next(0, 300), random.Next(2) == 0)).ToArray();

        var figures = ChannelEconomics.Compute(clients, new Dictionary<int, decimal>());

        Assert.Equal(clients.Select(c => c.Channel).Distinct().Order(), figures.Select(f => f.Channel));
        Assert.Equal(clients.Length, figures.Sum(f => f.Clients));
        Assert.Equal(clients.Sum(c => c.Revenue), figures.Sum(f => f.Revenue));
        Assert.Equal(clients.Sum(c => c.NetContribution), figures.Sum(f => f.Contribution));
        foreach (var f in figures)
        {
            Assert.Equal(f.Clients, f.Acquired);
            Assert.Equal(f.Spend / f.Clients, f.Cac);
            Assert.Equal((double)(f.Contribution / f.Spend), f.Roi!.Value, 12);
            Assert.Equal((double)clients.Count(c => c.Channel == f.Channel && c.PaidBack) / f.Clients, f.PaybackShare!.Value, 12);
        }
    }

    [Fact]
    public void Roi_is_the_return_on_all_the_spend_whatever_part_of_it_clients_carry()
    {
        var random = new Random(59);
        for (var run = 0; run < 200; run++)
        {
            var clients = Enumerable.Range(0, random.Next(1, 40)).Select(_ => new ChannelClient(1, random.Next(4) > 0,
                random.Next(0, 5_000), random.Next(-500, 1_500), random.Next(0, 300), random.Next(2) == 0)).ToArray();
            var unallocated = (decimal)random.Next(0, 500);

            var f = ChannelEconomics.Compute(clients, new Dictionary<int, decimal> { [1] = unallocated }).Single();

            var acquired = clients.Where(c => c.Acquired).ToArray();
            var earnedBeforeAcquisition = acquired.Sum(c => c.NetContribution + c.AcquisitionCost);
            Assert.Equal(acquired.Sum(c => c.AcquisitionCost) + unallocated, f.Spend);
            if (f.Spend == 0) Assert.Null(f.Roi);
            else Assert.Equal((double)((earnedBeforeAcquisition - f.Spend) / f.Spend), f.Roi!.Value, 12);
            if (acquired.Length == 0) Assert.Null(f.Cac);
            else Assert.Equal(f.Spend, f.Cac!.Value * acquired.Length, 20);
        }
    }
}
