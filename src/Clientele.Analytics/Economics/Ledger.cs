using Clientele.Analytics.Calendar;

namespace Clientele.Analytics.Economics;

/// <summary>One purchase as the ledger needs it, already in the base currency. Revenue is net of the discount.</summary>
public readonly record struct LedgerPurchase(DateOnly Date, decimal Revenue, decimal CostOfGoods, decimal Discount, decimal Bonus, decimal Kickback)
{
    /// <summary>What the purchase earned before the cost to serve and the acquisition: its margin less concessions.</summary>
    public decimal MarginLessConcessions => Margins.BeforeAcquisition(Revenue, CostOfGoods, Discount, Bonus, Kickback, 0m);
}

/// <summary>One cost-to-serve entry in the base currency.</summary>
public readonly record struct LedgerCost(DateOnly Date, decimal Amount);

/// <summary>A client's sums for one month (month index = year × 12 + month − 1), or over any span of months.</summary>
public sealed record LedgerMonth
{
    private LedgerSums sums;

    public int Month { get; init; }
    public decimal Revenue { get => sums.Revenue; set => sums.Revenue = value; }
    public decimal CostOfGoods { get => sums.CostOfGoods; set => sums.CostOfGoods = value; }
    public decimal Discounts { get => sums.Discounts; set => sums.Discounts = value; }
    public decimal Bonuses { get => sums.Bonuses; set => sums.Bonuses = value; }
    public decimal Kickbacks { get => sums.Kickbacks; set => sums.Kickbacks = value; }
    public decimal ServiceCost { get => sums.ServiceCost; set => sums.ServiceCost = value; }
    public int Purchases { get => sums.Purchases; set => sums.Purchases = value; }
    public DateOnly? FirstPurchase { get => sums.FirstPurchase; set => sums.FirstPurchase = value; }
    public DateOnly? LastPurchase { get => sums.LastPurchase; set => sums.LastPurchase = value; }

    public LedgerSums Sums => sums;

    public void Add(LedgerPurchase p) => sums.Add(p);

    public void Add(LedgerMonth m) => sums.Add(m.sums);

    public void AddCost(LedgerCost c) => sums.ServiceCost += c.Amount;

    /// <summary>The month's figures with the acquisition cost given (a client's month of acquisition carries it).</summary>
    public ClientFigures ToFigures(decimal acquisitionCost) => sums.ToFigures(acquisitionCost);
}

/// <summary>
/// Sums one client's purchases and costs by month. The write path and the full rebuild both use this, so the
/// incremental aggregates and a rebuild from scratch cannot disagree.
/// </summary>
public static class Ledger
{
    public static List<LedgerMonth> ByMonth(ReadOnlySpan<LedgerPurchase> purchases, ReadOnlySpan<LedgerCost> costs)
    {
        var months = new Dictionary<int, LedgerMonth>();
        LedgerMonth At(int month)
        {
            if (!months.TryGetValue(month, out var m)) months[month] = m = new LedgerMonth { Month = month };
            return m;
        }
        foreach (var p in purchases) At(MonthIndex.Of(p.Date)).Add(p);
        foreach (var c in costs) At(MonthIndex.Of(c.Date)).AddCost(c);
        var result = months.Values.ToList();
        result.Sort((a, b) => a.Month.CompareTo(b.Month));
        return result;
    }

    public static LedgerMonth Total(IEnumerable<LedgerMonth> months)
    {
        var total = new LedgerMonth();
        foreach (var m in months) total.Add(m);
        return total;
    }
}
