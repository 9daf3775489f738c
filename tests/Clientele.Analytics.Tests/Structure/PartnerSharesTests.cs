using Clientele.Analytics.Economics;
using Clientele.Analytics.Structure;

namespace Clientele.Analytics.Tests.Structure;

public sealed class PartnerSharesTests
{
    [Fact]
    public void Each_partner_sums_its_clients_months_inside_the_period_and_its_own_purchases_apart()
    {
        // Base of seven clients (indexes 0–6). Partner 0 = client 0 (a dealer in the base), partner 1 = a dealer not in it (−1).
        // Served through partner 0: clients 2 (active), 3 (lost), 4 (potential). Through partner 1: client 5 (active). Direct: 0, 1, 6.
        // Period: months 10..12.
        //   client 0 (the dealer itself): month 11 revenue 500, contribution 50          -> own 500 / 50, not in partner 0's sums
        //   client 1: month 12 revenue 1000, contribution 300                            -> base only
        //   client 2: month 9 revenue 700 (outside), month 10 revenue 200 / 60, month 12 revenue 100 / 40
        //   client 3: month 11 revenue 300 / −20 (bought, then lost)
        //   client 4: no months
        //   client 5: month 12 revenue 400 / 100
        //   client 6: month 13 revenue 900 (outside)
        // Partner 0: 3 clients, 1 active, 1 lost, 2 buying; revenue 200 + 100 + 300 = 600, contribution 60 + 40 − 20 = 80.
        // Partner 1: 1 client, 1 active, 0 lost, 1 buying; revenue 400, contribution 100; own: none (not in the base).
        // Base in the period: revenue 500 + 1000 + 200 + 100 + 300 + 400 = 2500; contribution 50 + 300 + 60 + 40 − 20 + 100 = 530.
        // Shares: partner 0 600 / 2500 = 0.24, 80 / 530; partner 1 400 / 2500 = 0.16, 100 / 530.
        int[] servedThrough = [-1, -1, 0, 0, 0, 1, -1];
        PartnerClientState[] state =
        [
            PartnerClientState.Active, PartnerClientState.Active, PartnerClientState.Active, PartnerClientState.Lost,
            PartnerClientState.Potential, PartnerClientState.Active, PartnerClientState.Active,
        ];
        ClientMonthRow[] months =
        [
            new(0, 11, 500, 100, 50, 1), new(1, 12, 1000, 400, 300, 2), new(2, 9, 700, 200, 100, 1), new(2, 10, 200, 80, 60, 1),
            new(2, 12, 100, 50, 40, 1), new(3, 11, 300, 10, -20, 1), new(5, 12, 400, 150, 100, 1), new(6, 13, 900, 300, 200, 1),
        ];

        var result = PartnerShares.Compute(2, servedThrough, state, [0, -1], months, 10, 12);

        Assert.Equal(2500m, result.BaseRevenue);
        Assert.Equal(530m, result.BaseContribution);
        Assert.Equal(3, result.DirectClients);
        Assert.Equal(
        [
            new PartnerFigures(0, 3, 1, 1, 2, 600m, 80m, 0.24, (double)(80m / 530m), 500m, 50m),
            new PartnerFigures(1, 1, 1, 0, 1, 400m, 100m, 0.16, (double)(100m / 530m), null, null),
        ], result.Partners);
    }

    [Fact]
    public void A_partner_without_clients_or_months_counts_zero_and_a_period_without_revenue_has_no_shares()
    {
        // One client served through partner 1 with a month outside the period; partner 0 serves nobody and is client 0.
        var result = PartnerShares.Compute(2, [-1, 1], [PartnerClientState.Active, PartnerClientState.Active], [0, -1],
            [new ClientMonthRow(1, 5, 100, 10, 10, 1)], 6, 8);

        Assert.Equal(0m, result.BaseRevenue);
        Assert.Equal(
        [
            new PartnerFigures(0, 0, 0, 0, 0, 0m, 0m, null, null, 0m, 0m),
            new PartnerFigures(1, 1, 1, 0, 0, 0m, 0m, null, null, null, null),
        ], result.Partners);
    }
}
