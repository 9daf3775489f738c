namespace Clientele.Analytics.Structure;

public enum Strategy { Develop, Retain, Watch, LimitCosts, PolitelyDrop }

/// <summary>Whether a client earns (net contribution above zero) or not: a client that brings exactly nothing still costs
/// attention, so zero counts as a loss.</summary>
public enum ContributionSign { Loss, Profit }

/// <summary>A row of the strategy table; a null condition matches anything.</summary>
public sealed record StrategyRule(AbcClass? Abc, ContributionSign? Sign, RfmSegment? Segment, Strategy Strategy)
{
    public bool Matches(AbcClass abc, ContributionSign sign, RfmSegment segment) =>
        (Abc is null || Abc == abc) && (Sign is null || Sign == sign) && (Segment is null || Segment == segment);
}

/// <summary>What to do with a client, from its ABC class, whether it earns, and its RFM segment.</summary>
public static class Strategies
{
    /// <summary>When no rule matches: look before acting.</summary>
    public const Strategy Fallback = Strategy.Watch;

    public static ContributionSign SignOf(decimal netContribution) => netContribution > 0 ? ContributionSign.Profit : ContributionSign.Loss;

    /// <summary>The first rule that matches wins, so an owner's table reads top-down like a decision list.</summary>
    public static Strategy Recommend(IReadOnlyList<StrategyRule> rules, AbcClass abc, ContributionSign sign, RfmSegment segment)
    {
        foreach (var rule in rules)
            if (rule.Matches(abc, sign, segment)) return rule.Strategy;
        return Fallback;
    }

    /// <summary>
    /// The default table, in order:
    /// <list type="number">
    /// <item>Loss and gone (Lost, Hibernating) → politely drop: stop spending on them, keep the door open.</item>
    /// <item>Loss otherwise → limit costs: fix prices, concessions and cost to serve before anything else.</item>
    /// <item>A at risk (AtRisk, CantLose, AboutToSleep, NeedAttention) → retain: the most valuable clients slipping.</item>
    /// <item>A otherwise → develop.</item>
    /// <item>B at risk (AtRisk, CantLose) → retain: frequent, profitable buyers who stopped are worth a call.</item>
    /// <item>B engaged (Champions, Loyal, PotentialLoyalists, New, Promising) → develop: room to grow into A.</item>
    /// <item>B otherwise → watch.</item>
    /// <item>C engaged (Champions, Loyal, PotentialLoyalists) → develop: small but loyal and profitable.</item>
    /// <item>C gone (Lost, Hibernating) → politely drop.</item>
    /// <item>C otherwise → watch.</item>
    /// </list>
    /// Every combination of class, sign and segment meets a rule.
    /// </summary>
    public static IReadOnlyList<StrategyRule> Defaults { get; } = Array.AsReadOnly(
    [
        .. For(null, ContributionSign.Loss, Strategy.PolitelyDrop, RfmSegment.Lost, RfmSegment.Hibernating),
        new StrategyRule(null, ContributionSign.Loss, null, Strategy.LimitCosts),
        .. For(AbcClass.A, null, Strategy.Retain, RfmSegment.AtRisk, RfmSegment.CantLose, RfmSegment.AboutToSleep, RfmSegment.NeedAttention),
        new StrategyRule(AbcClass.A, null, null, Strategy.Develop),
        .. For(AbcClass.B, null, Strategy.Retain, RfmSegment.AtRisk, RfmSegment.CantLose),
        .. For(AbcClass.B, null, Strategy.Develop,
            RfmSegment.Champions, RfmSegment.Loyal, RfmSegment.PotentialLoyalists, RfmSegment.New, RfmSegment.Promising),
        new StrategyRule(AbcClass.B, null, null, Strategy.Watch),
        .. For(AbcClass.C, null, Strategy.Develop, RfmSegment.Champions, RfmSegment.Loyal, RfmSegment.PotentialLoyalists),
        .. For(AbcClass.C, null, Strategy.PolitelyDrop, RfmSegment.Lost, RfmSegment.Hibernating),
        new StrategyRule(AbcClass.C, null, null, Strategy.Watch),
    ]);

    private static IEnumerable<StrategyRule> For(AbcClass? abc, ContributionSign? sign, Strategy strategy, params RfmSegment[] segments) =>
        segments.Select(s => new StrategyRule(abc, sign, s, strategy));
}
