using Clientele.Analytics.Economics;

namespace Clientele.Analytics.Tests.Economics;

public sealed class ClientFiguresTests
{
    [Fact]
    public void Hand_computed_client()
    {
        // List price 1000, discount 100 → paid 900; goods cost 600.
        var f = new ClientFigures(Revenue: 900m, CostOfGoods: 600m, Discounts: 100m, Bonuses: 20m, Kickbacks: 30m, ServiceCost: 50m, AcquisitionCost: 100m);

        Assert.Equal(1000m, f.ListRevenue);
        Assert.Equal(400m, f.GrossMargin);                    // 900 + 100 − 600
        Assert.Equal(150m, f.Concessions);                    // 100 + 20 + 30
        Assert.Equal(200m, f.ContributionBeforeAcquisition);  // 400 − 150 − 50
        Assert.Equal(100m, f.NetContribution);                // 200 − 100 = 900 − 600 − 20 − 30 − 50 − 100
    }

    [Fact]
    public void Sum_adds_every_column()
    {
        var a = new ClientFigures(1m, 2m, 3m, 4m, 5m, 6m, 7m);
        var b = new ClientFigures(10m, 20m, 30m, 40m, 50m, 60m, 70m);
        Assert.Equal(new ClientFigures(11m, 22m, 33m, 44m, 55m, 66m, 77m), a + b);
        Assert.Equal(new ClientFigures(11m, 22m, 33m, 44m, 55m, 66m, 77m), ClientFigures.Sum([a, b]));
        Assert.Equal(default, ClientFigures.Sum([]));
    }

    [Fact]
    public void Discounts_are_counted_once_and_every_figure_is_additive()
    {
        var random = new Random(23);
        var all = new ClientFigures[300];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = new ClientFigures(Money(random), Money(random), Money(random), Money(random), Money(random), Money(random), Money(random));
            var f = all[i];
            Assert.Equal(f.Revenue - f.CostOfGoods - f.Bonuses - f.Kickbacks - f.ServiceCost - f.AcquisitionCost, f.NetContribution);
            // With what the client paid fixed, a larger discount only moves money from margin to concessions.
            var moreDiscount = f with { Discounts = f.Discounts + 10m };
            Assert.Equal(f.NetContribution, moreDiscount.NetContribution);
            Assert.Equal(f.GrossMargin + 10m, moreDiscount.GrossMargin);
            Assert.Equal(f.Concessions + 10m, moreDiscount.Concessions);
        }
        var total = ClientFigures.Sum(all);
        Assert.Equal(all.Sum(f => f.NetContribution), total.NetContribution);
        Assert.Equal(all.Sum(f => f.GrossMargin), total.GrossMargin);
        Assert.Equal(all.Sum(f => f.ContributionBeforeAcquisition), total.ContributionBeforeAcquisition);
    }

    private static decimal Money(Random random) => Math.Round((decimal)random.NextDouble() * 1000m, 2);
}
