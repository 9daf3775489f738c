namespace Clientele.Analytics.Economics;

/// <param name="MarginLessConcessions">The purchase's gross margin minus its discounts, bonuses and kickbacks.</param>
public readonly record struct PurchaseEvent(DateOnly Date, decimal MarginLessConcessions);

public readonly record struct CostEvent(DateOnly Date, decimal Amount);

/// <param name="PurchaseNumber">1 for the client's first purchase.</param>
public readonly record struct PaybackPoint(int PurchaseNumber, DateOnly Date);

public static class Payback
{
    /// <summary>
    /// The purchase with which the client first earned back what acquiring it cost. At purchase k the running total is
    /// the margin less concessions of purchases 1..k minus the service costs dated on or before purchase k (a cost on
    /// the day of a purchase counts before it, as the cautious reading); the first k whose total reaches
    /// <paramref name="acquisitionCost"/> is the payback. With no acquisition cost that is the first purchase whose
    /// running total is not negative. Null means "not yet": the client has been worked at a loss so far.
    /// </summary>
    /// <param name="purchasesInDateOrder">The client's purchases, oldest first (checked).</param>
    /// <param name="serviceCosts">The client's service costs in any order; in date order avoids a sorted copy.</param>
    public static PaybackPoint? Find(ReadOnlySpan<PurchaseEvent> purchasesInDateOrder, ReadOnlySpan<CostEvent> serviceCosts, decimal acquisitionCost)
    {
        for (var k = 1; k < purchasesInDateOrder.Length; k++)
            if (purchasesInDateOrder[k].Date < purchasesInDateOrder[k - 1].Date)
                throw new ArgumentException("Purchases must be in date order.", nameof(purchasesInDateOrder));
        var costs = InDateOrder(serviceCosts);
        decimal running = 0;
        var nextCost = 0;
        for (var k = 0; k < purchasesInDateOrder.Length; k++)
        {
            var purchase = purchasesInDateOrder[k];
            while (nextCost < costs.Length && costs[nextCost].Date <= purchase.Date) running -= costs[nextCost++].Amount;
            running += purchase.MarginLessConcessions;
            if (running >= acquisitionCost) return new PaybackPoint(k + 1, purchase.Date);
        }
        return null;
    }

    private static ReadOnlySpan<CostEvent> InDateOrder(ReadOnlySpan<CostEvent> costs)
    {
        for (var i = 1; i < costs.Length; i++)
        {
            if (costs[i].Date >= costs[i - 1].Date) continue;
            var copy = costs.ToArray();
            Array.Sort(copy, static (a, b) => a.Date.CompareTo(b.Date));
            return copy;
        }
        return costs;
    }
}
