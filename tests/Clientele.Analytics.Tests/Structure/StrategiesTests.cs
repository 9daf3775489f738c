using Clientele.Analytics.Structure;

namespace Clientele.Analytics.Tests.Structure;

public sealed class StrategiesTests
{
    [Theory]
    [InlineData(AbcClass.C, ContributionSign.Loss, RfmSegment.Lost, Strategy.PolitelyDrop)]
    [InlineData(AbcClass.C, ContributionSign.Loss, RfmSegment.Hibernating, Strategy.PolitelyDrop)]
    [InlineData(AbcClass.C, ContributionSign.Loss, RfmSegment.Champions, Strategy.LimitCosts)]
    [InlineData(AbcClass.A, ContributionSign.Loss, RfmSegment.AtRisk, Strategy.LimitCosts)]
    [InlineData(AbcClass.A, ContributionSign.Profit, RfmSegment.CantLose, Strategy.Retain)]
    [InlineData(AbcClass.A, ContributionSign.Profit, RfmSegment.NeedAttention, Strategy.Retain)]
    [InlineData(AbcClass.A, ContributionSign.Profit, RfmSegment.Lost, Strategy.Develop)]
    [InlineData(AbcClass.A, ContributionSign.Profit, RfmSegment.Champions, Strategy.Develop)]
    [InlineData(AbcClass.B, ContributionSign.Profit, RfmSegment.AtRisk, Strategy.Retain)]
    [InlineData(AbcClass.B, ContributionSign.Profit, RfmSegment.New, Strategy.Develop)]
    [InlineData(AbcClass.B, ContributionSign.Profit, RfmSegment.Lost, Strategy.Watch)]
    [InlineData(AbcClass.C, ContributionSign.Profit, RfmSegment.Loyal, Strategy.Develop)]
    [InlineData(AbcClass.C, ContributionSign.Profit, RfmSegment.Hibernating, Strategy.PolitelyDrop)]
    [InlineData(AbcClass.C, ContributionSign.Profit, RfmSegment.New, Strategy.Watch)]
    public void Default_table(AbcClass abc, ContributionSign sign, RfmSegment segment, Strategy expected) =>
        Assert.Equal(expected, Strategies.Recommend(Strategies.Defaults, abc, sign, segment));

    [Fact]
    public void Zero_contribution_is_a_loss()
    {
        Assert.Equal(ContributionSign.Loss, Strategies.SignOf(0m));
        Assert.Equal(ContributionSign.Loss, Strategies.SignOf(-0.01m));
        Assert.Equal(ContributionSign.Profit, Strategies.SignOf(0.01m));
    }

    [Fact]
    public void The_first_matching_rule_wins_and_nothing_matching_means_watch()
    {
        StrategyRule[] rules =
        [
            new(AbcClass.B, null, RfmSegment.Lost, Strategy.PolitelyDrop),
            new(null, ContributionSign.Profit, null, Strategy.Develop),
            new(AbcClass.B, ContributionSign.Profit, RfmSegment.Champions, Strategy.Retain),
        ];
        Assert.Equal(Strategy.PolitelyDrop, Strategies.Recommend(rules, AbcClass.B, ContributionSign.Profit, RfmSegment.Lost));
        Assert.Equal(Strategy.Develop, Strategies.Recommend(rules, AbcClass.B, ContributionSign.Profit, RfmSegment.Champions));
        Assert.Equal(Strategy.Watch, Strategies.Recommend(rules, AbcClass.C, ContributionSign.Loss, RfmSegment.Champions));
        Assert.Equal(Strategy.Watch, Strategies.Recommend([], AbcClass.A, ContributionSign.Profit, RfmSegment.Champions));
    }

    [Fact]
    public void Every_combination_meets_a_default_rule_and_the_signs_are_respected()
    {
        foreach (var abc in Enum.GetValues<AbcClass>())
            foreach (var sign in Enum.GetValues<ContributionSign>())
                foreach (var segment in Enum.GetValues<RfmSegment>())
                {
                    Assert.Contains(Strategies.Defaults, r => r.Matches(abc, sign, segment));
                    var strategy = Strategies.Recommend(Strategies.Defaults, abc, sign, segment);
                    if (sign == ContributionSign.Loss) Assert.Contains(strategy, new[] { Strategy.LimitCosts, Strategy.PolitelyDrop });
                    else Assert.NotEqual(Strategy.LimitCosts, strategy);
                    if (abc == AbcClass.A && sign == ContributionSign.Profit) Assert.Contains(strategy, new[] { Strategy.Develop, Strategy.Retain });
                }
    }
}
