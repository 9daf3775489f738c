using Clientele.Analytics.Economics;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Analytics;

/// <summary>Reports for a day, from the cache or computed; plus the few per-client facts read only for the clients shown.</summary>
public sealed class AnalyticsService(ClienteleDb db, AnalyticsCache cache, TimeProvider clock)
{
    /// <summary>The company's today (ADR 023).</summary>
    public DateOnly Today => Company.CompanyDays.Of(db).Today(clock);

    public Task<AnalyticsReport> ReportAsync(DateOnly? asOf, CancellationToken ct = default)
    {
        var day = asOf ?? Today;
        return cache.GetAsync(db, day, ct);
    }

    /// <summary>Payment discipline as of the day for the given clients, from their purchases with a due date.</summary>
    public async Task<Dictionary<long, PaymentStats>> PaymentsAsync(IReadOnlyCollection<long> clientIds, DateOnly asOf, CancellationToken ct = default)
    {
        var result = new Dictionary<long, PaymentStats>();
        var end = (await Company.CompanyDays.OfAsync(db, ct)).EndOf(asOf);
        foreach (var chunk in clientIds.Chunk(500))
        {
            var invoices = await db.Purchases.AsNoTracking()
                .Where(p => chunk.Contains(p.ClientId) && p.PaymentDue != null && p.Date < end)
                .Select(p => new { p.ClientId, p.PaymentDue, p.PaidOn, p.Total, p.RateToBase }).ToListAsync(ct);
            foreach (var g in invoices.GroupBy(p => p.ClientId))
                result[g.Key] = PaymentDiscipline.Compute([.. g.Select(p => new Invoice(p.PaymentDue, p.PaidOn, Economics.BaseCurrency.ToBase(p.Total, p.RateToBase)))], asOf);
        }
        return result;
    }

    public async Task<StrategiesResponse> StrategiesAsync(DateOnly? asOf, CancellationToken ct = default)
    {
        var report = await ReportAsync(asOf, ct);
        var ids = AnalyticsViews.LossMakers(report, 100).Select(i => report.Base.Clients[i].Id).ToArray();
        return AnalyticsViews.Strategies(report, await PaymentsAsync(ids, report.Base.AsOf, ct));
    }
}
