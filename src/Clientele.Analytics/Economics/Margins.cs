using System.Numerics;

namespace Clientele.Analytics.Economics;

/// <summary>
/// The one definition of the margins (see <see cref="ClientFigures"/> for what each term means). Generic so that the
/// same formula serves amounts as decimals and the minor units the analytics loader reads by the million without
/// building a decimal for every term.
/// </summary>
public static class Margins
{
    /// <summary>On the list price: what was paid plus the discount, less the cost of goods.</summary>
    public static T Gross<T>(T revenue, T discounts, T costOfGoods) where T : INumber<T> => revenue + discounts - costOfGoods;

    /// <summary>
    /// On the price paid: revenue less the cost of goods, the discount already out — the gross margin less the
    /// discount, for views of purchases or lines where the discount is not shown apart.
    /// </summary>
    public static T OnPricePaid<T>(T revenue, T costOfGoods) where T : INumber<T> => Gross(revenue, T.Zero, costOfGoods);

    /// <summary>Value given away to win or keep the sale.</summary>
    public static T Concessions<T>(T discounts, T bonuses, T kickbacks) where T : INumber<T> => discounts + bonuses + kickbacks;

    /// <summary>
    /// Gross margin less concessions less the cost to serve = revenue − cost of goods − bonuses − kickbacks − service
    /// cost: the discount is already out of revenue, and counted once.
    /// </summary>
    public static T BeforeAcquisition<T>(T revenue, T costOfGoods, T discounts, T bonuses, T kickbacks, T serviceCost) where T : INumber<T> =>
        Gross(revenue, discounts, costOfGoods) - Concessions(discounts, bonuses, kickbacks) - serviceCost;

    /// <summary>
    /// A purchase line's share of the purchase's revenue: its amount at list price less the purchase's discount spread
    /// over the lines in proportion to their amounts (nothing when the purchase's lines sum to nothing).
    /// </summary>
    public static decimal LineRevenue(decimal lineAmount, decimal purchaseAmount, decimal discount) =>
        purchaseAmount == 0 ? 0 : lineAmount - discount * lineAmount / purchaseAmount;
}
