using Clientele.Analytics.Calendar;

namespace Clientele.Analytics.Economics;

/// <summary>One purchase as the ledger needs it, already in the base currency. Revenue is net of the discount.</summary>
public readonly record struct LedgerPurchase(DateOnly Date, decimal Revenue, decimal CostOfGoods, decimal Discount, decimal Bonus, decimal Kickback);

/// <summary>One cost-to-serve entry in the base currency.</summary>
public readonly record struct LedgerCost(DateOnly Date, decimal Amount);

/// <summary>A client's sums for one month (month index = year × 12 + month − 1), or over any span of months.</summary>
public sealed record LedgerMonth
{
    public int Month { get; init; }
    public decimal Revenue { get; set; }
    public decimal CostOfGoods { get; set; }
    public decimal Discounts { get; set; }
    public decimal Bonuses { get; set; }
    public decimal Kickbacks { get; set; }
    public decimal ServiceCost { get; set; }
    public int Purchases { get; set; }
    public DateOnly? FirstPurchase { get; set; }
    public DateOnly? LastPurchase { get; set; }

    public void Add(LedgerPurchase p)
    {
        Revenue += p.Revenue; CostOfGoods += p.CostOfGoods; Discounts += p.Discount; Bonuses += p.Bonus; Kickbacks += p.Kickback;
        Purchases++;
        if (FirstPurchase is null || p.Date < FirstPurchase) FirstPurchase = p.Date;
        if (LastPurchase is null || p.Date > LastPurchase) LastPurchase = p.Date;
    }

    public void Add(LedgerMonth m)
    {
        Revenue += m.Revenue; CostOfGoods += m.CostOfGoods; Discounts += m.Discounts; Bonuses += m.Bonuses; Kickbacks += m.Kickbacks;
        ServiceCost += m.ServiceCost; Purchases += m.Purchases;
        if (m.FirstPurchase is { } first && (FirstPurchase is null || first < FirstPurchase)) FirstPurchase = first;
        if (m.LastPurchase is { } last && (LastPurchase is null || last > LastPurchase)) LastPurchase = last;
    }
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
        foreach (var c in costs) At(MonthIndex.Of(c.Date)).ServiceCost += c.Amount;
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
