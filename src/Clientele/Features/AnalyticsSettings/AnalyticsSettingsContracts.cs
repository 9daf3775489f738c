using Clientele.Analytics.Structure;
using Clientele.Features.Analytics;

namespace Clientele.Features.AnalyticsSettings;

/// <summary>
/// The whole of the analytics settings, replaced at once. A missing target profile means "no target client yet";
/// missing or empty strategy rules mean the built-in table.
/// </summary>
public sealed class AnalyticsSettingsInput
{
    /// <summary>Class A ends where the cumulative share of contribution reaches this (0 &lt; abcA &lt; abcB &lt; 1).</summary>
    public double? AbcA { get; set; }
    public double? AbcB { get; set; }
    /// <summary>Class X up to this coefficient of variation of monthly revenue (0 &lt; xyzX &lt; xyzY).</summary>
    public double? XyzX { get; set; }
    public double? XyzY { get; set; }
    /// <summary>A client counts as in the base while it has bought within this many months (1–36).</summary>
    public int? ActiveWindowMonths { get; set; }
    public ClientProfile? TargetProfile { get; set; }
    /// <summary>Read top-down, the first matching row wins; a left-out condition matches anything.</summary>
    public StrategyRuleInput[]? StrategyRules { get; set; }
    /// <summary>Company-wide cost to serve per client per month with a purchase, base currency (ADR 019); left out: none.</summary>
    public decimal? CostToServePerActiveMonth { get; set; }
    /// <summary>Company-wide cost to serve as a fraction of each client's revenue, 0–1 (ADR 019); left out: none.</summary>
    public decimal? CostToServeShareOfRevenue { get; set; }
}

public sealed class StrategyRuleInput
{
    public AbcClass? Abc { get; set; }
    public ContributionSign? Sign { get; set; }
    public RfmSegment? Segment { get; set; }
    public Strategy? Strategy { get; set; }

    public static StrategyRuleInput From(StrategyRule r) => new() { Abc = r.Abc, Sign = r.Sign, Segment = r.Segment, Strategy = r.Strategy };
}

/// <param name="DefaultStrategyRules">True when <paramref name="StrategyRules"/> is the built-in table.</param>
public sealed record AnalyticsSettingsResponse(
    double AbcA, double AbcB, double XyzX, double XyzY, int ActiveWindowMonths, ClientProfile? TargetProfile,
    StrategyRule[] StrategyRules, bool DefaultStrategyRules, long Version, decimal CostToServePerActiveMonth, decimal CostToServeShareOfRevenue);
