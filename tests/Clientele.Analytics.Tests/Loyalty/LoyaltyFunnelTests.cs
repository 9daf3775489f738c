using Clientele.Analytics.Calendar;
using Clientele.Analytics.Loyalty;

namespace Clientele.Analytics.Tests.Loyalty;

public sealed class LoyaltyFunnelTests
{
    private static readonly DateOnly Jan1 = new(2025, 1, 1);
    private static DateOnly D(int days) => Jan1.AddDays(days);

    private static StageChange[] P(params (int Day, LoyaltyStage Stage)[] steps) =>
        [.. steps.Select((s, i) => new StageChange(D(s.Day), s.Stage, i == 0 ? null : steps[i - 1].Stage))];

    /// <summary>
    /// Five clients: a prospect; one aware from day 10; one that bought on day 20 and again on day 40; one that climbed to
    /// regular (day 60) and was lost on day 100; and one that entered at first purchase on day 35 and became advocate
    /// (skipping nothing in "reached": it counts for every rung below), plus one who enters only on day 200.
    /// </summary>
    private static StageChange[][] Sample() =>
    [
        P((0, LoyaltyStage.Prospect)),
        P((0, LoyaltyStage.Prospect), (10, LoyaltyStage.Aware)),
        P((5, LoyaltyStage.Aware), (20, LoyaltyStage.FirstPurchase), (40, LoyaltyStage.Repeat)),
        P((0, LoyaltyStage.FirstPurchase), (30, LoyaltyStage.Repeat), (60, LoyaltyStage.Regular), (100, LoyaltyStage.Lost)),
        P((35, LoyaltyStage.FirstPurchase), (50, LoyaltyStage.Repeat), (70, LoyaltyStage.Regular), (80, LoyaltyStage.Advocate)),
        P((200, LoyaltyStage.Prospect)),
    ];

    [Fact]
    public void Counts_are_the_stage_each_existing_client_stands_at()
    {
        var counts = LoyaltyFunnel.Counts(Sample(), D(120)).ToDictionary(c => c.Stage, c => c.Clients);
        Assert.Equal(new Dictionary<LoyaltyStage, int>
        {
            [LoyaltyStage.Prospect] = 1, [LoyaltyStage.Aware] = 1, [LoyaltyStage.FirstPurchase] = 0, [LoyaltyStage.Repeat] = 1,
            [LoyaltyStage.Regular] = 0, [LoyaltyStage.Advocate] = 1, [LoyaltyStage.Lost] = 1,
        }, counts);
    }

    [Fact]
    public void Conversion_is_the_share_of_those_who_reached_a_step_that_reached_the_next()
    {
        var steps = LoyaltyFunnel.Conversions(Sample(), D(120));
        // Reached: prospect 5, aware 4, first purchase 3, repeat 3, regular 2, advocate 1.
        Assert.Equal([(5, 4), (4, 3), (3, 3), (3, 2), (2, 1)], steps.Select(s => (s.Reached, s.Converted)));
        Assert.Equal(0.8, steps[0].Rate);
        Assert.Equal(LoyaltyStage.Regular, steps[^1].From);
        Assert.Equal(LoyaltyStage.Advocate, steps[^1].To);
    }

    [Fact]
    public void The_monthly_trend_counts_conversions_within_the_window_by_the_month_of_reaching_the_lower_step()
    {
        // As of day 120 (1 May), four months Feb–May; window 30 days.
        var trend = LoyaltyFunnel.MonthlyTrend(Sample(), D(120), 4, 30);
        StepConversion At(int month, LoyaltyStage from) => trend.Single(t => t.Month == MonthIndex.Of(2025, month) && t.Step.From == from).Step;

        // Repeat in February: client 5 on day 50 (20 Feb) reached regular on day 70 (20 days), client 3 (day 40) never;
        // client 4 reached repeat on 31 January.
        Assert.Equal((2, 1), (At(2, LoyaltyStage.Repeat).Reached, At(2, LoyaltyStage.Repeat).Converted));
        // Regular in March: client 4 on day 60 (2 Mar) never advocate; client 5 on day 70 advocate 10 days later.
        Assert.Equal((2, 1), (At(3, LoyaltyStage.Regular).Reached, At(3, LoyaltyStage.Regular).Converted));
        Assert.Equal(0.5, At(3, LoyaltyStage.Regular).Rate);
        Assert.Null(At(4, LoyaltyStage.Regular).Rate);
        Assert.Equal(4 * 5, trend.Length);
        Assert.True(trend.Single(t => t.Month == MonthIndex.Of(2025, 3) && t.Step.From == LoyaltyStage.Prospect).Complete);
        Assert.False(trend.Single(t => t.Month == MonthIndex.Of(2025, 4) && t.Step.From == LoyaltyStage.Prospect).Complete);
    }

    [Fact]
    public void A_conversion_after_the_window_does_not_count_in_the_trend()
    {
        // Aware (or above) in January: client 2 (day 10, never bought), client 3 (day 5, bought on day 20 — 15 days later),
        // client 4 (entered at first purchase on day 0, converted the same day).
        StepConversion January(int window) => LoyaltyFunnel.MonthlyTrend(Sample(), D(30), 1, window).Single(t => t.Step.From == LoyaltyStage.Aware).Step;
        Assert.Equal((3, 1), (January(10).Reached, January(10).Converted));
        Assert.Equal((3, 2), (January(15).Reached, January(15).Converted));
        Assert.DoesNotContain(LoyaltyFunnel.MonthlyTrend(Sample(), D(120), 4, 10), t => t.Month < MonthIndex.Of(2025, 2));
    }

    [Fact]
    public void Retention_by_stage_keeps_those_not_lost_at_the_end()
    {
        var retention = LoyaltyFunnel.RetentionByStage(Sample(), D(65), D(120)).ToDictionary(r => r.Stage);
        // On day 65: prospect 1, aware 1, repeat 2 (clients 3 and 5), regular 1 (client 4, lost on day 100).
        Assert.Equal((1, 1), (retention[LoyaltyStage.Prospect].AtStart, retention[LoyaltyStage.Prospect].Kept));
        Assert.Equal((2, 2, 1.0), (retention[LoyaltyStage.Repeat].AtStart, retention[LoyaltyStage.Repeat].Kept, retention[LoyaltyStage.Repeat].RetentionRate!.Value));
        Assert.Equal((1, 0, 1.0), (retention[LoyaltyStage.Regular].AtStart, retention[LoyaltyStage.Regular].Kept, retention[LoyaltyStage.Regular].ChurnRate!.Value));
        Assert.Null(retention[LoyaltyStage.Advocate].RetentionRate);
        Assert.DoesNotContain(LoyaltyStage.Lost, retention.Keys);
    }
}
