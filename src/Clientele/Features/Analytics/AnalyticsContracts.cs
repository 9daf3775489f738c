using Clientele.Analytics.Economics;
using Clientele.Analytics.Structure;

namespace Clientele.Features.Analytics;

/// <summary>Money sums of the base as of the day; gross margin is on list price, so discounts appear once, among concessions.</summary>
public sealed record MoneyTotals(decimal Revenue, decimal CostOfGoods, decimal GrossMargin, decimal Discounts, decimal Bonuses, decimal Kickbacks,
    decimal Concessions, decimal CostToServe, decimal AcquisitionCost, decimal Contribution)
{
    public static MoneyTotals Of(ClientFigures f) => new(f.Revenue, f.CostOfGoods, f.GrossMargin, f.Discounts, f.Bonuses, f.Kickbacks,
        f.Concessions, f.ServiceCost, f.AcquisitionCost, f.NetContribution);
}

public sealed record SummaryResponse(
    DateOnly AsOf, string Currency, int Clients, int Buyers, MoneyTotals Totals,
    double? ShareOfClientsFor80PercentOfRevenue, double RevenueShareTop5Percent, double RevenueShareTop10Percent, double RevenueShareTop20Percent,
    Dictionary<AbcClass, int> Abc, Dictionary<RfmSegment, int> Rfm,
    double? RetentionRate, double? ChurnRate, double? RepeatPurchaseRate, int LossMakingClients, decimal LossMakingContribution,
    double? TargetClientShare, double? TargetRevenueShare);

public sealed record ParetoPoint(double ClientShare, double ValueShare);

public sealed record ParetoResponse(DateOnly AsOf, string Currency, int Clients,
    ParetoCurve Revenue, ParetoCurve Contribution);

public sealed record ParetoCurve(decimal Total, double? ShareOfClientsFor80Percent, double Top5Percent, double Top10Percent, double Top20Percent, ParetoPoint[] Curve);

public sealed record AbcXyzCell(AbcClass Abc, XyzClass Xyz, int Clients, decimal Revenue, decimal Contribution);

public sealed record AbcXyzResponse(DateOnly AsOf, string Currency, double AbcA, double AbcB, double XyzX, double XyzY, AbcXyzCell[] Cells,
    Dictionary<AbcClass, int> AbcTotals, Dictionary<XyzClass, int> XyzTotals);

public sealed record RfmSegmentRow(RfmSegment Segment, int Clients, decimal Revenue, decimal Contribution, string Rule);

public sealed record RfmGridCell(int R, int F, int Clients, RfmSegment Segment);

public sealed record RfmResponse(DateOnly AsOf, string Currency, RfmSegmentRow[] Segments, RfmGridCell[] Grid);

public sealed record CohortResponseRow(string Month, int Size, double[] ActiveShare, decimal[] Revenue);

public sealed record CohortsResponse(DateOnly AsOf, string Currency, CohortResponseRow[] Cohorts);

public sealed record ChannelRow(long ChannelId, string Channel, int Clients, int Acquired, decimal Spend, decimal? Cac, decimal Revenue,
    decimal Contribution, double? PaybackShare, double? Roi);

public sealed record ChannelsResponse(DateOnly AsOf, string Currency, ChannelRow[] Channels);

public sealed record TargetPoint(string Month, int Clients, int TargetClients, double? ClientShare, double? RevenueShare, double? ContributionShare);

public sealed record TargetResponse(DateOnly AsOf, string Currency, bool Defined, ClientProfile Profile, int Clients, int TargetClients,
    double? ClientShare, double? RevenueShare, double? ContributionShare, TargetPoint[] Trend);

public sealed record RetentionRow(string Start, string End, int AtStart, int AtEnd, int New, double? Rate, double? ChurnRate, double? ActiveBothRate);

public sealed record RetentionResponse(DateOnly AsOf, int ActiveWindowMonths, double? RepeatPurchaseRate, RetentionRow[] Monthly, RetentionRow[] Yearly);

public sealed record StrategyCount(Strategy Strategy, int Clients, decimal Revenue, decimal Contribution);

public sealed record LossMaker(long ClientId, string Name, decimal Revenue, decimal Contribution, decimal Concessions, decimal CostToServe,
    decimal AcquisitionCost, decimal OverdueAmount, double? AverageDaysLate, LossReason[] Reasons);

public sealed record StrategiesResponse(DateOnly AsOf, string Currency, StrategyRule[] Rules, StrategyCount[] Strategies, LossMaker[] LossMakers);

public sealed record AnalyticsClientRow(long Id, string Name, AbcClass Abc, XyzClass Xyz, RfmSegment? Segment, Strategy? Strategy, bool Target,
    int Purchases, DateOnly? LastPurchase, decimal Revenue, decimal GrossMargin, decimal Concessions, decimal CostToServe, decimal AcquisitionCost,
    decimal Contribution);

public sealed record AnalyticsClientsResponse(DateOnly AsOf, string Currency, int Total, AnalyticsClientRow[] Items);
