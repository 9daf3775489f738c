namespace Clientele.Analytics.Economics;

/// <summary>
/// A client's sums over any span of days or months: the columns of the figures tables. A struct with fields, as the
/// analytics loader keeps one per client of a million-client base and adds and takes months off in place.
/// </summary>
/// <remarks>
/// Figures as of a past day are the running totals less every month from the day's month on, plus the day's month
/// up to the day (<see cref="Subtract"/>, then <see cref="Add(in LedgerSums)"/>, then <see cref="SettleDatesAsOf"/>).
/// </remarks>
public struct LedgerSums
{
    public decimal Revenue, CostOfGoods, Discounts, Bonuses, Kickbacks, ServiceCost;
    public int Purchases;
    public DateOnly? FirstPurchase, LastPurchase;

    public readonly decimal GrossMargin => Margins.Gross(Revenue, Discounts, CostOfGoods);

    public readonly decimal ContributionBeforeAcquisition => Margins.BeforeAcquisition(Revenue, CostOfGoods, Discounts, Bonuses, Kickbacks, ServiceCost);

    public readonly ClientFigures ToFigures(decimal acquisitionCost) =>
        new(Revenue, CostOfGoods, Discounts, Bonuses, Kickbacks, ServiceCost, acquisitionCost);

    public void Add(in LedgerPurchase p)
    {
        Revenue += p.Revenue; CostOfGoods += p.CostOfGoods; Discounts += p.Discount; Bonuses += p.Bonus; Kickbacks += p.Kickback;
        Purchases++;
        if (FirstPurchase is null || p.Date < FirstPurchase) FirstPurchase = p.Date;
        if (LastPurchase is null || p.Date > LastPurchase) LastPurchase = p.Date;
    }

    public void Add(in LedgerSums m)
    {
        Revenue += m.Revenue; CostOfGoods += m.CostOfGoods; Discounts += m.Discounts; Bonuses += m.Bonuses; Kickbacks += m.Kickbacks;
        ServiceCost += m.ServiceCost; Purchases += m.Purchases;
        if (m.FirstPurchase is { } first && (FirstPurchase is null || first < FirstPurchase)) FirstPurchase = first;
        if (m.LastPurchase is { } last && (LastPurchase is null || last > LastPurchase)) LastPurchase = last;
    }

    /// <summary>Takes a span off the amounts and counts; the dates cannot be taken off and are settled afterwards.</summary>
    public void Subtract(in LedgerSums m)
    {
        Revenue -= m.Revenue; CostOfGoods -= m.CostOfGoods; Discounts -= m.Discounts; Bonuses -= m.Bonuses; Kickbacks -= m.Kickbacks;
        ServiceCost -= m.ServiceCost; Purchases -= m.Purchases;
    }

    /// <summary>
    /// After spans from the day on were taken off: without purchases there are no purchase dates; a last purchase
    /// after the day is cleared, and then true says that the last one on or before the day must be looked up (the
    /// first purchase stays: a client with purchases as of the day bought first before it).
    /// </summary>
    public bool SettleDatesAsOf(DateOnly asOf)
    {
        if (Purchases == 0)
        {
            FirstPurchase = null;
            LastPurchase = null;
            return false;
        }
        if (LastPurchase is not { } last || last <= asOf) return false;
        LastPurchase = null;
        return true;
    }
}
