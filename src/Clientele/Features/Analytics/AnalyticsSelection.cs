using Clientele.Analytics.Structure;

namespace Clientele.Features.Analytics;

public enum AnalyticsSort { ContributionAscending, ContributionDescending, RevenueDescending, Name }

/// <summary>Which clients a chart cell stands for: every given part must hold. Used by click-through lists and exports.</summary>
public sealed record AnalyticsSelection
{
    public AbcClass? Abc { get; init; }
    public XyzClass? Xyz { get; init; }
    public RfmSegment? Segment { get; init; }
    public Strategy? Strategy { get; init; }
    public long? ChannelId { get; init; }
    public bool? Target { get; init; }
    public bool? LossMaking { get; init; }
    public int? R { get; init; }
    public int? F { get; init; }
    /// <summary>Month of first purchase, "yyyy-MM".</summary>
    public string? Cohort { get; init; }

    public bool Matches(AnalyticsReport r, int i)
    {
        var b = r.Base;
        return (Abc is null || r.Abc[i] == Abc)
            && (Xyz is null || r.Xyz[i] == Xyz)
            && (Segment is null || r.Rfm[i]?.Segment == Segment)
            && (Strategy is null || r.Strategy[i] == Strategy)
            && (ChannelId is null || b.Clients[i].ChannelId == ChannelId)
            && (Target is null || r.Target[i] == Target)
            && (LossMaking is null || (b.Figures[i].NetContribution < 0) == LossMaking)
            && (R is null || r.Rfm[i]?.R == R)
            && (F is null || r.Rfm[i]?.F == F)
            && (Cohort is null || (b.FirstPurchase[i] is { } first && first.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) == Cohort));
    }

    public int[] Select(AnalyticsReport r, AnalyticsSort sort)
    {
        var f = r.Base.Figures;
        var rows = Enumerable.Range(0, r.Base.Count).Where(i => Matches(r, i));
        return [.. sort switch
        {
            AnalyticsSort.ContributionAscending => rows.OrderBy(i => f[i].NetContribution),
            AnalyticsSort.RevenueDescending => rows.OrderByDescending(i => f[i].Revenue),
            AnalyticsSort.Name => rows.OrderBy(i => r.Base.Clients[i].Name, StringComparer.CurrentCultureIgnoreCase),
            _ => rows.OrderByDescending(i => f[i].NetContribution),
        }];
    }
}
