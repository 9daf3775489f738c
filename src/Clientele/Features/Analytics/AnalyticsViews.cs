using Clientele.Analytics.Calendar;
using Clientele.Analytics.Economics;
using Clientele.Analytics.Structure;

namespace Clientele.Features.Analytics;

/// <summary>Turns a report into the shapes the API, the pages and the CLI show.</summary>
public static class AnalyticsViews
{
    public static SummaryResponse Summary(AnalyticsReport r)
    {
        var b = r.Base;
        var year = r.YearlyRetention.LastOrDefault(p => p.AtStart > 0);
        var loss = Enumerable.Range(0, b.Count).Where(i => b.Figures[i].NetContribution < 0).ToArray();
        var target = Target(r);
        return new SummaryResponse(b.AsOf, b.Settings.BaseCurrency, b.Count, b.Purchases.Count(p => p > 0), MoneyTotals.Of(ClientFigures.Sum(b.Figures)),
            r.RevenuePareto.ShareOfClientsFor80, r.RevenuePareto.TopShares.Top5, r.RevenuePareto.TopShares.Top10, r.RevenuePareto.TopShares.Top20,
            CountBy(r.Abc, Enum.GetValues<AbcClass>()), CountBy(r.Rfm.OfType<RfmScore>().Select(s => s.Segment), Enum.GetValues<RfmSegment>()),
            year?.Rate, year?.ChurnRate, r.RepeatPurchaseRate, loss.Length, loss.Sum(i => b.Figures[i].NetContribution),
            target.ClientShare, target.RevenueShare);
    }

    public static ParetoResponse Pareto(AnalyticsReport r, int points = 200) =>
        new(r.Base.AsOf, r.Base.Settings.BaseCurrency, r.Base.Count,
            Curve(r.RevenuePareto, r.Base.Figures.Sum(f => f.Revenue), points),
            Curve(r.ContributionPareto, r.Base.Figures.Sum(f => f.NetContribution), points));

    /// <summary>The curve thinned to about <paramref name="points"/> points for drawing; the shares are from the full curve.</summary>
    private static ParetoCurve Curve(ParetoResult p, decimal total, int points)
    {
        var n = p.CumulativeShare.Length;
        var step = Math.Max(1, n / points);
        var curve = new List<ParetoPoint> { new(0, 0) };
        for (var k = step - 1; k < n; k += step) curve.Add(new ParetoPoint((double)(k + 1) / n, p.CumulativeShare[k]));
        if (n > 0 && curve[^1].ClientShare < 1) curve.Add(new ParetoPoint(1, p.CumulativeShare[n - 1]));
        return new ParetoCurve(total, p.ShareOfClientsFor80, p.TopShares.Top5, p.TopShares.Top10, p.TopShares.Top20, [.. curve]);
    }

    public static AbcXyzResponse AbcXyz(AnalyticsReport r)
    {
        var b = r.Base;
        var cells = new List<AbcXyzCell>();
        foreach (var abc in Enum.GetValues<AbcClass>())
            foreach (var xyz in Enum.GetValues<XyzClass>())
            {
                var members = Enumerable.Range(0, b.Count).Where(i => r.Abc[i] == abc && r.Xyz[i] == xyz).ToArray();
                cells.Add(new AbcXyzCell(abc, xyz, members.Length, members.Sum(i => b.Figures[i].Revenue), members.Sum(i => b.Figures[i].NetContribution)));
            }
        var s = b.Settings;
        return new AbcXyzResponse(b.AsOf, s.BaseCurrency, s.AbcA, s.AbcB, s.XyzX, s.XyzY, [.. cells],
            CountBy(r.Abc, Enum.GetValues<AbcClass>()), CountBy(r.Xyz, Enum.GetValues<XyzClass>()));
    }

    public static RfmResponse Rfm(AnalyticsReport r)
    {
        var b = r.Base;
        var segments = Enum.GetValues<RfmSegment>().Select(segment =>
        {
            var members = Enumerable.Range(0, b.Count).Where(i => r.Rfm[i]?.Segment == segment).ToArray();
            return new RfmSegmentRow(segment, members.Length, members.Sum(i => b.Figures[i].Revenue), members.Sum(i => b.Figures[i].NetContribution), RfmRules[segment]);
        }).ToArray();
        var grid = new List<RfmGridCell>();
        for (var rScore = 5; rScore >= 1; rScore--)
            for (var f = 1; f <= 5; f++)
                grid.Add(new RfmGridCell(rScore, f, r.Rfm.Count(x => x is { } s && s.R == rScore && s.F == f), Clientele.Analytics.Structure.Rfm.Segment(rScore, f)));
        return new RfmResponse(b.AsOf, b.Settings.BaseCurrency, segments, [.. grid]);
    }

    /// <summary>The rule table of the segments (R and F are quintile scores 1–5 over the clients who bought).</summary>
    public static readonly IReadOnlyDictionary<RfmSegment, string> RfmRules = new Dictionary<RfmSegment, string>
    {
        [RfmSegment.Champions] = "R=5, F=4–5",
        [RfmSegment.Loyal] = "R=3–4, F=4–5",
        [RfmSegment.PotentialLoyalists] = "R=4–5, F=2–3",
        [RfmSegment.New] = "R=5, F=1",
        [RfmSegment.Promising] = "R=4, F=1",
        [RfmSegment.NeedAttention] = "R=3, F=3",
        [RfmSegment.AboutToSleep] = "R=3, F=1–2",
        [RfmSegment.AtRisk] = "R=1–2, F=3–4",
        [RfmSegment.CantLose] = "R=1–2, F=5",
        [RfmSegment.Hibernating] = "R=1–2, F=1–2, except R=1, F=1",
        [RfmSegment.Lost] = "R=1, F=1",
    };

    public static CohortsResponse Cohorts(AnalyticsReport r) =>
        new(r.Base.AsOf, r.Base.Settings.BaseCurrency,
            [.. r.Cohorts.Select(c => new CohortResponseRow(MonthIndex.Label(c.Month), c.Size, c.ActiveShare, c.Revenue))]);

    public static ChannelsResponse Channels(AnalyticsReport r) =>
        new(r.Base.AsOf, r.Base.Settings.BaseCurrency, [.. r.Channels.Select(c => new ChannelRow(r.Base.ChannelIds[c.Channel], r.Base.ChannelNames[c.Channel],
            c.Clients, c.Acquired, c.Spend, c.Cac is { } cac ? Math.Round(cac, 2) : null, c.Revenue, c.Contribution, c.PaybackShare, c.Roi))]);

    public static TargetResponse Target(AnalyticsReport r)
    {
        var b = r.Base;
        var targets = Enumerable.Range(0, b.Count).Where(i => r.Target[i]).ToArray();
        var revenue = b.Figures.Sum(f => f.Revenue);
        var contribution = b.Figures.Sum(f => f.NetContribution);
        // Without a described target client there is no share to speak of, not a share of zero.
        if (r.TargetProfile.IsEmpty)
            return new TargetResponse(b.AsOf, b.Settings.BaseCurrency, false, r.TargetProfile, b.Count, 0, null, null, null, []);
        return new TargetResponse(b.AsOf, b.Settings.BaseCurrency, true, r.TargetProfile, b.Count, targets.Length,
            Share(targets.Length, b.Count), Share(targets.Sum(i => b.Figures[i].Revenue), revenue), Share(targets.Sum(i => b.Figures[i].NetContribution), contribution),
            [.. r.TargetTrend.Select(p => new TargetPoint(MonthIndex.Label(p.Month), p.Clients, p.TargetClients, p.ClientShare, p.RevenueShare, p.ContributionShare))]);
    }

    public static RetentionResponse Retention(AnalyticsReport r)
    {
        static RetentionRow Row(RetentionPeriod p, Func<int, string> label) =>
            new(label(p.Start), label(p.End), p.AtStart, p.AtEnd, p.New, p.Rate, p.ChurnRate, p.ActiveBothRate);
        return new RetentionResponse(r.Base.AsOf, r.Base.Settings.ActiveWindowMonths, r.RepeatPurchaseRate,
            [.. r.MonthlyRetention.Select(p => Row(p, MonthIndex.Label))], [.. r.YearlyRetention.Select(p => Row(p, m => MonthIndex.Year(m).ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
    }

    public static StrategiesResponse Strategies(AnalyticsReport r, IReadOnlyDictionary<long, PaymentStats> payments, int lossMakers = 100)
    {
        var b = r.Base;
        var counts = Enum.GetValues<Strategy>().Select(s =>
        {
            var members = Enumerable.Range(0, b.Count).Where(i => r.Strategy[i] == s).ToArray();
            return new StrategyCount(s, members.Length, members.Sum(i => b.Figures[i].Revenue), members.Sum(i => b.Figures[i].NetContribution));
        }).ToArray();
        var losses = LossMakers(r, lossMakers).Select(i =>
        {
            var f = b.Figures[i];
            var payment = payments.GetValueOrDefault(b.Clients[i].Id);
            var reasons = LossReasons.Explain(f, payment);
            return new LossMaker(b.Clients[i].Id, b.Clients[i].Name, f.Revenue, f.NetContribution, f.Concessions, f.ServiceCost, f.AcquisitionCost,
                payment?.OverdueAmount ?? 0, payment?.AverageDaysLate,
                [.. Enum.GetValues<LossReason>().Where(x => x != LossReason.None && reasons.HasFlag(x))]);
        }).ToArray();
        return new StrategiesResponse(b.AsOf, b.Settings.BaseCurrency, [.. r.Rules], counts, losses);
    }

    /// <summary>Client indexes of the worst loss-makers, largest loss first.</summary>
    public static int[] LossMakers(AnalyticsReport r, int take) =>
        [.. Enumerable.Range(0, r.Base.Count).Where(i => r.Base.Figures[i].NetContribution < 0)
            .OrderBy(i => r.Base.Figures[i].NetContribution).ThenBy(i => i).Take(take)];

    public static AnalyticsClientRow ClientRow(AnalyticsReport r, int i)
    {
        var b = r.Base;
        var f = b.Figures[i];
        return new AnalyticsClientRow(b.Clients[i].Id, b.Clients[i].Name, r.Abc[i], r.Xyz[i], r.Rfm[i]?.Segment, r.Strategy[i], r.Target[i],
            b.Purchases[i], b.LastPurchase[i], f.Revenue, f.GrossMargin, f.Concessions, f.ServiceCost, f.AcquisitionCost, f.NetContribution);
    }

    private static Dictionary<T, int> CountBy<T>(IEnumerable<T> values, T[] all) where T : struct, Enum
    {
        var counts = all.ToDictionary(v => v, _ => 0);
        foreach (var v in values) counts[v]++;
        return counts;
    }

    private static double? Share(decimal part, decimal whole) => whole > 0 ? (double)(part / whole) : null;
}
