namespace Clientele.Analytics.Economics;

/// <summary>
/// What one client (or a group of clients, summed) brought and cost over a period, in one currency.
/// </summary>
/// <remarks>
/// <see cref="Revenue"/> is what the client actually paid, i.e. net of discounts. The gross margin is taken on the
/// list price (<see cref="Revenue"/> + <see cref="Discounts"/> − <see cref="CostOfGoods"/>) and discounts are then
/// subtracted among the <see cref="Concessions"/>, so a discount is counted exactly once and shows up where the owner
/// can act on it — next to bonuses and kickbacks — instead of silently shrinking the margin.
/// <code>
/// GrossMargin                    = Revenue + Discounts − CostOfGoods
/// Concessions                    = Discounts + Bonuses + Kickbacks
/// ContributionBeforeAcquisition  = GrossMargin − Concessions − ServiceCost
/// NetContribution                = ContributionBeforeAcquisition − AcquisitionCost
///                                = Revenue − CostOfGoods − Bonuses − Kickbacks − ServiceCost − AcquisitionCost
/// </code>
/// </remarks>
/// <param name="Revenue">Paid by the client, after discounts.</param>
/// <param name="CostOfGoods">Cost of what was sold.</param>
/// <param name="Discounts">Price reductions granted (positive amount).</param>
/// <param name="Bonuses">Loyalty bonuses, gifts and other value given back.</param>
/// <param name="Kickbacks">Payments to people on the client's side.</param>
/// <param name="ServiceCost">Cost to serve: delivery, support, manager time.</param>
/// <param name="AcquisitionCost">What winning the client cost (its share of the channel spend).</param>
public readonly record struct ClientFigures(
    decimal Revenue, decimal CostOfGoods, decimal Discounts, decimal Bonuses, decimal Kickbacks, decimal ServiceCost, decimal AcquisitionCost)
{
    /// <summary>Revenue at list price, before discounts.</summary>
    public decimal ListRevenue => Revenue + Discounts;

    public decimal GrossMargin => Margins.Gross(Revenue, Discounts, CostOfGoods);

    public decimal Concessions => Margins.Concessions(Discounts, Bonuses, Kickbacks);

    /// <summary>What the client earns once it is already won: the figure to judge whether keeping it pays.</summary>
    public decimal ContributionBeforeAcquisition => Margins.BeforeAcquisition(Revenue, CostOfGoods, Discounts, Bonuses, Kickbacks, ServiceCost);

    public decimal NetContribution => ContributionBeforeAcquisition - AcquisitionCost;

    public static ClientFigures operator +(ClientFigures a, ClientFigures b) => new(
        a.Revenue + b.Revenue, a.CostOfGoods + b.CostOfGoods, a.Discounts + b.Discounts, a.Bonuses + b.Bonuses,
        a.Kickbacks + b.Kickbacks, a.ServiceCost + b.ServiceCost, a.AcquisitionCost + b.AcquisitionCost);

    public static ClientFigures Sum(ReadOnlySpan<ClientFigures> figures)
    {
        var total = default(ClientFigures);
        foreach (var f in figures) total += f;
        return total;
    }
}
