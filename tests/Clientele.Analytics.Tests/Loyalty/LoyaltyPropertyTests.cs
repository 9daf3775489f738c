using Clientele.Analytics.Loyalty;

namespace Clientele.Analytics.Tests.Loyalty;

/// <summary>Properties over random clients: the path is well formed, its past never depends on the future, the funnel narrows.</summary>
public sealed class LoyaltyPropertyTests
{
    private static readonly DateOnly Day0 = new(2024, 1, 1);

    private static LoyaltyFacts RandomFacts(Random random)
    {
        DateOnly[] Days(int max, int span) => [.. Enumerable.Range(0, random.Next(max + 1)).Select(_ => Day0.AddDays(random.Next(span)))];
        return new LoyaltyFacts(Day0.AddDays(random.Next(300)), Days(4, 700), Days(8, 700), Days(2, 700),
            [.. Days(3, 700).Select(d => new ScoreOn(d, random.Next(11)))],
            random.Next(5) == 0 ? Day0.AddDays(random.Next(700)) : null,
            random.Next(6) == 0 ? Day0.AddDays(random.Next(700)) : null,
            random.Next(8) == 0 ? Day0.AddDays(random.Next(700)) : null);
    }

    [Fact]
    public void A_path_changes_stage_at_every_step_and_names_the_stage_before()
    {
        var random = new Random(5);
        for (var i = 0; i < 2_000; i++)
        {
            var path = LoyaltyPath.Compute(RandomFacts(random), LoyaltyRules.Default, 30, Day0.AddDays(800));
            Assert.NotEmpty(path);
            Assert.Null(path[0].Previous);
            for (var k = 1; k < path.Count; k++)
            {
                Assert.True(path[k].Date > path[k - 1].Date);
                Assert.Equal(path[k - 1].Stage, path[k].Previous);
                Assert.NotEqual(path[k].Previous, path[k].Stage);
            }
        }
    }

    [Fact]
    public void The_path_up_to_a_day_is_the_start_of_the_path_to_a_later_day()
    {
        var random = new Random(7);
        for (var i = 0; i < 1_000; i++)
        {
            var facts = RandomFacts(random);
            var full = LoyaltyPath.Compute(facts, LoyaltyRules.Default, 25, Day0.AddDays(900));
            var cut = Day0.AddDays(random.Next(900));
            var early = LoyaltyPath.Compute(facts, LoyaltyRules.Default, 25, cut);
            Assert.Equal(full.Where(c => c.Date <= cut), early);
        }
    }

    [Fact]
    public void The_funnel_narrows_and_counts_every_client_once()
    {
        var random = new Random(11);
        var paths = Enumerable.Range(0, 3_000).Select(_ => LoyaltyPath.Compute(RandomFacts(random), LoyaltyRules.Default, 40, Day0.AddDays(800))).ToArray();
        var day = Day0.AddDays(500);

        var steps = LoyaltyFunnel.Conversions(paths, day);
        Assert.All(steps, s => Assert.InRange(s.Converted, 0, s.Reached));
        for (var k = 1; k < steps.Length; k++) Assert.Equal(steps[k - 1].Converted, steps[k].Reached);
        Assert.Equal(paths.Count(p => p[0].Date <= day), LoyaltyFunnel.Counts(paths, day).Sum(c => c.Clients));
        Assert.Equal(steps[0].Reached, LoyaltyFunnel.Counts(paths, day).Sum(c => c.Clients));
        Assert.All(LoyaltyFunnel.RetentionByStage(paths, day.AddDays(-90), day), r => Assert.InRange(r.Kept, 0, r.AtStart));
        Assert.All(LoyaltyFunnel.MonthlyTrend(paths, day, 12, 60), t => Assert.InRange(t.Step.Converted, 0, t.Step.Reached));
    }
}
