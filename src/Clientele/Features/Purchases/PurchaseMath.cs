namespace Clientele.Features.Purchases;

public static class PurchaseMath
{
    /// <summary>Total = lines less discount (bonus and kickback are paid separately); cost of goods = quantity × unit cost.</summary>
    public static void Recalculate(Purchase p) =>
        (p.Total, p.CostOfGoods) = Totals(p.Lines.Select(l => (l.Quantity, l.Price, l.UnitCost)), p.Discount);

    /// <summary>The stored total and cost of goods of lines (quantity, price, unit cost) and a discount; the form's live figures use it too.</summary>
    public static (decimal Total, decimal CostOfGoods) Totals(IEnumerable<(decimal Quantity, decimal Price, decimal UnitCost)> lines, decimal discount)
    {
        decimal gross = 0, cost = 0;
        foreach (var (quantity, price, unitCost) in lines)
        {
            gross += quantity * price;
            cost += quantity * unitCost;
        }
        return (Math.Round(gross - discount, 2), Math.Round(cost, 2));
    }
}
