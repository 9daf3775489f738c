using Clientele.Analytics.Pipeline;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Pipeline;

public sealed record FulfilmentReportRow(long? ManagerId, string? Manager, int Due, int OnTime, double? OnTimeShare, int LateOpen, int ProblemsRaised, int ProblemsOpen);

/// <summary>The sale stage measured (ADR 045): per manager of the deals and overall, in company days.</summary>
public sealed record FulfilmentReportView(DateOnly From, DateOnly To, DateOnly Today, long? ManagerId, FulfilmentReportRow[] ByManager, FulfilmentReportRow Total);

/// <summary>A delivery late and still open, for the deal's manager's morning.</summary>
public sealed record LateDelivery(long Id, long DealId, string DealTitle, long ClientId, string ClientName, string? What, DateOnly PromisedOn, long Version);

/// <summary>Reads the deliveries and problems of the deals the reader sees and hands them to <see cref="Fulfilment"/>.</summary>
public static class FulfilmentReport
{
    public static async Task<FulfilmentReportView> BuildAsync(ClienteleDb db, DateOnly fromDay, DateOnly toDay, long? managerId, DateOnly today, CancellationToken ct)
    {
        // Only what can count: deliveries promised up to the period's end (open ones of any day are late today), problems
        // raised up to its end. The deal's row filter keeps other managers' clients out.
        var deliveries = await (from d in db.Set<DealDelivery>().AsNoTracking()
                                join deal in db.Deals on d.DealId equals deal.Id
                                where (managerId == null || deal.ManagerId == managerId) && (d.PromisedOn >= fromDay || d.DeliveredOn == null)
                                select new DeliveryFact(deal.ManagerId, d.PromisedOn, d.DeliveredOn)).ToListAsync(ct);
        var problems = await (from p in db.Set<DealProblem>().AsNoTracking()
                              join deal in db.Deals on p.DealId equals deal.Id
                              where (managerId == null || deal.ManagerId == managerId) && (p.RaisedOn >= fromDay || p.ResolvedOn == null)
                              select new ProblemFact(deal.ManagerId, p.RaisedOn, p.ResolvedOn)).ToListAsync(ct);
        var (rows, total) = Fulfilment.Compute(deliveries, problems, fromDay, toDay, today);
        var names = await db.Set<Employee>().AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.DisplayName, ct);
        FulfilmentReportRow Row(FulfilmentRow r) => new(r.ManagerId, r.ManagerId is { } m ? names.GetValueOrDefault(m) : null,
            r.Due, r.OnTime, r.OnTimeShare, r.LateOpen, r.ProblemsRaised, r.ProblemsOpen);
        return new FulfilmentReportView(fromDay, toDay, today, managerId, [.. rows.Select(Row)], Row(total));
    }

    /// <summary>The open deliveries of a manager's deals whose promised day has passed, the longest overdue first.</summary>
    public static async Task<List<LateDelivery>> LateForAsync(ClienteleDb db, long managerId, DateOnly today, int max, CancellationToken ct) =>
        await (from d in db.Set<DealDelivery>().AsNoTracking()
               join deal in db.Deals on d.DealId equals deal.Id
               where deal.ManagerId == managerId && d.DeliveredOn == null && d.PromisedOn < today
               orderby d.PromisedOn, d.Id
               select new LateDelivery(d.Id, deal.Id, deal.Title, deal.ClientId, deal.Client!.Name, d.What, d.PromisedOn, d.Version)).Take(max).ToListAsync(ct);
}
