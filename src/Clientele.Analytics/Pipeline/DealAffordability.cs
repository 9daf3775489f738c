namespace Clientele.Analytics.Pipeline;

/// <summary>
/// Another buying client the estimates learn from, over its life so far (base currency).
/// </summary>
/// <param name="Revenue">What it paid, after discounts.</param>
/// <param name="MarginLessConcessions">Its gross margin less discounts, bonuses and kickbacks.</param>
/// <param name="ServiceCost">Its cost to serve, the company-wide allocation included.</param>
/// <param name="Purchases">How many purchases it made.</param>
/// <param name="DaysBuying">Days from its first purchase to the day of the estimate, both counted.</param>
public readonly record struct PeerClient(decimal Revenue, decimal MarginLessConcessions, decimal ServiceCost, int Purchases, int DaysBuying);

/// <summary>Which other clients the medians were taken over.</summary>
public enum PeerBasis
{
    /// <summary>Clients won through the deal client's acquisition channel.</summary>
    SameChannel = 0,
    /// <summary>Clients of the deal client's industry.</summary>
    SameIndustry = 1,
    /// <summary>Every buying client the reader sees: the company's own figures.</summary>
    AllBuyingClients = 2,
}

/// <summary>
/// The medians of one basis of similar clients, or of none when no basis had <see cref="DealAffordability.MinimumPeers"/>
/// (then every median is null and <see cref="Count"/> is the largest basis's count).
/// </summary>
/// <param name="MarginRate">Median of margin less concessions / revenue.</param>
/// <param name="YearlyCostToServe">Median of cost to serve per year.</param>
/// <param name="PurchasesPerYear">Median of purchases per year.</param>
public sealed record PeerMedians(PeerBasis? Basis, int Count, decimal? MarginRate, decimal? YearlyCostToServe, decimal? PurchasesPerYear)
{
    public bool TooFew => Basis is null;
}

/// <summary>Where the margin rate came from.</summary>
public enum MarginSource
{
    /// <summary>The client's own purchases.</summary>
    ClientsOwn = 0,
    /// <summary>The median of the similar clients (<see cref="PeerMedians.Basis"/> says which).</summary>
    SimilarClients = 1,
    /// <summary>Nothing to learn from: no purchases of its own and too few similar clients.</summary>
    Unknown = 2,
}

public enum AffordVerdict
{
    /// <summary>The first deal's margin covers the acquisition cost and its share of the cost to serve.</summary>
    PaysOffWithFirstDeal = 0,
    /// <summary>It takes <see cref="Affordability.PaybackPurchases"/> purchases of this size.</summary>
    PaysOffAfterPurchases = 1,
    /// <summary>Each purchase's margin is below its share of the cost to serve: it never pays back.</summary>
    LossMaker = 2,
    /// <summary>No margin rate could be estimated.</summary>
    Unknown = 3,
}

/// <param name="DealValue">The deal's value in the base currency.</param>
/// <param name="OwnMarginRate">The client's own margin less concessions / revenue; null when it has bought nothing.</param>
/// <param name="AlreadyBuying">The client has purchases: it was won before this deal, so nothing is spent on winning it again.</param>
/// <param name="ChannelCac">Its acquisition channel's cost per acquired client; null without a channel or a figure.</param>
/// <param name="DirectAcquisitionCost">What the card says winning it cost directly.</param>
/// <param name="CostsSoFar">Service costs logged on it so far (manager hours × rate among them): the effort of winning it.</param>
public sealed record AffordabilityInput(decimal DealValue, decimal? OwnMarginRate, bool AlreadyBuying, decimal? ChannelCac, decimal DirectAcquisitionCost,
    decimal CostsSoFar, PeerMedians Peers);

/// <param name="MarginRate">The rate used: <see cref="AffordabilityInput.OwnMarginRate"/>, else the peers' median.</param>
/// <param name="FirstDealMargin">DealValue × MarginRate.</param>
/// <param name="AcquisitionCost">0 for a client already buying, else ChannelCac + DirectAcquisitionCost + CostsSoFar.</param>
/// <param name="CostToServePerPurchase">YearlyCostToServe / PurchasesPerYear of the peers; null with too few of them.</param>
/// <param name="FirstYearResult">A year of purchases of this size (at least this deal) less the acquisition cost and a year's cost to serve; null with too few peers.</param>
/// <param name="PaybackPurchases">Purchases of this size until the acquisition cost is earned back; null for "never" or unknown.</param>
public sealed record Affordability(AffordVerdict Verdict, int? PaybackPurchases, decimal? MarginRate, MarginSource MarginSource, decimal? FirstDealMargin,
    decimal AcquisitionCost, decimal? CostToServePerPurchase, decimal? FirstYearResult, PeerMedians Peers);

/// <summary>
/// "Can we afford this client?": a deal's expected margin against what winning and serving the client will cost.
/// <code>
/// M  = value × margin rate                        (the client's own rate, else the similar clients' median)
/// A  = 0 when the client already buys, else the channel's CAC + the card's direct cost + service costs so far
/// S  = the similar clients' median yearly cost to serve,  P = their median purchases per year
/// c  = S / P                                      (cost to serve per purchase)
/// first year = M × max(1, P) − A − S
/// payback    = the least n ≥ 1 with n × (M − c) ≥ A; never when M − c &lt; 0, or = 0 with A &gt; 0
/// </code>
/// A peer's yearly figures divide by its years of buying, a client buying for less than a year counting as one year,
/// so that a few weeks are never extrapolated into a year. With fewer than <see cref="MinimumPeers"/> similar clients
/// no median is taken (a median of one or two would be that client's own figure): the cost to serve is then left out of
/// the payback and the first year is not estimated.
/// </summary>
public static class DealAffordability
{
    /// <summary>The fewest clients a median is taken over, so that no single other client's figures can be read from it.</summary>
    public const int MinimumPeers = 3;

    private const decimal DaysInYear = 365m;

    /// <summary>The medians of the first basis with at least <see cref="MinimumPeers"/> buying clients, in the order given.</summary>
    public static PeerMedians Medians(IEnumerable<(PeerBasis Basis, IReadOnlyList<PeerClient> Clients)> bases)
    {
        var largest = 0;
        foreach (var (basis, clients) in bases)
        {
            var buying = clients.Where(c => c.Purchases > 0 && c.Revenue > 0).ToList();
            largest = Math.Max(largest, buying.Count);
            if (buying.Count < MinimumPeers) continue;
            return new PeerMedians(basis, buying.Count,
                Median([.. buying.Select(c => c.MarginLessConcessions / c.Revenue)]),
                Median([.. buying.Select(c => c.ServiceCost * DaysInYear / Math.Max(c.DaysBuying, DaysInYear))]),
                Median([.. buying.Select(c => c.Purchases * DaysInYear / Math.Max(c.DaysBuying, DaysInYear))]));
        }
        return new PeerMedians(null, largest, null, null, null);
    }

    public static Affordability Compute(AffordabilityInput input)
    {
        var peers = input.Peers;
        var acquisition = input.AlreadyBuying ? 0m : Money((input.ChannelCac ?? 0) + input.DirectAcquisitionCost + input.CostsSoFar);
        var (rate, source) = input.OwnMarginRate is { } own ? (own, MarginSource.ClientsOwn)
            : peers.MarginRate is { } median ? (median, MarginSource.SimilarClients) : ((decimal?)null, MarginSource.Unknown);
        if (rate is not { } r) return new Affordability(AffordVerdict.Unknown, null, null, source, null, acquisition, null, null, peers);

        var margin = Money(input.DealValue * r);
        decimal? perPurchase = peers is { YearlyCostToServe: { } s, PurchasesPerYear: { } p and > 0 } ? Money(s / p) : null;
        decimal? firstYear = peers is { YearlyCostToServe: { } yearly, PurchasesPerYear: { } perYear }
            ? Money(margin * Math.Max(1, perYear) - acquisition - yearly) : null;

        var net = margin - (perPurchase ?? 0);
        int? payback = net < 0 || (net == 0 && acquisition > 0) ? null
            : acquisition <= 0 ? 1 : (int)Math.Min(int.MaxValue, Math.Max(1, Math.Ceiling(acquisition / net)));
        var verdict = payback switch { null => AffordVerdict.LossMaker, 1 => AffordVerdict.PaysOffWithFirstDeal, _ => AffordVerdict.PaysOffAfterPurchases };
        return new Affordability(verdict, payback, r, source, margin, acquisition, perPurchase, firstYear, peers);
    }

    /// <summary>The middle value, or the mean of the two middle values of an even count.</summary>
    public static decimal Median(decimal[] values)
    {
        if (values.Length == 0) throw new ArgumentException("No values.", nameof(values));
        Array.Sort(values);
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static decimal Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
