using System.Text.Json;
using Clientele.Analytics.Calendar;
using Clientele.Analytics.Structure;

namespace Clientele.Features.Analytics;

/// <summary>
/// Everything the analytics pages, API and CLI show for one day, computed once from an <see cref="AnalyticsBase"/>
/// by the pure functions of Clientele.Analytics. Per-client columns stay here so that every chart cell can list its clients.
/// </summary>
public sealed class AnalyticsReport
{
    public required AnalyticsBase Base { get; init; }
    public required AbcClass[] Abc { get; init; }
    public required XyzClass[] Xyz { get; init; }
    /// <summary>Null for clients that have not bought yet.</summary>
    public required RfmScore?[] Rfm { get; init; }
    public required Strategy?[] Strategy { get; init; }
    public required bool[] Target { get; init; }
    public required decimal[] Revenue12Months { get; init; }
    public required ParetoResult RevenuePareto { get; init; }
    public required ParetoResult ContributionPareto { get; init; }
    public required RetentionPeriod[] MonthlyRetention { get; init; }
    public required RetentionPeriod[] YearlyRetention { get; init; }
    public required CohortRow[] Cohorts { get; init; }
    public required ChannelFigures[] Channels { get; init; }
    public required TargetSharePoint[] TargetTrend { get; init; }
    public required double? RepeatPurchaseRate { get; init; }
    public required IReadOnlyList<StrategyRule> Rules { get; init; }
    public required ClientProfile TargetProfile { get; init; }

    /// <summary>Months of trend shown (retention, target share, cohorts).</summary>
    public const int TrendMonths = 24;

    public static AnalyticsReport Compute(AnalyticsBase b)
    {
        var n = b.Count;
        var s = b.Settings;
        var thresholds = new AbcXyzThresholds(s.AbcA, s.AbcB, s.XyzX, s.XyzY);
        var contribution = b.Figures.Select(f => f.NetContribution).ToArray();
        var revenue = b.Figures.Select(f => f.Revenue).ToArray();

        var xyzPhase = AnalyticsBaseLoader.Trace.StartActivity("xyz");
        // Monthly revenue of the last twelve full months (for XYZ) and of the twelve months up to the day (for the target profile).
        var lastFull = b.AsOfMonth - 1;
        var monthly = new decimal[n, 12];
        var revenue12 = new decimal[n];
        foreach (var row in b.Months)
        {
            var back = lastFull - row.Month;
            if (back is >= 0 and < 12) monthly[row.Client, 11 - back] += row.Revenue;
            if (row.Month > b.AsOfMonth - 12) revenue12[row.Client] += row.Revenue;
        }
        var xyz = new XyzClass[n];
        var series = new decimal[12];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < 12; k++) series[k] = monthly[i, k];
            xyz[i] = AbcXyz.Xyz(AbcXyz.CoefficientOfVariation(series), thresholds);
        }

        xyzPhase?.Dispose();
        var abcRfm = AnalyticsBaseLoader.Trace.StartActivity("abc, rfm, strategy, target");
        var abc = AbcXyz.Abc(contribution, thresholds);
        var buyers = Enumerable.Range(0, n).Where(i => b.Purchases[i] > 0).ToArray();
        var scores = AnalyticsRfm(b, buyers);
        var rfm = new RfmScore?[n];
        for (var k = 0; k < buyers.Length; k++) rfm[buyers[k]] = scores[k];

        var rules = ParseRules(s.StrategyRules);
        var strategy = new Strategy?[n];
        foreach (var i in buyers)
            strategy[i] = Strategies.Recommend(rules, abc[i], Strategies.SignOf(contribution[i]), rfm[i]!.Value.Segment);

        var profile = ClientProfile.Parse(s.TargetProfile);
        var target = new bool[n];
        for (var i = 0; i < n; i++) target[i] = profile.Matches(b.Clients[i], revenue12[i]);
        abcRfm?.Dispose();

        var phase = AnalyticsBaseLoader.Trace.StartActivity("pareto");
        var revenuePareto = Pareto.Compute(revenue);
        var contributionPareto = Pareto.Compute(contribution);
        phase?.Dispose();
        phase = AnalyticsBaseLoader.Trace.StartActivity("retention and cohorts");
        var activity = ActivityRows(b);
        var trendFrom = b.AsOfMonth - TrendMonths + 1;
        var monthlyRetention = Retention.Monthly(activity, trendFrom, b.AsOfMonth, s.ActiveWindowMonths);
        var yearly = Retention.Yearly(activity, b.AsOf.Year - 1, b.AsOf.Year, s.ActiveWindowMonths);
        var cohorts = Clientele.Analytics.Structure.Cohorts.ByFirstPurchase(activity, trendFrom, b.AsOfMonth);
        phase?.Dispose();
        phase = AnalyticsBaseLoader.Trace.StartActivity("channels and target trend");
        var channelClients = new ChannelClient[n];
        for (var i = 0; i < n; i++)
            channelClients[i] = new ChannelClient(b.ChannelIndex[i], MonthIndex.Of(b.Clients[i].AcquiredOn) <= b.AsOfMonth, revenue[i], contribution[i],
                b.ChannelShare[i], b.Purchases[i] > 0 && contribution[i] >= 0);
        var channels = ChannelEconomics.Compute(channelClients.Where(c => c.Channel >= 0).ToArray(), b.UnallocatedSpend);
        var targetTrend = TargetShare.Monthly([.. b.Clients.Select(c => MonthIndex.Of(c.AcquiredOn))], target,
            [.. b.Months.Select(m => new ClientMonthValue(m.Client, m.Month, m.Revenue, m.Contribution))], trendFrom, b.AsOfMonth);
        phase?.Dispose();

        return new AnalyticsReport
        {
            Base = b, Abc = abc, Xyz = xyz, Rfm = rfm, Strategy = strategy, Target = target, Revenue12Months = revenue12,
            RevenuePareto = revenuePareto, ContributionPareto = contributionPareto,
            MonthlyRetention = monthlyRetention, YearlyRetention = yearly, Cohorts = cohorts, Channels = [.. channels], TargetTrend = targetTrend,
            RepeatPurchaseRate = Retention.RepeatPurchaseRate(b.Purchases),
            Rules = rules, TargetProfile = profile,
        };
    }

    private static RfmScore[] AnalyticsRfm(AnalyticsBase b, int[] buyers) =>
        Clientele.Analytics.Structure.Rfm.Score(
            [.. buyers.Select(i => b.AsOf.DayNumber - b.LastPurchase[i]!.Value.DayNumber)],
            [.. buyers.Select(i => b.Purchases[i])],
            [.. buyers.Select(i => b.Figures[i].Revenue)]);

    /// <summary>
    /// Months with purchases, ordered by client then month. A client whose first purchase lies before the loaded
    /// window gets one marker row at its true first month, so that it is never counted as new; the marker lies more
    /// than an activity window before every reported period and so never counts as activity in one.
    /// </summary>
    private static ClientMonth[] ActivityRows(AnalyticsBase b)
    {
        var rows = new List<ClientMonth>(b.Months.Length + b.Count / 4);
        var next = 0;
        for (var i = 0; i < b.Count; i++)
        {
            if (b.FirstPurchase[i] is { } first && MonthIndex.Of(first) < b.FromMonth) rows.Add(new ClientMonth(i, MonthIndex.Of(first), 0, 1));
            for (; next < b.Months.Length && b.Months[next].Client == i; next++)
            {
                var m = b.Months[next];
                if (m.Purchases > 0) rows.Add(new ClientMonth(i, m.Month, m.Revenue, m.Purchases));
            }
        }
        return [.. rows];
    }

    public static IReadOnlyList<StrategyRule> ParseRules(string? json) =>
        string.IsNullOrWhiteSpace(json) ? Strategies.Defaults
            : JsonSerializer.Deserialize<StrategyRule[]>(json, RuleJson) ?? Strategies.Defaults;

    public static readonly JsonSerializerOptions RuleJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
