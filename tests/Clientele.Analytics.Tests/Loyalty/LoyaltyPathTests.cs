using Clientele.Analytics.Loyalty;

namespace Clientele.Analytics.Tests.Loyalty;

public sealed class LoyaltyPathTests
{
    private static readonly DateOnly Day0 = new(2025, 1, 1);
    private static DateOnly D(int days) => Day0.AddDays(days);

    private static LoyaltyFacts Facts(int[]? contacts = null, int[]? purchases = null, int[]? referrals = null, (int Day, int Score)[]? scores = null,
        int? advocate = null, int? lost = null, int? modelLost = null, int created = 0) =>
        new(D(created), [.. (contacts ?? []).Select(D)], [.. (purchases ?? []).Select(D)], [.. (referrals ?? []).Select(D)],
            [.. (scores ?? []).Select(s => new ScoreOn(D(s.Day), s.Score))], advocate is { } a ? D(a) : null, lost is { } l ? D(l) : null,
            modelLost is { } m ? D(m) : null);

    private static (int Day, LoyaltyStage Stage)[] Path(LoyaltyFacts facts, int until, double? baseMedian = null, LoyaltyRules? rules = null) =>
        [.. LoyaltyPath.Compute(facts, rules ?? LoyaltyRules.Default, baseMedian, D(until)).Select(c => (c.Date.DayNumber - Day0.DayNumber, c.Stage))];

    [Fact]
    public void A_client_never_contacted_stays_a_prospect()
    {
        Assert.Equal([(0, LoyaltyStage.Prospect)], Path(Facts(), 400));
    }

    [Fact]
    public void The_climb_goes_through_every_rung_on_the_days_of_its_facts()
    {
        // Contacted on day 5, buys on days 10, 40 and 70 (intervals 30 → lapse max(90, 90) = 90), promoter score on day 80.
        var facts = Facts(contacts: [5, 80], purchases: [10, 40, 70], scores: [(80, 9)]);

        Assert.Equal([(0, LoyaltyStage.Prospect), (5, LoyaltyStage.Aware), (10, LoyaltyStage.FirstPurchase), (40, LoyaltyStage.Repeat),
            (70, LoyaltyStage.Regular), (80, LoyaltyStage.Advocate)], Path(facts, 150));
    }

    [Fact]
    public void A_client_is_lost_the_day_after_its_lapse_and_comes_back_with_its_next_purchase()
    {
        // Intervals 50 and 50: usual 50, lapse max(90, 3 × 50) = 150 → lost on day 100 + 151 = 251; buys again on day 300.
        var facts = Facts(purchases: [0, 50, 100, 300]);

        var path = Path(facts, 500);

        Assert.Equal([(0, LoyaltyStage.FirstPurchase), (50, LoyaltyStage.Repeat), (100, LoyaltyStage.Regular), (251, LoyaltyStage.Lost),
            (300, LoyaltyStage.Regular)], path[..5]);
        // After day 300 the intervals are 50, 50, 200: median 50, so lost again on day 300 + 151.
        Assert.Equal((451, LoyaltyStage.Lost), path[5]);
        var changes = LoyaltyPath.Compute(facts, LoyaltyRules.Default, null, D(500));
        Assert.Equal(LoyaltyStage.Lost, changes[4].Previous);
    }

    [Fact]
    public void Exactly_the_lapse_is_not_yet_lost()
    {
        var facts = Facts(purchases: [0]);
        Assert.Equal([(0, LoyaltyStage.FirstPurchase)], Path(facts, 90));
        Assert.Equal([(0, LoyaltyStage.FirstPurchase), (91, LoyaltyStage.Lost)], Path(facts, 91));
    }

    [Fact]
    public void A_one_purchase_client_lapses_by_the_base_median_interval_but_never_before_the_minimum()
    {
        var facts = Facts(purchases: [0]);
        Assert.Equal((121, LoyaltyStage.Lost), Path(facts, 400, baseMedian: 40)[^1]);
        Assert.Equal((91, LoyaltyStage.Lost), Path(facts, 400, baseMedian: 10)[^1]);
        Assert.Equal((31, LoyaltyStage.Lost), Path(facts, 400, baseMedian: 10, rules: new LoyaltyRules(MinimumLapseDays: 30))[^1]);
    }

    [Fact]
    public void A_manager_s_mark_makes_lost_until_a_later_purchase()
    {
        var facts = Facts(purchases: [0, 10, 20, 60], lost: 30);
        Assert.Equal([(0, LoyaltyStage.FirstPurchase), (10, LoyaltyStage.Repeat), (20, LoyaltyStage.Regular), (30, LoyaltyStage.Lost),
            (60, LoyaltyStage.Regular)], Path(facts, 70));
    }

    [Fact]
    public void A_purchase_on_the_day_of_the_mark_does_not_undo_it()
    {
        Assert.Equal([(0, LoyaltyStage.FirstPurchase), (5, LoyaltyStage.Lost)], Path(Facts(purchases: [0, 5], lost: 5), 30));
    }

    [Fact]
    public void The_model_s_day_counts_like_a_mark()
    {
        Assert.Equal([(0, LoyaltyStage.FirstPurchase), (20, LoyaltyStage.Lost), (25, LoyaltyStage.Repeat)], Path(Facts(purchases: [0, 25], modelLost: 20), 30));
    }

    [Fact]
    public void A_prospect_can_be_marked_lost()
    {
        Assert.Equal([(0, LoyaltyStage.Prospect), (3, LoyaltyStage.Lost)], Path(Facts(lost: 3), 30));
    }

    [Fact]
    public void Advocacy_needs_a_regular_and_counts_from_its_own_day()
    {
        // Referred someone on day 2, long before becoming regular on day 20: advocate from day 20.
        Assert.Equal((20, LoyaltyStage.Advocate), Path(Facts(purchases: [0, 10, 20], referrals: [2]), 30)[^1]);
        // A score below the threshold is no evidence; the manager's mark is.
        Assert.Equal((20, LoyaltyStage.Regular), Path(Facts(purchases: [0, 10, 20], scores: [(25, 8)]), 30)[^1]);
        Assert.Equal((25, LoyaltyStage.Advocate), Path(Facts(purchases: [0, 10, 20], advocate: 25), 30)[^1]);
        Assert.Equal((25, LoyaltyStage.Advocate), Path(Facts(purchases: [0, 10, 20], scores: [(25, 8)]), 30, rules: new LoyaltyRules(PromoterScore: 8))[^1]);
        // With two purchases an advocate is not yet regular.
        Assert.Equal((10, LoyaltyStage.Repeat), Path(Facts(purchases: [0, 10], referrals: [5]), 30)[^1]);
    }

    [Fact]
    public void Several_purchases_on_one_day_count_once_and_the_threshold_is_adjustable()
    {
        Assert.Equal((10, LoyaltyStage.Repeat), Path(Facts(purchases: [0, 0, 10, 10]), 30)[^1]);
        Assert.Equal((10, LoyaltyStage.Regular), Path(Facts(purchases: [0, 10]), 30, rules: new LoyaltyRules(RegularPurchases: 2))[^1]);
    }

    [Fact]
    public void Facts_older_than_the_client_s_creation_start_its_path_and_later_ones_are_ignored()
    {
        Assert.Equal([(-30, LoyaltyStage.FirstPurchase), (0, LoyaltyStage.Repeat)], Path(Facts(purchases: [-30, 0, 40]), 20));
        Assert.Empty(Path(Facts(created: 50), 20));
    }

    [Fact]
    public void Median_interval_takes_every_client_s_gaps_between_distinct_days()
    {
        // Gaps: 10, 30 | 5 | none → sorted 5, 10, 30 → 10.
        Assert.Equal(10, LoyaltyPath.MedianInterval([[D(0), D(10), D(40), D(10)], [D(7), D(2)], [D(3)]]));
        Assert.Equal(7.5, LoyaltyPath.MedianInterval([[D(0), D(5)], [D(0), D(10)]]));
        Assert.Null(LoyaltyPath.MedianInterval([[D(3)]]));
    }

    [Fact]
    public void Thresholds_out_of_range_are_named()
    {
        Assert.Empty(LoyaltyRules.Default.Problems());
        var fields = new LoyaltyRules(1, 11, 0.5, 0, 0).Problems().Select(p => p.Field);
        Assert.Equal(["regularPurchases", "promoterScore", "lapseFactor", "minimumLapseDays", "trendWindowDays"], fields);
    }
}
