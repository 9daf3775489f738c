using Clientele.Analytics.Structure;
using Clientele.Features.Analytics;
using Clientele.Features.Company;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Handover;

/// <summary>One manager's load: clients by class, load against capacity, class A clients uncontacted too long, open and overdue tasks.</summary>
public sealed record ManagerLoadView(
    long EmployeeId, string Name, int ClassA, int ClassB, int ClassC, int Load, double LoadShare, bool OverCapacity, int UncontactedA, int OpenTasks, int OverdueTasks);

public sealed record ManagersLoadResponse(DateOnly AsOf, int UncontactedDaysA, int Capacity, int Alerts, List<ManagerLoadView> Managers);

/// <summary>The managers' load as of today, in the reader's scope (a manager sees their own clients and tasks).</summary>
public sealed class ManagersLoadReport(ClienteleDb db, AnalyticsService analytics, TimeProvider clock)
{
    public async Task<ManagerLoadSettings> SettingsAsync(CancellationToken ct) =>
        await db.Set<ManagerLoadSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == ManagerLoadSettings.SingletonId, ct) ?? new ManagerLoadSettings();

    public async Task<ManagersLoadResponse> ComputeAsync(CancellationToken ct)
    {
        var settings = await SettingsAsync(ct);
        var report = await analytics.ReportAsync(null, ct);
        var b = report.Base;
        var days = await CompanyDays.OfAsync(db, ct);
        var lastContact = await db.Interactions.AsNoTracking().GroupBy(i => i.ClientId).Select(g => new { g.Key, Last = g.Max(i => i.OccurredAt) })
            .ToDictionaryAsync(g => g.Key, g => g.Last, ct);
        var managed = new List<ManagedClient>();
        for (var i = 0; i < b.Count; i++)
        {
            if (b.Clients[i].ManagerId is not { } manager) continue;
            int? since = lastContact.TryGetValue(b.Clients[i].Id, out var last) ? b.AsOf.DayNumber - days.DayOf(last).DayNumber : null;
            managed.Add(new ManagedClient(manager, report.Abc[i], since));
        }
        var rows = ManagerLoad.Of(managed, settings.UncontactedDaysA, settings.Capacity);
        var now = clock.GetUtcNow().UtcDateTime;
        var tasks = await db.Tasks.AsNoTracking().Where(t => !t.Done && t.AssigneeId != null).GroupBy(t => t.AssigneeId!.Value)
            .Select(g => new { g.Key, Open = g.Count(), Overdue = g.Count(t => t.DueAt < now) }).ToDictionaryAsync(g => g.Key, ct);
        var names = await KeyPersonRiskReport.EmployeeNamesAsync(db, ct);
        var views = rows.Where(r => names.ContainsKey(r.Manager)).Select(r => new ManagerLoadView(r.Manager, names[r.Manager], r.A, r.B, r.C, r.Load, r.LoadShare,
            r.OverCapacity, r.UncontactedA, tasks.GetValueOrDefault(r.Manager)?.Open ?? 0, tasks.GetValueOrDefault(r.Manager)?.Overdue ?? 0)).ToList();
        return new ManagersLoadResponse(b.AsOf, settings.UncontactedDaysA, settings.Capacity, views.Count(v => v.OverCapacity || v.UncontactedA > 0), views);
    }

    /// <summary>
    /// One manager's load as <see cref="ComputeAsync"/> counts it (their clients of <paramref name="report"/> by class
    /// weight against the owner's capacity), without the contact and task reads the full report makes; a deal's
    /// affordability asks it of the deal's owner.
    /// </summary>
    public async Task<(int Load, int Capacity)> LoadOfAsync(long managerId, AnalyticsReport report, CancellationToken ct)
    {
        var settings = await SettingsAsync(ct);
        var b = report.Base;
        var managed = new List<ManagedClient>();
        for (var i = 0; i < b.Count; i++)
            if (b.Clients[i].ManagerId == managerId) managed.Add(new ManagedClient(managerId, report.Abc[i], null));
        var row = ManagerLoad.Of(managed, settings.UncontactedDaysA, settings.Capacity).SingleOrDefault();
        return (row?.Load ?? 0, settings.Capacity);
    }

    /// <summary>Saves the owner's numbers; the message names what is wrong (nothing is saved then).</summary>
    public async Task<(string Field, Message Problem)?> SaveAsync(int uncontactedDaysA, int capacity, long? actor, CancellationToken ct)
    {
        if (uncontactedDaysA is < 1 or > 365) return ("uncontactedDaysA", Message.Of<HandoverText>("Use 1 to 365 days."));
        if (capacity is < 1 or > 100_000) return ("capacity", Message.Of<HandoverText>("Use a capacity of 1 to 100000."));
        var row = await db.Set<ManagerLoadSettings>().SingleOrDefaultAsync(s => s.Id == ManagerLoadSettings.SingletonId, ct);
        if (row is null) db.Set<ManagerLoadSettings>().Add(row = new ManagerLoadSettings());
        (row.UncontactedDaysA, row.Capacity) = (uncontactedDaysA, capacity);
        await db.SaveChangesAsync(ct);
        await new Audit.AuditLog(db).RecordAsync(new Audit.AuditEvent(Audit.AuditAction.Updated, actor, nameof(ManagerLoadSettings), ManagerLoadSettings.SingletonId,
            Detail: Message.Of<HandoverText>("Managers' load: class A clients flagged after {0} days, capacity {1}.", uncontactedDaysA, capacity).Encode()), ct);
        return null;
    }
}
