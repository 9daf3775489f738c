using Clientele.Analytics.Pipeline;

namespace Clientele.Analytics.Tests.Pipeline;

public sealed class DealAffordabilityTests
{
    // Three buying clients of the channel and one that never bought (ignored):
    //   rate   3000/10000 = 0.30   5000/20000 = 0.25   2000/5000 = 0.40          → median 0.30
    //   cost   1200 × 365/730 = 600   400 (100 days count as a year)   1095 × 365/365 = 1095 → median 600
    //   buys   6 × 365/730 = 3        2                                 4                   → median 3
    private static readonly PeerClient[] Channel =
    [
        new(10_000m, 3_000m, 1_200m, 6, 730),
        new(20_000m, 5_000m, 400m, 2, 100),
        new(5_000m, 2_000m, 1_095m, 4, 365),
        new(0m, 0m, 300m, 0, 0),
    ];

    private static PeerMedians ChannelPeers() => DealAffordability.Medians([(PeerBasis.SameChannel, Channel)]);

    [Fact]
    public void Medians_of_the_channel_are_taken_over_its_buying_clients()
    {
        var peers = ChannelPeers();
        Assert.Equal(new PeerMedians(PeerBasis.SameChannel, 3, 0.30m, 600m, 3m), peers);
        Assert.False(peers.TooFew);
        Assert.Equal(2.5m, DealAffordability.Median([4m, 1m, 3m, 2m]));
    }

    [Fact]
    public void A_prospect_pays_off_after_five_purchases_and_loses_in_the_first_year()
    {
        // A = 12,000 CAC + 500 direct + 1,500 of hours logged = 14,000; M = 10,000 × 0.30 = 3,000; c = 600 / 3 = 200.
        // Each purchase nets 2,800: 14,000 / 2,800 = 5 purchases. First year: 3,000 × 3 − 14,000 − 600 = −5,600.
        var result = DealAffordability.Compute(new AffordabilityInput(10_000m, null, false, 12_000m, 500m, 1_500m, ChannelPeers()));

        Assert.Equal(AffordVerdict.PaysOffAfterPurchases, result.Verdict);
        Assert.Equal(5, result.PaybackPurchases);
        Assert.Equal((0.30m, MarginSource.SimilarClients), (result.MarginRate, result.MarginSource));
        Assert.Equal((3_000m, 14_000m, 200m, -5_600m), (result.FirstDealMargin, result.AcquisitionCost, result.CostToServePerPurchase, result.FirstYearResult));
    }

    [Fact]
    public void A_client_already_buying_is_not_won_again_and_its_own_rate_is_used()
    {
        // A = 0 (already buying, whatever the channel's CAC); M = 1,000 × 0.5 = 500 ≥ c = 200: the first deal pays.
        // First year: 500 × 3 − 0 − 600 = 900.
        var result = DealAffordability.Compute(new AffordabilityInput(1_000m, 0.5m, true, 12_000m, 500m, 1_500m, ChannelPeers()));

        Assert.Equal((AffordVerdict.PaysOffWithFirstDeal, 1), (result.Verdict, result.PaybackPurchases));
        Assert.Equal((0.5m, MarginSource.ClientsOwn, 500m, 0m, 900m), (result.MarginRate, result.MarginSource, result.FirstDealMargin, result.AcquisitionCost, result.FirstYearResult));
    }

    [Fact]
    public void A_margin_below_the_cost_to_serve_per_purchase_never_pays_back()
    {
        // M = 1,000 × 0.1 = 100 < c = 200: each purchase loses 100. First year: 100 × 3 − 600 = −300.
        var thin = DealAffordability.Compute(new AffordabilityInput(1_000m, 0.1m, true, null, 0m, 0m, ChannelPeers()));
        Assert.Equal((AffordVerdict.LossMaker, (int?)null, -300m), (thin.Verdict, thin.PaybackPurchases, thin.FirstYearResult));

        // Selling below cost: M = 2,000 × −0.05 = −100; first year −100 × 3 − 0 − 600 = −900.
        var negative = DealAffordability.Compute(new AffordabilityInput(2_000m, -0.05m, true, null, 0m, 0m, ChannelPeers()));
        Assert.Equal((AffordVerdict.LossMaker, -100m, -900m), (negative.Verdict, negative.FirstDealMargin, negative.FirstYearResult));

        // A zero-value deal of a prospect: M = 0, each purchase costs 200 to serve, 14,000 is never earned back.
        var zero = DealAffordability.Compute(new AffordabilityInput(0m, null, false, 12_000m, 500m, 1_500m, ChannelPeers()));
        Assert.Equal((AffordVerdict.LossMaker, 0m, -14_600m), (zero.Verdict, zero.FirstDealMargin, zero.FirstYearResult));

        // Zero margin, nothing to earn back and no cost to serve known: it breaks even with the first deal.
        var even = DealAffordability.Compute(new AffordabilityInput(0m, 0.3m, true, null, 0m, 0m, DealAffordability.Medians([])));
        Assert.Equal((AffordVerdict.PaysOffWithFirstDeal, 1), (even.Verdict, even.PaybackPurchases));
    }

    [Fact]
    public void With_too_few_similar_clients_no_median_is_taken_and_the_next_basis_is_tried()
    {
        PeerClient[] two = [Channel[0], Channel[1]];
        var tooFew = DealAffordability.Medians([(PeerBasis.SameChannel, two), (PeerBasis.SameIndustry, [Channel[2]]), (PeerBasis.AllBuyingClients, two)]);
        Assert.Equal(new PeerMedians(null, 2, null, null, null), tooFew);
        Assert.True(tooFew.TooFew);

        // Two in the channel, three in the industry: the industry's medians (the same three clients as above).
        var industry = DealAffordability.Medians([(PeerBasis.SameChannel, two), (PeerBasis.SameIndustry, Channel)]);
        Assert.Equal((PeerBasis.SameIndustry, 3, 0.30m), (industry.Basis, industry.Count, industry.MarginRate));

        // No purchases and no peers: nothing to estimate a margin from; the acquisition cost is still known (3,000).
        var unknown = DealAffordability.Compute(new AffordabilityInput(5_000m, null, false, 3_000m, 0m, 0m, tooFew));
        Assert.Equal((AffordVerdict.Unknown, MarginSource.Unknown, 3_000m, (decimal?)null), (unknown.Verdict, unknown.MarginSource, unknown.AcquisitionCost, unknown.FirstDealMargin));

        // Its own rate but no peers: M = 5,000 × 0.2 = 1,000 against A = 3,000, cost to serve left out: 3 purchases; no first year.
        var own = DealAffordability.Compute(new AffordabilityInput(5_000m, 0.2m, false, 3_000m, 0m, 0m, tooFew));
        Assert.Equal((AffordVerdict.PaysOffAfterPurchases, 3, (decimal?)null, (decimal?)null), (own.Verdict, own.PaybackPurchases, own.CostToServePerPurchase, own.FirstYearResult));
    }
}
