using Clientele.Analytics.Economics;

namespace Clientele.Analytics.Tests.Economics;

public sealed class PaybackTests
{
    private static readonly PurchaseEvent[] Purchases =
    [
        new(new DateOnly(2025, 1, 10), 50m),
        new(new DateOnly(2025, 2, 10), 80m),
        new(new DateOnly(2025, 3, 10), 40m),
    ];

    // Out of date order on purpose: the costs may come in any order.
    private static readonly CostEvent[] Costs = [new(new DateOnly(2025, 2, 10), 30m), new(new DateOnly(2025, 1, 20), 10m)];

    [Fact]
    public void Hand_computed_payback()
    {
        // Running totals: 50; 50 + 80 − 10 − 30 = 90; 90 + 40 = 130.
        Assert.Equal(new PaybackPoint(1, new DateOnly(2025, 1, 10)), Payback.Find(Purchases, Costs, 50m));
        Assert.Equal(new PaybackPoint(2, new DateOnly(2025, 2, 10)), Payback.Find(Purchases, Costs, 90m));
        Assert.Equal(new PaybackPoint(3, new DateOnly(2025, 3, 10)), Payback.Find(Purchases, Costs, 130m));
        Assert.Null(Payback.Find(Purchases, Costs, 130.01m));
    }

    [Fact]
    public void A_cost_on_the_day_of_a_purchase_counts_before_it()
    {
        // Were the 30 of 10 February counted after the purchase, the second total would be 120 and pay back 100.
        Assert.Equal(3, Payback.Find(Purchases, Costs, 100m)!.Value.PurchaseNumber);
    }

    [Fact]
    public void Without_acquisition_cost_payback_is_the_first_purchase_not_worked_at_a_loss()
    {
        PurchaseEvent[] purchases = [new(new DateOnly(2025, 1, 10), 10m), new(new DateOnly(2025, 1, 12), 15m)];
        CostEvent[] costs = [new(new DateOnly(2025, 1, 1), 20m)];
        // 10 − 20 = −10: not yet; −10 + 15 = 5.
        Assert.Equal(new PaybackPoint(2, new DateOnly(2025, 1, 12)), Payback.Find(purchases, costs, 0m));
        Assert.Equal(new PaybackPoint(1, new DateOnly(2025, 1, 10)), Payback.Find(purchases, [], 0m));
        Assert.Null(Payback.Find([], costs, 0m));
    }

    [Fact]
    public void Purchases_out_of_order_are_refused() =>
        Assert.Throws<ArgumentException>(() => Payback.Find([Purchases[1], Purchases[0]], [], 0m));

    [Fact]
    public void Matches_the_definition_and_a_dearer_client_never_pays_back_sooner()
    {
        var random = new Random(29);
        var start = new DateOnly(2024, 1, 1);
        for (var run = 0; run < 500; run++)
        {
            var purchases = Enumerable.Range(0, random.Next(0, 12))
                .Select(_ => new PurchaseEvent(start.AddDays(random.Next(0, 400)), random.Next(-20, 200)))
                .OrderBy(p => p.Date).ToArray();
            var costs = Enumerable.Range(0, random.Next(0, 8))
                .Select(_ => new CostEvent(start.AddDays(random.Next(-30, 400)), random.Next(0, 80))).ToArray();
            var acquisition = (decimal)random.Next(0, 400);

            var found = Payback.Find(purchases, costs, acquisition);

            Assert.Equal(Naive(purchases, costs, acquisition), found);
            var dearer = Payback.Find(purchases, costs, acquisition + random.Next(1, 100));
            if (dearer is { } later) Assert.True(found is { } earlier && earlier.PurchaseNumber <= later.PurchaseNumber);
        }
    }

    private static PaybackPoint? Naive(PurchaseEvent[] purchases, CostEvent[] costs, decimal acquisition)
    {
        for (var k = 0; k < purchases.Length; k++)
        {
            var earned = purchases.Take(k + 1).Sum(p => p.MarginLessConcessions);
            var spent = costs.Where(c => c.Date <= purchases[k].Date).Sum(c => c.Amount);
            if (earned - spent >= acquisition) return new PaybackPoint(k + 1, purchases[k].Date);
        }
        return null;
    }
}
