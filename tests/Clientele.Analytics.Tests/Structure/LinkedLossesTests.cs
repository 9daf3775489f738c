using Clientele.Analytics.Structure;

namespace Clientele.Analytics.Tests.Structure;

public sealed class LinkedLossesTests
{
    private static readonly DateOnly Dec3 = new(2026, 12, 3);
    private static readonly DateOnly Nov20 = new(2026, 11, 20);

    [Fact]
    public void A_lost_client_flags_its_referees_its_referrer_its_referrers_other_referees_and_its_group_mates_only()
    {
        // 1 referred 2, 3 and 4; 2 referred 5; 2 left on 3 Dec. 6 shares group 100 with 2; 7 is in group 200 alone with 8.
        // 9 is unrelated. 4 is lost itself (an older loss outside the list), so it is not flagged.
        // Hand-computed: 5 (referred by 2), 1 (referred 2), 3 (same referrer 1), 6 (group 100). Not 4, 7, 8, 9, nor 2.
        LinkedClient[] clients =
        [
            new(1, null, true), new(2, 1, false), new(3, 1, true), new(4, 1, false), new(5, 2, true),
            new(6, null, true), new(7, null, true), new(8, null, true), new(9, null, true),
        ];
        GroupTie[] groups = [new(100, 2), new(100, 6), new(200, 7), new(200, 8)];

        var flags = LinkedLosses.Select(clients, [new RecentLoss(2, Dec3)], groups);

        Assert.Equal(
        [
            new LinkedToLoss(1, 2, Dec3, LossLink.ReferredLost, null),
            new LinkedToLoss(3, 2, Dec3, LossLink.SameReferrer, 1),
            new LinkedToLoss(5, 2, Dec3, LossLink.ReferredByLost, null),
            new LinkedToLoss(6, 2, Dec3, LossLink.SameGroup, 100),
        ], flags);
    }

    [Fact]
    public void Two_ties_to_one_lost_client_name_the_strongest_and_two_lost_clients_flag_twice_latest_first()
    {
        // 10 referred 11 and is in group 300 with it: one flag, the referral (stronger than the group).
        // 12 is in group 300 and in group 301 with 13; 11 left on 20 Nov, 13 on 3 Dec: 12 is flagged for each, 3 Dec first.
        // 11 left twice in the window (15 Nov, 20 Nov): the latest day is the one named.
        LinkedClient[] clients = [new(10, null, true), new(11, 10, false), new(12, null, true), new(13, null, false)];
        GroupTie[] groups = [new(300, 10), new(300, 11), new(300, 12), new(301, 12), new(301, 13)];

        var flags = LinkedLosses.Select(clients, [new RecentLoss(11, new DateOnly(2026, 11, 15)), new RecentLoss(11, Nov20), new RecentLoss(13, Dec3)], groups);

        Assert.Equal(
        [
            new LinkedToLoss(12, 13, Dec3, LossLink.SameGroup, 301),
            new LinkedToLoss(10, 11, Nov20, LossLink.ReferredLost, null),
            new LinkedToLoss(12, 11, Nov20, LossLink.SameGroup, 300),
        ], flags);
    }

    [Fact]
    public void Nothing_lost_flags_nothing_and_a_loss_of_a_client_without_ties_flags_nothing()
    {
        LinkedClient[] clients = [new(1, null, true), new(2, null, false)];

        Assert.Empty(LinkedLosses.Select(clients, [], []));
        Assert.Empty(LinkedLosses.Select(clients, [new RecentLoss(2, Dec3)], []));
    }

    [Fact]
    public void A_lost_client_flags_the_other_active_clients_of_its_dealer_and_a_lost_dealer_flags_the_clients_it_serves()
    {
        // Dealer 20 serves 21, 22, 23 and 24; 24 is lost already (older), 23 is potential (not active). Dealer 30 serves 31.
        // 21 left on 3 Dec: 22 is flagged "same dealer" via 20 — not 23 (potential), 24 (lost), 31 (another dealer), nor the dealer
        // itself (a dealer is not its customers' sibling). Dealer 30 left on 20 Nov: 31 is flagged "served by the lost one".
        // 25 is served through 20 and was also referred by 21: the referral is the stronger tie, named once.
        LinkedClient[] clients =
        [
            new(20, null, true), new(21, null, false, 20), new(22, null, true, 20), new(23, null, false, 20), new(24, null, false, 20),
            new(25, 21, true, 20), new(30, null, false), new(31, null, true, 30),
        ];

        var flags = LinkedLosses.Select(clients, [new RecentLoss(21, Dec3), new RecentLoss(30, Nov20)], []);

        Assert.Equal(
        [
            new LinkedToLoss(22, 21, Dec3, LossLink.SameDealer, 20),
            new LinkedToLoss(25, 21, Dec3, LossLink.ReferredByLost, null),
            new LinkedToLoss(31, 30, Nov20, LossLink.ServedByLost, null),
        ], flags);
    }
}
