using Clientele.Analytics.Structure;
using Clientele.Features.Analytics;
using Clientele.Features.Audit;
using Clientele.Features.Clients;
using Clientele.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Handover;

/// <summary>
/// What widening one class A single-thread client's relationship makes: a task for its manager to introduce a second
/// colleague, a task to win a second contact person (each only if the client never had one), and a co-manager when the
/// client has none and someone other than the people it runs through can take it.
/// </summary>
public sealed record WideningItem(
    long ClientId, string ClientName, long? ManagerId, string? ManagerName, bool IntroduceTask, bool ContactTask, long? CoManagerId, string? CoManagerName);

/// <summary>The clients the widening would touch, and how many tasks and co-managers it would make (the confirmation's numbers).</summary>
public sealed record WideningPlan(int Clients, int Tasks, int CoManagers, List<WideningItem> Items);

/// <summary>What one press made: nothing the second time.</summary>
public sealed record WideningOutcome(int Clients, int TasksCreated, int CoManagersAssigned);

/// <summary>
/// Widening the relationship of class A single-thread clients (issue 23): the key-person report's clients, the tasks
/// stored as kinds (ADR 022/024) so that each manager reads them in their language, found again by their kind so that a
/// second press makes nothing, and the co-managers through the refresh path in the same transaction as the tasks and
/// the audit entry. The owner's action: the plan is what the confirmation shows and what the press applies.
/// </summary>
public sealed class Widening(ClienteleDb db, AnalyticsCache cache, TimeProvider clock)
{
    /// <summary>Days the manager gets for either task: a week, as a class A client's widening is not for today but not for next month.</summary>
    public const int DueInDays = 7;

    public const string IntroduceKind = "Introduce a second colleague to {0}";
    public const string ContactKind = "Win a second contact person at {0}";

    /// <summary>The start of a stored task title of the kind, whatever its values: the key that makes the press idempotent.</summary>
    private static string KindPrefix(string kind) => Message.Of<WideningText>(kind).Encode() + "\u001F";

    public async Task<WideningPlan> PlanAsync(CancellationToken ct)
    {
        var (_, _, rows) = await new KeyPersonRiskReport(db, new AnalyticsService(db, cache, clock)).ClientsAsync(ct);
        var due = rows.Where(r => r.SingleThread && r.AbcClass == nameof(AbcClass.A)).OrderByDescending(r => r.Revenue12Months).ThenBy(r => r.ClientId).ToList();
        if (due.Count == 0) return new WideningPlan(0, 0, 0, []);
        var ids = due.Select(r => r.ClientId).ToList();
        var (introduce, contact) = (KindPrefix(IntroduceKind), KindPrefix(ContactKind));
        // Any task of the kind, open or done: the press makes each once per client; a deleted one may be made again.
        var made = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.ClientId) && (t.Title.StartsWith(introduce) || t.Title.StartsWith(contact)))
            .Select(t => new { t.ClientId, t.Title }).ToListAsync(ct);
        var introduced = made.Where(t => t.Title.StartsWith(introduce, StringComparison.Ordinal)).Select(t => t.ClientId).ToHashSet();
        var contacted = made.Where(t => t.Title.StartsWith(contact, StringComparison.Ordinal)).Select(t => t.ClientId).ToHashSet();
        var coManaged = await db.ClientCoManagers.AsNoTracking().Where(m => ids.Contains(m.ClientId)).Select(m => m.ClientId).Distinct().ToListAsync(ct);

        var open = due.Where(r => !coManaged.Contains(r.ClientId)).ToList();
        var seconds = new Dictionary<long, long>();
        var candidates = await new HandoverFlow(db, cache, clock).CandidatesAsync(0, null, ct);
        if (open.Count > 0 && candidates.Count > 0)
        {
            var regions = await db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Region }).ToDictionaryAsync(c => c.Id, c => c.Region, ct);
            var picked = Successors.SuggestSeconds([.. open.Select(r => new HandedClient(AbcClass.A, regions.GetValueOrDefault(r.ClientId)))],
                [.. open.Select(r => (IReadOnlySet<long>)new[] { r.ManagerId, r.KeyPersonId }.OfType<long>().ToHashSet())], candidates);
            for (var i = 0; i < open.Count; i++)
                if (picked[i] is { } who) seconds[open[i].ClientId] = who;
        }
        var names = await KeyPersonRiskReport.EmployeeNamesAsync(db, ct);
        List<WideningItem> items = [.. due
            .Select(r => new WideningItem(r.ClientId, r.ClientName, r.ManagerId, r.ManagerName, !introduced.Contains(r.ClientId), !contacted.Contains(r.ClientId),
                seconds.TryGetValue(r.ClientId, out var s) ? s : null, seconds.TryGetValue(r.ClientId, out var n) ? names.GetValueOrDefault(n) : null))
            .Where(i => i.IntroduceTask || i.ContactTask || i.CoManagerId is not null)];
        return new WideningPlan(items.Count, items.Sum(i => (i.IntroduceTask ? 1 : 0) + (i.ContactTask ? 1 : 0)), items.Count(i => i.CoManagerId is not null), items);
    }

    /// <param name="only">The clients the caller confirmed (the plan they were shown); null for every client of today's plan.</param>
    public async Task<WideningOutcome> ApplyAsync(long? actor, IReadOnlyCollection<long>? only, CancellationToken ct)
    {
        var plan = await PlanAsync(ct);
        if (only is not null)
        {
            List<WideningItem> confirmed = [.. plan.Items.Where(i => only.Contains(i.ClientId))];
            plan = new WideningPlan(confirmed.Count, confirmed.Sum(i => (i.IntroduceTask ? 1 : 0) + (i.ContactTask ? 1 : 0)), confirmed.Count(i => i.CoManagerId is not null), confirmed);
        }
        if (plan.Items.Count == 0) return new WideningOutcome(0, 0, 0);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var seconds = plan.Items.Where(i => i.CoManagerId is not null).ToDictionary(i => i.ClientId, i => i.CoManagerId!.Value);
        var ids = seconds.Keys.ToList();
        var clients = await db.Clients.Include(c => c.CoManagers).Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var assigned = 0;
        foreach (var c in clients.Where(c => c.CoManagers.Count == 0))
        {
            c.CoManagers.Add(new ClientCoManager { EmployeeId = seconds[c.Id] });
            c.UpdatedAt = now;
            assigned++;
        }
        foreach (var item in plan.Items)
        {
            var name = HandoverFlow.Shorten(item.ClientName);
            var assignee = item.ManagerId;
            if (item.IntroduceTask)
                db.Tasks.Add(NewTask(item.ClientId, assignee, now, Message.Of<WideningText>(IntroduceKind, name), item.CoManagerName is { } co
                    ? Message.Of<WideningText>("Co-manager: {0}. Take them to your next call or meeting, so that the client knows a second person on our side.", co)
                    : Message.Of<WideningText>("Nobody else on our side has been in touch with the client for 12 months: take a colleague to your next call or meeting.")));
            if (item.ContactTask)
                db.Tasks.Add(NewTask(item.ClientId, assignee, now, Message.Of<WideningText>(ContactKind, name),
                    Message.Of<WideningText>("Everything runs through one person on the client's side: ask to meet a second one (a deputy, the head of purchasing, accounting).")));
        }
        await db.SaveChangesAsync(ct);
        if (assigned > 0) await ClientRefresh.RunAsync(db, ClientWrite.Of(ChangedRows.Record, ids), ct);
        await new AuditLog(db).RecordAsync(new AuditEvent(AuditAction.Created, actor, "Widening", null, [.. plan.Items.Select(i => i.ClientId)],
            Message.Of<WideningText>("Widening the relationship of {0} class A single-thread clients: {1} tasks made, {2} co-managers assigned.",
                plan.Clients, plan.Tasks, assigned).Encode(), plan.Tasks + assigned), ct);
        await transaction.CommitAsync(ct);
        return new WideningOutcome(plan.Clients, plan.Tasks, assigned);
    }

    private static FollowUpTask NewTask(long clientId, long? assignee, DateTime now, Message title, Message details) => new()
    {
        ClientId = clientId, AssigneeId = assignee, DueAt = now.AddDays(DueInDays), CreatedAt = now, UpdatedAt = now,
        Title = title.Encode(), Details = details.Encode(),
    };
}
