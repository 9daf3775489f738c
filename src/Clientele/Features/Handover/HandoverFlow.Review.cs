using Clientele.Features.Audit;
using Clientele.Features.Clients;
using Clientele.Features.Identity;
using Clientele.Features.LostClients;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Handover;

/// <summary>
/// What the owner reads of a hand-over: the run under review (clients most valuable first, with their risk and what the audit
/// trail says the departing employee did lately), the follow-up of its clients after it, and the list of runs. The steps
/// that change something are in HandoverFlow.cs.
/// </summary>
public sealed partial class HandoverFlow
{
    public async Task<HandoverReview?> ReviewAsync(long id, CancellationToken ct) =>
        await FindAsync(id, ct) is { } run ? await ReviewAsync(run, ct) : null;

    /// <summary>The run as the owner reviews it: clients most valuable first with their risk, and what the audit trail says the employee did lately.</summary>
    public async Task<HandoverReview> ReviewAsync(HandoverRun run, CancellationToken ct)
    {
        var names = await KeyPersonRiskReport.EmployeeNamesAsync(db, ct);
        var departing = await db.Set<Employee>().AsNoTracking().SingleAsync(e => e.Id == run.DepartingId, ct);
        var ids = run.Clients.Select(c => c.ClientId).ToList();
        var clientNames = await db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var (_, _, threads) = await new KeyPersonRiskReport(db, Analytics()).ClientsAsync(ct);
        var single = threads.Where(t => t.SingleThread).Select(t => t.ClientId).ToHashSet();
        var lastTouch = await db.Interactions.AsNoTracking().Where(i => ids.Contains(i.ClientId)).GroupBy(i => i.ClientId)
            .Select(g => new { g.Key, Last = g.Max(i => i.OccurredAt) }).ToDictionaryAsync(g => g.Key, g => g.Last, ct);
        var openTasks = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.ClientId) && !t.Done).GroupBy(t => t.ClientId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var openDeals = await OpenDeals().AsNoTracking().Where(d => ids.Contains(d.ClientId)).GroupBy(d => d.ClientId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var notes = await db.Set<HandoverNote>().AsNoTracking().Where(n => ids.Contains(n.ClientId)).ToDictionaryAsync(n => n.ClientId, n => n.Text, ct);
        var rows = run.Clients.OrderBy(c => c.AbcClass).ThenByDescending(c => c.Contribution).ThenByDescending(c => c.Clv).ThenBy(c => c.ClientId)
            .Select(c => new HandoverClientRow(c.ClientId, clientNames.GetValueOrDefault(c.ClientId) ?? "", c.AbcClass, c.Contribution, c.Clv, single.Contains(c.ClientId),
                lastTouch.TryGetValue(c.ClientId, out var last) ? last : null, openTasks.GetValueOrDefault(c.ClientId), openDeals.GetValueOrDefault(c.ClientId),
                c.SuggestedId, Name(names, c.SuggestedId), c.SuccessorId, Name(names, c.SuccessorId), c.ReassignedAt, c.IntroducedAt, c.IntroTaskId,
                c.IntroMailId is not null, notes.GetValueOrDefault(c.ClientId))).ToList();

        var since = Now.AddDays(-ReviewDays);
        var exportActions = new[] { AuditAction.Exported, AuditAction.ExportRequested, AuditAction.ExportBlocked, AuditAction.PersonalDataExported };
        var exports = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.EmployeeId == run.DepartingId && e.At >= since && exportActions.Contains(e.Action))
            .OrderByDescending(e => e.At).Take(100).Select(e => new AuditSignal(e.At, e.Action.ToString(), e.Entity, e.RowCount, e.ClientCount)).ToListAsync(ct);
        var alerts = await db.Set<AuditEntry>().AsNoTracking().CountAsync(e => e.EmployeeId == run.DepartingId && e.At >= since && e.Action == AuditAction.MassAccessAlert, ct);
        var viewed = await db.Set<AuditEntryClient>().AsNoTracking()
            .Where(e => e.EmployeeId == run.DepartingId && e.At >= since && e.Action == AuditAction.ClientViewed).Select(e => e.ClientId).Distinct().CountAsync(ct);
        var stillHeld = await db.Clients.CountAsync(c => c.ManagerId == run.DepartingId, ct);
        var tasksHeld = await db.Tasks.CountAsync(t => t.AssigneeId == run.DepartingId && !t.Done, ct);
        var dealsHeld = await OpenDeals().CountAsync(d => d.ManagerId == run.DepartingId, ct);
        var loopsHeld = await OpenLoopItems().CountAsync(l => l.OwnerId == run.DepartingId, ct);
        var candidates = await CandidatesAsync(run.DepartingId, null, ct);
        var step = run.FinishedAt is not null ? "follow" : rows.Any(r => r.SuccessorId is null) ? "reassign" : rows.Any(r => r.IntroducedAt is null) ? "introduce" : "finish";
        return new HandoverReview(run.Id, run.DepartingId, departing.DisplayName, departing.IsActive, run.StartedAt, run.FinishedAt, step, rows.Count,
            rows.Count(r => r.SuccessorId is not null), rows.Count(r => r.IntroducedAt is not null), stillHeld, tasksHeld, dealsHeld, loopsHeld, run.TasksMoved, run.DealsMoved, rows,
            exports, alerts, viewed, [.. candidates.Select(c => new SuccessorLoad(c.Employee, names.GetValueOrDefault(c.Employee) ?? "", c.Load))]);
    }

    /// <summary>
    /// The hand-over report: for each reassigned client whether the successor was in touch within its introduction
    /// days, whether it bought again since, and whether it was lost within six months of the hand-over (with the reason).
    /// </summary>
    public async Task<HandoverFollowUp?> FollowAsync(long id, CancellationToken ct)
    {
        var run = await FindAsync(id, ct);
        if (run is null) return null;
        var rows = run.Clients.Where(c => c.SuccessorId is not null && c.ReassignedAt is not null).ToList();
        var ids = rows.Select(c => c.ClientId).ToList();
        var from = rows.Count > 0 ? rows.Min(r => r.ReassignedAt!.Value) : Now;
        var touches = await db.Interactions.AsNoTracking().Where(i => ids.Contains(i.ClientId) && i.OccurredAt >= from && i.EmployeeId != null)
            .Select(i => new { i.ClientId, EmployeeId = i.EmployeeId!.Value, i.OccurredAt }).ToListAsync(ct);
        var purchases = await db.Purchases.AsNoTracking().Where(p => ids.Contains(p.ClientId) && p.Date >= from).Select(p => new { p.ClientId, p.Date }).ToListAsync(ct);
        var clients = await db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Name, c.Status, c.LostOn, c.ChurnReason })
            .ToDictionaryAsync(c => c.Id, ct);
        // The reason as the loss recorded it, in the reader's language (the client row keeps the list's name as written).
        var reasons = (await db.Set<ClientLoss>().AsNoTracking().Where(l => ids.Contains(l.ClientId) && l.WonBackOn == null)
                .Select(l => new { l.Id, l.ClientId, l.Reason!.Code, l.Reason.Name }).ToListAsync(ct))
            .GroupBy(l => l.ClientId).ToDictionary(g => g.Key, g => g.MaxBy(l => l.Id)!);
        var names = await KeyPersonRiskReport.EmployeeNamesAsync(db, ct);
        var days = await Company.CompanyDays.OfAsync(db, ct);
        // Revenue in the base currency from the monthly figures: the six company months before the hand-over's month
        // against that month and the five after it (as far as they have passed).
        var months = rows.Select(r => days.MonthOf(r.ReassignedAt!.Value)).DefaultIfEmpty(days.MonthOf(Now)).ToList();
        var (firstMonth, lastMonth) = (months.Min() - FollowMonths, months.Max() + FollowMonths - 1);
        var revenue = await db.ClientMonthFigures.AsNoTracking().Where(f => ids.Contains(f.ClientId) && f.Month >= firstMonth && f.Month <= lastMonth)
            .Select(f => new { f.ClientId, f.Month, f.Revenue }).ToListAsync(ct);
        var result = new List<HandoverFollowUpRow>();
        foreach (var r in rows.OrderBy(r => r.AbcClass).ThenByDescending(r => r.Contribution))
        {
            var at = r.ReassignedAt!.Value;
            var contact = touches.Where(t => t.ClientId == r.ClientId && t.EmployeeId == r.SuccessorId && t.OccurredAt >= at).Select(t => (DateTime?)t.OccurredAt).Min();
            var bought = purchases.Any(p => p.ClientId == r.ClientId && p.Date >= at);
            var c = clients.GetValueOrDefault(r.ClientId);
            var lost = c is { Status: ClientStatus.Lost, LostOn: { } lostOn } && lostOn >= days.DayOf(at) && lostOn <= days.DayOf(at).AddMonths(FollowMonths);
            var month = days.MonthOf(at);
            var own = revenue.Where(f => f.ClientId == r.ClientId).ToList();
            var before = own.Where(f => f.Month >= month - FollowMonths && f.Month < month).Sum(f => f.Revenue);
            var after = own.Where(f => f.Month >= month && f.Month < month + FollowMonths).Sum(f => f.Revenue);
            result.Add(new HandoverFollowUpRow(r.ClientId, c?.Name ?? "", r.AbcClass, r.SuccessorId!.Value, Name(names, r.SuccessorId) ?? "", at,
                contact, contact is { } t0 && t0 <= at.AddDays(IntroductionDays(r.AbcClass)), bought, lost, lost ? LossReason(reasons.GetValueOrDefault(r.ClientId) is { } l ? (l.Code, l.Name) : null, c!.ChurnReason) : null, before, after));
        }
        return new HandoverFollowUp(run.Id, run.DepartingId, Name(names, run.DepartingId) ?? "", result.Count, result.Count(x => x.ContactedInTime),
            result.Count(x => x.BoughtAgain), result.Count(x => x.Lost), result.Sum(x => x.RevenueBefore), result.Sum(x => x.RevenueAfter), result);
    }

    private static string? LossReason((string? Code, string Name)? recorded, string? onClient) =>
        recorded is { } r ? LostNames.Reason(r.Code, r.Name) : onClient;

    public async Task<List<HandoverSummary>> ListAsync(CancellationToken ct)
    {
        var names = await KeyPersonRiskReport.EmployeeNamesAsync(db, ct);
        var runs = await db.Set<HandoverRun>().AsNoTracking().OrderByDescending(h => h.Id)
            .Select(h => new { h.Id, h.DepartingId, h.StartedAt, h.FinishedAt, Clients = h.Clients.Count, Reassigned = h.Clients.Count(c => c.SuccessorId != null) }).ToListAsync(ct);
        return [.. runs.Select(h => new HandoverSummary(h.Id, h.DepartingId, names.GetValueOrDefault(h.DepartingId) ?? "", h.StartedAt, h.FinishedAt, h.Clients, h.Reassigned))];
    }
}

/// <param name="Clv">Null when the lifetime model has not computed it for the client (shown as "—", not as 0).</param>
public sealed record HandoverClientRow(
    long ClientId, string ClientName, string AbcClass, decimal Contribution, decimal? Clv, bool SingleThread, DateTime? LastInteractionAt, int OpenTasks, int OpenDeals,
    long? SuggestedId, string? SuggestedName, long? SuccessorId, string? SuccessorName, DateTime? ReassignedAt, DateTime? IntroducedAt, long? IntroTaskId,
    bool IntroMailQueued, string? Note);

/// <summary>An export (or an attempt at one) from the audit trail.</summary>
public sealed record AuditSignal(DateTime At, string Action, string? Entity, int? RowCount, int ClientCount);

public sealed record SuccessorLoad(long EmployeeId, string Name, int Load);

public sealed record HandoverReview(
    long Id, long DepartingId, string DepartingName, bool DepartingActive, DateTime StartedAt, DateTime? FinishedAt, string Step,
    int Clients, int Reassigned, int Introduced, int ClientsStillHeld, int OpenTasksStillHeld, int OpenDealsStillHeld, int OpenLoopItemsStillHeld, int TasksMoved, int DealsMoved, List<HandoverClientRow> Rows,
    List<AuditSignal> Exports, int MassAccessAlerts, int ClientsViewed, List<SuccessorLoad> Successors);

public sealed record HandoverFollowUpRow(
    long ClientId, string ClientName, string AbcClass, long SuccessorId, string SuccessorName, DateTime ReassignedAt, DateTime? FirstContactAt,
    bool ContactedInTime, bool BoughtAgain, bool Lost, string? LossReason, decimal RevenueBefore, decimal RevenueAfter);

/// <param name="RevenueBefore">Base currency: the six company months before each client's hand-over month.</param>
/// <param name="RevenueAfter">Base currency: the hand-over month and the five after it, as far as they have passed.</param>
public sealed record HandoverFollowUp(long Id, long DepartingId, string DepartingName, int Clients, int ContactedInTime, int BoughtAgain, int Lost,
    decimal RevenueBefore, decimal RevenueAfter, List<HandoverFollowUpRow> Rows);

public sealed record HandoverSummary(long Id, long DepartingId, string DepartingName, DateTime StartedAt, DateTime? FinishedAt, int Clients, int Reassigned);
