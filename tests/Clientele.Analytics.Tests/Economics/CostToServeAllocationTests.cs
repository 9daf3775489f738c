using Clientele.Analytics.Economics;

namespace Clientele.Analytics.Tests.Economics;

public sealed class CostToServeAllocationTests
{
    [Fact]
    public void A_client_carries_the_monthly_amount_for_each_month_it_bought_and_the_share_of_its_revenue()
    {
        var rule = new CostToServeAllocation(PerActiveMonth: 150m, ShareOfRevenue: 0.03m);
        // Bought in 4 months for 12 345.67 in all, and has 500 of its own service costs:
        // 4 × 150 = 600; 3 % of 12 345.67 = 370.3701 → 370.37; allocated 970.37; cost to serve 1 470.37.
        var own = new ClientFigures(Revenue: 12_345.67m, CostOfGoods: 8_000m, Discounts: 200m, Bonuses: 100m, Kickbacks: 50m, ServiceCost: 500m, AcquisitionCost: 300m);

        Assert.Equal(970.37m, rule.Of(own.Revenue, activeMonths: 4));
        var allocated = rule.Apply(own, activeMonths: 4);
        Assert.Equal(1_470.37m, allocated.ServiceCost);
        // Contribution before acquisition = 12 345.67 − 8 000 − 100 − 50 − 1 470.37 = 2 725.30; net = 2 425.30.
        Assert.Equal(2_725.30m, allocated.ContributionBeforeAcquisition);
        Assert.Equal(2_425.30m, allocated.NetContribution);
        Assert.Equal(own with { ServiceCost = 1_470.37m }, allocated);
    }

    [Fact]
    public void No_rule_allocates_nothing_and_a_client_that_never_bought_carries_nothing()
    {
        var own = new ClientFigures(0, 0, 0, 0, 0, ServiceCost: 80m, AcquisitionCost: 0);
        Assert.Equal(own, default(CostToServeAllocation).Apply(own, activeMonths: 7));
        Assert.Equal(own, new CostToServeAllocation(150m, 0.03m).Apply(own, activeMonths: 0));
    }

    [Fact]
    public void Half_a_cent_rounds_away_from_zero()
    {
        // 0.5 % of 101 = 0.505 → 0.51.
        Assert.Equal(0.51m, new CostToServeAllocation(0, 0.005m).Of(101m, 1));
    }
}
