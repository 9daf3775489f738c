using Clientele.Analytics.Pipeline;
using Clientele.Analytics.Structure;
using Clientele.Features.Analytics;
using Clientele.Features.Audit;
using Clientele.Features.Economics;
using Clientele.Features.Handover;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Pipeline;

/// <summary>The deal owner's load against the capacity the owner set, counting the deal's client if it is not theirs yet.</summary>
public sealed record DealOwnerCapacity(long ManagerId, string? ManagerName, int Load, int Capacity, bool Exceeded);

/// <summary>
/// "Can we afford this client?" for one deal, in the base currency. Similar clients appear only as medians and a count
/// (never a name or an id), and with fewer than three of them no median is given at all.
/// </summary>
/// <param name="Summary">The verdict in words, in the reader's language.</param>
/// <param name="Explanations">How each figure is computed, in the reader's language, by field name.</param>
/// <param name="Warnings">A loss-maker, too few similar clients, an owner over capacity, a value without a rate.</param>
public sealed record DealAffordabilityView(
    long DealId, long ClientId, string BaseCurrency, decimal? DealValue, AffordVerdict Verdict, int? PaybackPurchases, string Summary,
    decimal? MarginRate, MarginSource MarginSource, decimal? FirstDealMargin,
    bool AlreadyBuying, decimal AcquisitionCost, decimal? ChannelCac, string? ChannelName, decimal DirectAcquisitionCost, decimal CostsSoFar, decimal HoursSoFar,
    decimal? YearlyCostToServe, decimal? PurchasesPerYear, decimal? CostToServePerPurchase, decimal? FirstYearResult,
    PeerBasis? SimilarBasis, int SimilarClients, bool TooFewSimilarClients, DealOwnerCapacity? Capacity,
    IReadOnlyDictionary<string, string> Explanations, IReadOnlyList<string> Warnings);

/// <summary>
/// Reads what <see cref="DealAffordability"/> needs from the reader's own analytics report (the row filter's scope: a
/// manager's medians are over their own clients) and the deal's client's service costs.
/// </summary>
public static class DealAffordabilityReport
{
    /// <returns>Null when the reader does not see the deal (the deal's own 404).</returns>
    public static async Task<DealAffordabilityView?> LoadAsync(ClienteleDb db, AnalyticsCache cache, TimeProvider clock, long dealId, CancellationToken ct)
    {
        var deal = await db.Deals.AsNoTracking().Where(d => d.Id == dealId)
            .Select(d => new { d.Id, d.ClientId, d.Value, d.Currency, d.ManagerId, ManagerName = d.Manager!.DisplayName }).SingleOrDefaultAsync(ct);
        if (deal is null) return null;
        var analytics = new AnalyticsService(db, cache, clock);
        var report = await analytics.ReportAsync(null, ct);
        var b = report.Base;
        var currency = b.Settings.BaseCurrency;
        var rate = deal.Currency == currency ? 1m : await BaseCurrency.DayRateAsync(db, deal.Currency, b.AsOf, ct);
        decimal? value = rate is { } r ? BaseCurrency.ToBase(deal.Value, r) : null;

        var me = Array.FindIndex(b.Clients, c => c.Id == deal.ClientId);
        var figures = me >= 0 ? b.Figures[me] : default;
        var buying = me >= 0 && b.Purchases[me] > 0;
        var channel = me >= 0 ? b.ChannelIndex[me] : -1;
        var industry = me >= 0 ? b.Clients[me].Industry : null;
        decimal? cac = channel >= 0 ? report.Channels.FirstOrDefault(c => c.Channel == channel)?.Cac : null;

        var sameChannel = new List<PeerClient>();
        var sameIndustry = new List<PeerClient>();
        var all = new List<PeerClient>();
        for (var i = 0; i < b.Count; i++)
        {
            if (i == me || b.Purchases[i] == 0 || b.FirstPurchase[i] is not { } first) continue;
            var f = b.Figures[i];
            var peer = new PeerClient(f.Revenue, f.GrossMargin - f.Concessions, f.ServiceCost, b.Purchases[i], b.AsOf.DayNumber - first.DayNumber + 1);
            all.Add(peer);
            if (channel >= 0 && b.ChannelIndex[i] == channel) sameChannel.Add(peer);
            if (industry is not null && string.Equals(b.Clients[i].Industry, industry, StringComparison.OrdinalIgnoreCase)) sameIndustry.Add(peer);
        }
        var bases = new List<(PeerBasis, IReadOnlyList<PeerClient>)>();
        if (channel >= 0) bases.Add((PeerBasis.SameChannel, sameChannel));
        if (industry is not null) bases.Add((PeerBasis.SameIndustry, sameIndustry));
        bases.Add((PeerBasis.AllBuyingClients, all));
        var peers = DealAffordability.Medians(bases);

        // Before its first purchase every service cost logged on a client (manager hours × rate among them) was spent winning it.
        var hours = buying ? 0m : await db.ServiceCosts.Where(c => c.ClientId == deal.ClientId).SumAsync(c => c.Hours ?? 0, ct);
        var costsSoFar = buying ? 0m : figures.ServiceCost;
        var direct = me >= 0 ? b.Clients[me].DirectAcquisitionCost : 0m;
        decimal? ownRate = buying && figures.Revenue > 0 ? (figures.GrossMargin - figures.Concessions) / figures.Revenue : null;
        var result = DealAffordability.Compute(new AffordabilityInput(value ?? 0, ownRate, buying, cac, direct, costsSoFar, peers));
        if (value is null) result = result with { Verdict = AffordVerdict.Unknown, PaybackPurchases = null, FirstDealMargin = null, FirstYearResult = null };

        DealOwnerCapacity? capacity = null;
        if (deal.ManagerId is { } manager)
        {
            var (load, limit) = await new ManagersLoadReport(db, analytics, clock).LoadOfAsync(manager, report, ct);
            // Winning a client someone else manages (or nobody) adds it to the owner's portfolio, as a class C client at first.
            var added = me >= 0 && b.Clients[me].ManagerId == manager ? 0 : Successors.LoadOf(AbcClass.C);
            capacity = new DealOwnerCapacity(manager, deal.ManagerName, load + added, limit, load + added > limit);
        }

        var text = new Wording(currency);
        var warnings = new List<string>();
        if (value is null) warnings.Add(Message.Of<AffordabilityText>("There is no exchange rate {0}→{1}: the deal's value cannot be judged.", deal.Currency, currency).Render());
        if (result.Verdict == AffordVerdict.LossMaker) warnings.Add(Message.Of<AffordabilityText>("This deal would make a loss-making client.").Render());
        if (peers.TooFew) warnings.Add(Message.Of<AffordabilityText>("Too few similar clients ({0}; at least {1} are needed): the cost to serve is left out.", peers.Count, DealAffordability.MinimumPeers).Render());
        if (capacity is { Exceeded: true }) warnings.Add(Message.Of<AffordabilityText>("{0} would be over the capacity the owner set: a load of {1} against {2}.", capacity.ManagerName, capacity.Load, capacity.Capacity).Render());

        return new DealAffordabilityView(deal.Id, deal.ClientId, currency, value, result.Verdict, result.PaybackPurchases, text.Summary(result, cac, buying),
            Round(result.MarginRate, 4), result.MarginSource, result.FirstDealMargin, buying, result.AcquisitionCost, cac is { } c ? Math.Round(c, 2) : null,
            channel >= 0 ? b.ChannelNames[channel] : null, direct, costsSoFar, hours,
            Round(peers.YearlyCostToServe, 2), Round(peers.PurchasesPerYear, 2), result.CostToServePerPurchase, result.FirstYearResult,
            peers.Basis, peers.Count, peers.TooFew, capacity, Explanations(), warnings);
    }

    private static decimal? Round(decimal? value, int digits) => value is { } v ? Math.Round(v, digits, MidpointRounding.AwayFromZero) : null;

    /// <summary>How each figure is computed, for the panel's hints and the API's reader.</summary>
    private static Dictionary<string, string> Explanations() => new()
    {
        ["marginRate"] = Message.Of<AffordabilityText>("The client's own margin after discounts, bonuses and kickbacks, as a share of its revenue; for a client without purchases, the median of similar clients.").Render(),
        ["firstDealMargin"] = Message.Of<AffordabilityText>("The deal's value × the margin rate.").Render(),
        ["acquisitionCost"] = Message.Of<AffordabilityText>("The channel's acquisition cost per client + the card's direct cost + the service costs logged on the client so far (hours × rate); nothing for a client already buying.").Render(),
        ["costToServePerPurchase"] = Message.Of<AffordabilityText>("The similar clients' median cost to serve per year ÷ their median purchases per year (a client buying for less than a year counts as one year).").Render(),
        ["firstYearResult"] = Message.Of<AffordabilityText>("A year of purchases of this size less the acquisition cost and a year's cost to serve.").Render(),
        ["paybackPurchases"] = Message.Of<AffordabilityText>("Purchases of this size until their margin less cost to serve covers the acquisition cost.").Render(),
        ["similarClients"] = Message.Of<AffordabilityText>("Clients of the same channel, else of the same industry, else all buying clients; only as medians of at least three.").Render(),
    };

    private sealed class Wording(string currency)
    {
        private string Money(decimal amount) => Message.Of<AffordabilityText>("{0:N0} {1}", amount, currency).Render();

        public string Summary(Affordability r, decimal? cac, bool alreadyBuying)
        {
            var verdict = r.Verdict switch
            {
                AffordVerdict.PaysOffWithFirstDeal => Message.Of<AffordabilityText>("Pays off with the first deal"),
                AffordVerdict.PaysOffAfterPurchases => Message.Of<AffordabilityText>("Pays off after {0} purchases of this size", r.PaybackPurchases),
                AffordVerdict.LossMaker => Message.Of<AffordabilityText>("A loss-maker: each purchase's margin is below its cost to serve"),
                _ => Message.Of<AffordabilityText>("Cannot be judged yet"),
            };
            var cost = alreadyBuying
                ? Message.Of<AffordabilityText>("the client already buys, so winning it costs nothing more")
                : cac is { } channelCost ? Message.Of<AffordabilityText>("the channel's acquisition cost is {0}", Money(channelCost))
                : Message.Of<AffordabilityText>("winning the client costs an estimated {0}", Money(r.AcquisitionCost));
            return Message.Of<AffordabilityText>("{0}; {1}.", verdict, cost).Render();
        }
    }
}

public static class DealAffordabilityApi
{
    /// <summary>Registered in the deals' role group (<c>AppHost</c>): whoever may read a deal may ask whether its client is affordable.</summary>
    public static RouteGroupBuilder MapDealAffordability(this RouteGroupBuilder api)
    {
        api.MapGet("/deals/{id:long}/affordability", async Task<Results<Ok<DealAffordabilityView>, NotFound>> (long id, ClienteleDb db, AnalyticsCache cache, TimeProvider clock, CancellationToken ct) =>
                await DealAffordabilityReport.LoadAsync(db, cache, clock, id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            // The answer holds the deal's client's own figures (its margin rate, its costs so far): a read of its row.
            .AuditsClientRows(value => value is DealAffordabilityView view ? [view.ClientId] : null)
            .WithTags("Pipeline").WithName("GetDealAffordability")
            .WithSummary("Can we afford this client? The deal's expected margin against the estimated acquisition cost (the channel's CAC, the card's direct cost, service costs logged so far) and the cost to serve of similar clients (medians of at least three, never their names), the payback in purchases of this size, a verdict in the reader's language, and a warning when the deal's owner would exceed the capacity the owner set.");
        return api;
    }
}
