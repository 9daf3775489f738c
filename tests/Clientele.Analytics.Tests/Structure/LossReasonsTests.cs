using Clientele.Analytics.Economics;
using Clientele.Analytics.Structure;

namespace Clientele.Analytics.Tests.Structure;

public sealed class LossReasonsTests
{
    private static readonly PaymentStats Punctual = new(0, 0, 0m, 0, 3);

    [Fact]
    public void A_profitable_client_has_no_loss_reason_even_paying_late() =>
        Assert.Equal(LossReason.None, LossReasons.Explain(new ClientFigures(1000m, 500m, 0m, 0m, 0m, 0m, 0m), Punctual with { OverdueAmount = 100m }));

    [Fact]
    public void Acquisition_alone_explains_a_loss_it_is_larger_than()
    {
        // Margin 1000 + 100 − 700 = 400; concessions 200; service 150; acquisition 400 → −350.
        // Without concessions −150, without service −200, without acquisition +50 (and it is the largest).
        var f = new ClientFigures(1000m, 700m, 100m, 50m, 50m, 150m, 400m);
        Assert.Equal(-350m, f.NetContribution);
        Assert.Equal(LossReason.Acquisition, LossReasons.Explain(f, Punctual));
    }

    [Fact]
    public void Every_item_that_alone_would_fix_a_small_loss_is_named()
    {
        // Margin 550; concessions 250, service 200, acquisition 150 → −50: dropping any one of them turns it positive.
        var f = new ClientFigures(1000m, 700m, 250m, 0m, 0m, 200m, 150m);
        Assert.Equal(-50m, f.NetContribution);
        Assert.Equal(LossReason.Concessions | LossReason.CostToServe | LossReason.Acquisition, LossReasons.Explain(f, null));
    }

    [Fact]
    public void Selling_below_cost_and_the_largest_item_even_when_no_single_item_fixes_it()
    {
        // List price 500 against cost 600: −100, then service 10 → −110.
        Assert.Equal(LossReason.BelowCost | LossReason.CostToServe, LossReasons.Explain(new ClientFigures(500m, 600m, 0m, 0m, 0m, 10m, 0m), null));
        Assert.Equal(LossReason.BelowCost, LossReasons.Explain(new ClientFigures(500m, 600m, 0m, 0m, 0m, 0m, 0m), null));
        // A discount pushing the price below cost is a concession, not selling below cost.
        Assert.Equal(LossReason.Concessions, LossReasons.Explain(new ClientFigures(500m, 600m, 200m, 0m, 0m, 0m, 0m), null));
    }

    [Fact]
    public void Equal_largest_items_are_both_named()
    {
        // Margin 100; service 300, acquisition 300 → −500; neither alone fixes it, both are the largest.
        Assert.Equal(LossReason.CostToServe | LossReason.Acquisition,
            LossReasons.Explain(new ClientFigures(400m, 300m, 0m, 0m, 0m, 300m, 300m), null));
    }

    [Theory]
    [InlineData(0, 31.0, 30, true)]
    [InlineData(0, 30.0, 30, false)]
    [InlineData(1, 0.0, 30, true)]
    [InlineData(0, 10.0, 7, true)]
    public void Late_payment_by_overdue_money_or_average_lateness(int overdue, double averageDaysLate, int threshold, bool late)
    {
        var f = new ClientFigures(100m, 50m, 0m, 0m, 0m, 100m, 0m);
        var reasons = LossReasons.Explain(f, Punctual with { OverdueAmount = overdue, AverageDaysLate = averageDaysLate }, threshold);
        Assert.Equal(late, reasons.HasFlag(LossReason.LatePayment));
        Assert.True(reasons.HasFlag(LossReason.CostToServe));
    }

    [Fact]
    public void Every_loss_has_a_cost_reason_and_every_named_item_is_real()
    {
        var random = new Random(67);
        for (var run = 0; run < 5_000; run++)
        {
            decimal Money() => random.Next(4) == 0 ? 0m : random.Next(0, 1000);
            var f = new ClientFigures(Money(), Money(), Money(), Money(), Money(), Money(), Money());
            var reasons = LossReasons.Explain(f, null);

            if (f.NetContribution >= 0)
            {
                Assert.Equal(LossReason.None, reasons);
                continue;
            }
            Assert.NotEqual(LossReason.None, reasons);
            Assert.Equal(f.GrossMargin < 0, reasons.HasFlag(LossReason.BelowCost));
            foreach (var (cost, reason) in new[] { (f.Concessions, LossReason.Concessions), (f.ServiceCost, LossReason.CostToServe), (f.AcquisitionCost, LossReason.Acquisition) })
            {
                if (reasons.HasFlag(reason)) Assert.True(cost > 0);
                if (cost > 0 && f.NetContribution + cost >= 0) Assert.True(reasons.HasFlag(reason));
            }
        }
    }
}
