namespace Clientele.Features.Purchases;

public static class PurchaseMath
{
    /// <summary>Total = lines less discount (bonus and kickback are paid separately); cost of goods = quantity × unit cost.</summary>
    public static void Recalculate(Purchase p)
    {
        var gross = p.Lines.Sum(l => l.Quantity * l.Price);
        p.Total = Math.Round(gross - p.Discount, 2);
        p.CostOfGoods = Math.Round(p.Lines.Sum(l => l.Quantity * l.UnitCost), 2);
    }
}
