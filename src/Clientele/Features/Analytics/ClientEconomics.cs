using Clientele.Analytics.Calendar;
using Clientele.Analytics.Economics;
using Clientele.Analytics.Structure;
using Clientele.Features.Economics;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Analytics;

/// <summary>What one client has brought and cost, as the client card shows it; all money in the base currency.</summary>
public sealed record ClientEconomics(
    DateOnly AsOf, string Currency, ClientFigures Lifetime, ClientFigures Last12Months, PaybackPoint? Payback, PaymentStats? Payments,
    int Purchases, DateOnly? FirstPurchase, DateOnly? LastPurchase, double? AverageIntervalDays, double? IntervalsSinceLast, int Categories,
    AbcClass Abc, XyzClass Xyz, RfmSegment? Segment, Strategy? Strategy, LossReason[] LossReasons)
{
    /// <summary>
    /// The client's figures as of the report's day. Classes, segment, strategy and the acquisition cost (its share of
    /// the channel spend) come from the report; the rest is read for this client alone. Null when the report does not
    /// know the client (created after the day).
    /// </summary>
    /// <param name="db">The context <paramref name="analytics"/> was made with.</param>
    public static async Task<ClientEconomics?> LoadAsync(ClienteleDb db, AnalyticsService analytics, long clientId, CancellationToken ct = default)
    {
        var report = await analytics.ReportAsync(null, ct);
        var b = report.Base;
        var i = Array.FindIndex(b.Clients, c => c.Id == clientId);
        if (i < 0) return null;
        var asOf = b.AsOf;
        var days = await Company.CompanyDays.OfAsync(db, ct);
        var end = days.EndOf(asOf);
        var lifetime = b.Figures[i];

        var purchases = await db.Purchases.AsNoTracking().Where(p => p.ClientId == clientId && p.Date < end).OrderBy(p => p.Date).ThenBy(p => p.Id)
            .Select(p => new { p.Date, p.Total, p.CostOfGoods, p.Discount, p.Bonus, p.Kickback, p.RateToBase }).ToListAsync(ct);
        var costs = await db.ServiceCosts.AsNoTracking().Where(c => c.ClientId == clientId && c.Date <= asOf).OrderBy(c => c.Date)
            .Select(c => new { c.Date, c.Amount, c.RateToBase }).ToListAsync(ct);
        var ledger = purchases.Select(p => ClientFiguresUpdater.ToLedger(days, p.Date, p.Total, p.CostOfGoods, p.Discount, p.Bonus, p.Kickback, p.RateToBase)).ToArray();
        var serviceCosts = costs.Select(c => new CostEvent(c.Date, BaseCurrency.ToBase(c.Amount, c.RateToBase))).ToArray();
        var events = ledger.Select(p => new PurchaseEvent(p.Date, p.MarginLessConcessions)).ToArray();
        var payback = Clientele.Analytics.Economics.Payback.Find(events, serviceCosts, lifetime.AcquisitionCost);

        // The last twelve months are this month and the eleven before it, as in the report's twelve-month revenue.
        var from = MonthIndex.FirstDay(MonthIndex.Of(asOf) - 11);
        var recentPurchases = ledger.Where(p => p.Date >= from).ToArray();
        var recent = Ledger.Total(Ledger.ByMonth(recentPurchases, [.. serviceCosts.Where(c => c.Date >= from).Select(c => new LedgerCost(c.Date, c.Amount))]));
        var acquiredRecently = b.Clients[i].AcquiredOn >= from;
        // The lifetime figures carry the company-wide cost to serve from the report; the twelve months get theirs by the same rule.
        var last12 = b.Settings.CostToServeRule().Apply(recent.ToFigures(acquiredRecently ? lifetime.AcquisitionCost : 0),
            recentPurchases.Select(p => MonthIndex.Of(p.Date)).Distinct().Count());

        var payments = (await analytics.PaymentsAsync([clientId], asOf, ct)).GetValueOrDefault(clientId);
        var categories = await db.ClientFigures.AsNoTracking().Where(f => f.ClientId == clientId).Select(f => f.Categories).FirstOrDefaultAsync(ct);

        var first = b.FirstPurchase[i];
        var last = b.LastPurchase[i];
        var interval = first is { } f0 && last is { } l0 ? PurchaseRhythm.AverageIntervalDays(f0, l0, b.Purchases[i]) : null;
        var reasons = Clientele.Analytics.Structure.LossReasons.Explain(lifetime, payments);
        return new ClientEconomics(asOf, b.Settings.BaseCurrency, lifetime, last12, payback, payments, b.Purchases[i], first, last, interval,
            last is { } l1 ? PurchaseRhythm.IntervalsSinceLast(l1, interval, asOf) : null, categories,
            report.Abc[i], report.Xyz[i], report.Rfm[i]?.Segment, report.Strategy[i],
            [.. Enum.GetValues<LossReason>().Where(x => x != LossReason.None && reasons.HasFlag(x))]);
    }
}
