using Clientele.Analytics.Structure;
using Clientele.Features.Analytics;
using Clientele.Features.Audit;
using Clientele.Features.Clients;
using Clientele.Features.Identity;
using Clientele.Features.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Handover;

public enum HandoverOutcome { Done, NotFound, Invalid, Conflict }

/// <summary>What a step answers: its value, or what is wrong (the field it names, the refusal as a kind).</summary>
public sealed record HandoverResult<T>(HandoverOutcome Outcome, T? Value, string? Field = null, Message? Problem = null)
{
    public static HandoverResult<T> Ok(T value) => new(HandoverOutcome.Done, value);
    public static HandoverResult<T> NotFound() => new(HandoverOutcome.NotFound, default);
    public static HandoverResult<T> Invalid(string field, Message problem) => new(HandoverOutcome.Invalid, default, field, problem);
    public static HandoverResult<T> Conflict(Message problem) => new(HandoverOutcome.Conflict, default, null, problem);
}

/// <summary>One client to hand to one successor.</summary>
public sealed record Assignment(long ClientId, long SuccessorId);

/// <summary>
/// The offboarding steps after the account is deactivated (<see cref="UserCutOff"/> through the owner's user
/// administration or <c>users deactivate</c>): list the clients with suggestions, reassign clients and open tasks,
/// introduce the successors by a task each, finish when nothing is left. Each step can run again: what is done is kept on
/// the run's rows, so a second run finds nothing new to do. Every step is audited; client rows change through the
/// refresh path. The same service serves the API, the page and the command line.
/// </summary>
public sealed class HandoverFlow(ClienteleDb db, AnalyticsCache cache, TimeProvider clock)
{
    /// <summary>How far back the review reads the departing employee's exports and access.</summary>
    public const int ReviewDays = 90;

    /// <summary>How long the hand-over report follows the clients, and how far back it compares their revenue.</summary>
    public const int FollowMonths = 6;

    /// <summary>Days the successor has to introduce themselves: the most valuable clients first.</summary>
    public static int IntroductionDays(string abcClass) => abcClass switch { "A" => 3, "B" => 7, _ => 14 };

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Starts (or resumes) the hand-over of an employee whose account is already deactivated: the latest run for them is
    /// reused, and clients they became responsible for since are added, each with a suggested successor.
    /// </summary>
    public async Task<HandoverResult<HandoverRun>> StartAsync(long departingId, long? startedBy, CancellationToken ct)
    {
        var departing = await db.Set<Employee>().SingleOrDefaultAsync(e => e.Id == departingId, ct);
        if (departing is null) return HandoverResult<HandoverRun>.NotFound();
        if (departing.IsActive) return HandoverResult<HandoverRun>.Conflict(Message.Of<HandoverText>("{0} is still active: deactivate the account first.", departing.DisplayName));

        var run = await db.Set<HandoverRun>().Include(h => h.Clients).Where(h => h.DepartingId == departingId).OrderByDescending(h => h.Id).FirstOrDefaultAsync(ct);
        var isNew = run is null;
        run ??= db.Set<HandoverRun>().Add(new HandoverRun { DepartingId = departingId, StartedById = startedBy, StartedAt = Now }).Entity;

        // The clients as they stand now; their class and figures as the analytics report has them (a client it does not
        // know yet, made today, is listed as class C without figures).
        var (_, _, stakes) = await new KeyPersonRiskReport(db, Analytics()).ClientsAsync(ct);
        var figures = stakes.ToDictionary(s => s.ClientId);
        var held = await db.Clients.Where(c => c.ManagerId == departingId).Select(c => c.Id).ToListAsync(ct);
        var fresh = held.Where(id => run.Clients.All(c => c.ClientId != id))
            .Select(id => figures.TryGetValue(id, out var s) ? new HandoverClient { ClientId = id, AbcClass = s.AbcClass, Contribution = s.Contribution12Months, Clv = s.Clv }
                : new HandoverClient { ClientId = id }).ToList();
        run.Clients.AddRange(fresh);
        var added = fresh.Count;
        if (added > 0) run.FinishedAt = null;
        await SuggestAsync(run, null, ct);
        await db.SaveChangesAsync(ct);
        if (isNew || added > 0)
            await new AuditLog(db).RecordAsync(new AuditEvent(AuditAction.Created, startedBy, nameof(HandoverRun), run.Id, [.. run.Clients.Select(c => c.ClientId)],
                Message.Of<HandoverText>("Hand-over of {0} started: {1} clients listed.", departing.DisplayName, added).Encode()), ct);
        return HandoverResult<HandoverRun>.Ok(run);
    }

    /// <summary>Fills the suggestion of every client not yet reassigned, among <paramref name="among"/> (default: every active manager and owner).</summary>
    private async Task SuggestAsync(HandoverRun run, IReadOnlyCollection<long>? among, CancellationToken ct)
    {
        var open = run.Clients.Where(c => c.SuccessorId is null).OrderBy(c => c.AbcClass).ThenByDescending(c => c.Contribution).ToList();
        if (open.Count == 0) return;
        var candidates = await CandidatesAsync(run.DepartingId, among, ct);
        if (candidates.Count == 0) return;
        var regions = await db.Clients.Where(c => open.Select(o => o.ClientId).Contains(c.Id)).Select(c => new { c.Id, c.Region }).ToDictionaryAsync(c => c.Id, c => c.Region, ct);
        var suggestions = Successors.Suggest([.. open.Select(c => new HandedClient(Enum.Parse<AbcClass>(c.AbcClass), regions.GetValueOrDefault(c.ClientId)))], candidates);
        for (var i = 0; i < open.Count; i++) open[i].SuggestedId = suggestions[i];
    }

    /// <summary>
    /// The possible successors with their load now (the analytics report's ABC classes in class weights) and the regions
    /// they serve: by default the active managers other than the departing one; an owner only when named in <paramref name="among"/>.
    /// </summary>
    public async Task<List<SuccessorCandidate>> CandidatesAsync(long departingId, IReadOnlyCollection<long>? among, CancellationToken ct)
    {
        var people = await db.Set<Employee>().Where(e => e.IsActive && e.Id != departingId
                && (e.Role == EmployeeRole.Manager || (among != null && e.Role == EmployeeRole.Owner)))
            .Select(e => e.Id).ToListAsync(ct);
        if (among is not null) people = [.. people.Where(among.Contains)];
        var (_, _, stakes) = await new KeyPersonRiskReport(db, Analytics()).ClientsAsync(ct);
        var classes = stakes.ToDictionary(s => s.ClientId, s => s.AbcClass);
        var clients = await db.Clients.Where(c => c.ManagerId != null && people.Contains(c.ManagerId.Value)).Select(c => new { c.Id, c.ManagerId, c.Region }).ToListAsync(ct);
        return [.. people.Order().Select(p =>
        {
            var own = clients.Where(c => c.ManagerId == p).ToList();
            return new SuccessorCandidate(p, own.Sum(c => Successors.LoadOf(Enum.Parse<AbcClass>(classes.GetValueOrDefault(c.Id, "C")))),
                own.Where(c => c.Region is not null).Select(c => c.Region!).ToHashSet());
        })];
    }

    public async Task<HandoverRun?> FindAsync(long id, CancellationToken ct) =>
        await db.Set<HandoverRun>().Include(h => h.Clients).SingleOrDefaultAsync(h => h.Id == id, ct);

    /// <summary>Every client of the run that is not reassigned yet, to its suggestion among <paramref name="successorIds"/> (default: anyone).</summary>
    public async Task<HandoverResult<HandoverReview>> AcceptSuggestionsAsync(long id, IReadOnlyCollection<long>? successorIds, long? actor, CancellationToken ct)
    {
        var run = await FindAsync(id, ct);
        if (run is null) return HandoverResult<HandoverReview>.NotFound();
        if (successorIds is { Count: > 0 } && await InvalidSuccessorAsync(run, successorIds, ct) is { } bad)
            return HandoverResult<HandoverReview>.Invalid("successorIds", bad);
        await SuggestAsync(run, successorIds is { Count: > 0 } ? successorIds : null, ct);
        var open = run.Clients.Where(c => c.SuccessorId is null && c.SuggestedId is not null).Select(c => new Assignment(c.ClientId, c.SuggestedId!.Value)).ToList();
        // Run again with everyone placed: nothing to write, nothing to audit.
        return open.Count == 0 ? HandoverResult<HandoverReview>.Ok(await ReviewAsync(run, ct)) : await ReassignAsync(run, open, actor, ct);
    }

    /// <summary>Reassigns the given clients (all of them checked first: one wrong entry changes nothing).</summary>
    public async Task<HandoverResult<HandoverReview>> ReassignAsync(long id, IReadOnlyList<Assignment> assignments, long? actor, CancellationToken ct)
    {
        var run = await FindAsync(id, ct);
        if (run is null) return HandoverResult<HandoverReview>.NotFound();
        if (assignments.Count == 0) return HandoverResult<HandoverReview>.Invalid("assignments", Message.Of<HandoverText>("Name at least one client and its successor."));
        foreach (var a in assignments)
            if (run.Clients.All(c => c.ClientId != a.ClientId))
                return HandoverResult<HandoverReview>.Invalid("assignments", Message.Of<HandoverText>("Client {0} is not in this hand-over.", a.ClientId));
        if (assignments.GroupBy(a => a.ClientId).Any(g => g.Count() > 1))
            return HandoverResult<HandoverReview>.Invalid("assignments", Message.Of<HandoverText>("Each client can go to one successor only."));
        if (await InvalidSuccessorAsync(run, [.. assignments.Select(a => a.SuccessorId).Distinct()], ct) is { } bad)
            return HandoverResult<HandoverReview>.Invalid("assignments", bad);
        return await ReassignAsync(run, assignments, actor, ct);
    }

    private async Task<Message?> InvalidSuccessorAsync(HandoverRun run, IReadOnlyCollection<long> successorIds, CancellationToken ct)
    {
        var valid = (await CandidatesAsync(run.DepartingId, successorIds, ct)).Select(c => c.Employee).ToHashSet();
        var wrong = successorIds.FirstOrDefault(s => !valid.Contains(s), -1);
        return wrong == -1 ? null : Message.Of<HandoverText>("User {0} cannot take over clients: a successor is an active manager or owner other than the departing one.", wrong);
    }

    private async Task<HandoverResult<HandoverReview>> ReassignAsync(HandoverRun run, IReadOnlyList<Assignment> assignments, long? actor, CancellationToken ct)
    {
        var now = Now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ids = assignments.Select(a => a.ClientId).ToList();
        var clients = await db.Clients.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        int moved = 0, dealsMoved = 0;
        foreach (var a in assignments)
        {
            var row = run.Clients.Single(c => c.ClientId == a.ClientId);
            var previous = row.SuccessorId;
            // The client follows the hand-over only while it is still with the departing employee or the previous
            // choice of successor: someone who moved it elsewhere in between is not overruled.
            if (clients.TryGetValue(a.ClientId, out var client) && (client.ManagerId == run.DepartingId || (previous is not null && client.ManagerId == previous)))
                client.ManagerId = a.SuccessorId;
            row.SuccessorId = a.SuccessorId;
            row.ReassignedAt ??= now;
            var holders = previous is { } p ? new[] { run.DepartingId, p } : new[] { run.DepartingId };
            moved += await db.Tasks.Where(t => t.ClientId == a.ClientId && !t.Done && t.AssigneeId != null && holders.Contains(t.AssigneeId.Value))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.AssigneeId, a.SuccessorId).SetProperty(t => t.UpdatedAt, now).SetProperty(t => t.Version, t => t.Version + 1), ct);
            // Open deals go with the client; won and lost ones keep the manager who closed them (the forecast's history).
            dealsMoved += await OpenDeals().Where(d => d.ClientId == a.ClientId && d.ManagerId != null && holders.Contains(d.ManagerId.Value))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ManagerId, a.SuccessorId).SetProperty(d => d.UpdatedAt, now).SetProperty(d => d.Version, d => d.Version + 1), ct);
        }
        // A departing co-manager is no one's second thread any more.
        await db.ClientCoManagers.Where(m => m.EmployeeId == run.DepartingId && ids.Contains(m.ClientId)).ExecuteDeleteAsync(ct);
        run.TasksMoved += moved;
        run.DealsMoved += dealsMoved;
        await db.SaveChangesAsync(ct);
        await ClientRefresh.RunAsync(db, ClientWrite.Of(ChangedRows.Record, ids), ct);
        var names = await KeyPersonRiskReport.EmployeeNamesAsync(db, ct);
        await new AuditLog(db).RecordAsync(new AuditEvent(AuditAction.Updated, actor, nameof(HandoverRun), run.Id, ids,
            Message.Of<HandoverText>("Hand-over of {0}: {1} clients, {2} open tasks and {3} open deals reassigned to {4}.", names.GetValueOrDefault(run.DepartingId), ids.Count, moved,
                dealsMoved, string.Join(", ", assignments.Select(a => names.GetValueOrDefault(a.SuccessorId)).Distinct())).Encode()), ct);
        await transaction.CommitAsync(ct);
        return HandoverResult<HandoverReview>.Ok(await ReviewAsync(run, ct));
    }

    /// <summary>
    /// Moves the departing employee's open tasks and deals on clients outside the run to each client's responsible
    /// manager, when that manager is active; what has nobody to go to stays and keeps the run from finishing.
    /// </summary>
    public async Task<int> MoveOtherTasksAsync(HandoverRun run, CancellationToken ct)
    {
        run.DealsMoved += await MoveOtherDealsAsync(run, ct);
        var now = Now;
        var inRun = run.Clients.Select(c => c.ClientId).ToList();
        var tasks = await db.Tasks.Include(t => t.Client).Where(t => !t.Done && t.AssigneeId == run.DepartingId && !inRun.Contains(t.ClientId)).ToListAsync(ct);
        var active = await db.Set<Employee>().Where(e => e.IsActive).Select(e => e.Id).ToListAsync(ct);
        var moved = 0;
        foreach (var t in tasks.Where(t => t.Client?.ManagerId is { } m && m != run.DepartingId && active.Contains(m)))
        {
            t.AssigneeId = t.Client!.ManagerId;
            t.UpdatedAt = now;
            moved++;
        }
        run.TasksMoved += moved;
        await db.SaveChangesAsync(ct);
        return moved;
    }

    private async Task<int> MoveOtherDealsAsync(HandoverRun run, CancellationToken ct)
    {
        var now = Now;
        var inRun = run.Clients.Select(c => c.ClientId).ToList();
        var deals = await OpenDeals().Include(d => d.Client).Where(d => d.ManagerId == run.DepartingId && !inRun.Contains(d.ClientId)).ToListAsync(ct);
        var active = await db.Set<Employee>().Where(e => e.IsActive).Select(e => e.Id).ToListAsync(ct);
        var moved = 0;
        foreach (var d in deals.Where(d => d.Client?.ManagerId is { } m && m != run.DepartingId && active.Contains(m)))
        {
            (d.ManagerId, d.UpdatedAt) = (d.Client!.ManagerId, now);
            moved++;
        }
        return moved;
    }

    private IQueryable<Deal> OpenDeals() => db.Set<Deal>().Where(d => d.Stage!.Outcome == StageOutcome.Open);

    /// <summary>
    /// For each reassigned client a task for its successor to introduce themselves (class A first and soonest), carrying
    /// the departing manager's hand-over note if there is one; with <paramref name="sendMail"/> also an introduction
    /// e-mail to the client's main contact person. Each is made once per client, however often the step runs.
    /// </summary>
    public async Task<HandoverResult<HandoverReview>> IntroduceAsync(long id, bool sendMail, long? actor, CancellationToken ct)
    {
        var run = await FindAsync(id, ct);
        if (run is null) return HandoverResult<HandoverReview>.NotFound();
        var now = Now;
        var due = run.Clients.Where(c => c.SuccessorId is not null && c.IntroducedAt is null).OrderBy(c => c.AbcClass).ThenByDescending(c => c.Contribution).ToList();
        var mailDue = sendMail ? run.Clients.Where(c => c.SuccessorId is not null && c.IntroMailId is null).ToList() : [];
        if (due.Count == 0 && mailDue.Count == 0) return HandoverResult<HandoverReview>.Ok(await ReviewAsync(run, ct));

        var ids = due.Concat(mailDue).Select(c => c.ClientId).Distinct().ToList();
        var names = await db.Clients.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var notes = await db.Set<HandoverNote>().AsNoTracking().Where(n => ids.Contains(n.ClientId)).ToDictionaryAsync(n => n.ClientId, n => n.Text, ct);
        var departing = (await KeyPersonRiskReport.EmployeeNamesAsync(db, ct)).GetValueOrDefault(run.DepartingId) ?? "";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var row in due)
        {
            var days = IntroductionDays(row.AbcClass);
            // Stored as kinds: each reader sees the task in their own language; the note is the manager's own words.
            List<Message> details = [Message.Of<HandoverText>("Handed over from {0}; class {1}. Get in touch within {2} days.", Shorten(departing), row.AbcClass, days)];
            if (notes.TryGetValue(row.ClientId, out var note)) details.Add(Message.Of<HandoverText>("Hand-over note: {0}", note));
            row.IntroTask = new Tasks.FollowUpTask
            {
                ClientId = row.ClientId, AssigneeId = row.SuccessorId, DueAt = now.AddDays(days), CreatedAt = now, UpdatedAt = now,
                Title = Message.Of<HandoverText>("Introduce yourself to {0} as the new manager", Shorten(names.GetValueOrDefault(row.ClientId) ?? "")).Encode(),
                Details = Message.EncodeAll(details),
            };
            row.IntroducedAt = now;
        }
        var mails = mailDue.Count > 0 ? await new IntroductionMail(db, clock).QueueAsync(mailDue, departing, ct) : 0;
        await db.SaveChangesAsync(ct);
        await new AuditLog(db).RecordAsync(new AuditEvent(AuditAction.Created, actor, nameof(HandoverRun), run.Id, ids,
            Message.Of<HandoverText>("Hand-over of {0}: {1} introduction tasks made, {2} introduction e-mails queued.", departing, due.Count, mails).Encode(), due.Count + mails), ct);
        await transaction.CommitAsync(ct);
        return HandoverResult<HandoverReview>.Ok(await ReviewAsync(run, ct));
    }

    /// <summary>Finishes the run when no client, open task or co-management names the departing employee and every client has a successor.</summary>
    public async Task<HandoverResult<HandoverReview>> FinishAsync(long id, long? actor, CancellationToken ct)
    {
        var run = await FindAsync(id, ct);
        if (run is null) return HandoverResult<HandoverReview>.NotFound();
        await MoveOtherTasksAsync(run, ct);
        var review = await ReviewAsync(run, ct);
        var unassigned = run.Clients.Count(c => c.SuccessorId is null);
        if (review.ClientsStillHeld > 0 || review.OpenTasksStillHeld > 0 || review.OpenDealsStillHeld > 0 || unassigned > 0)
            return HandoverResult<HandoverReview>.Conflict(Message.Of<HandoverText>(
                "The hand-over cannot finish yet: {0} clients without a successor, {1} clients, {2} open tasks and {3} open deals still with {4}.",
                unassigned, review.ClientsStillHeld, review.OpenTasksStillHeld, review.OpenDealsStillHeld, review.DepartingName));
        if (run.FinishedAt is null)
        {
            run.FinishedAt = Now;
            await db.SaveChangesAsync(ct);
            await new AuditLog(db).RecordAsync(new AuditEvent(AuditAction.Updated, actor, nameof(HandoverRun), run.Id, null,
                Message.Of<HandoverText>("Hand-over of {0} finished.", review.DepartingName).Encode()), ct);
        }
        return HandoverResult<HandoverReview>.Ok(await ReviewAsync(run, ct));
    }

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
        var candidates = await CandidatesAsync(run.DepartingId, null, ct);
        var step = run.FinishedAt is not null ? "follow" : rows.Any(r => r.SuccessorId is null) ? "reassign" : rows.Any(r => r.IntroducedAt is null) ? "introduce" : "finish";
        return new HandoverReview(run.Id, run.DepartingId, departing.DisplayName, departing.IsActive, run.StartedAt, run.FinishedAt, step, rows.Count,
            rows.Count(r => r.SuccessorId is not null), rows.Count(r => r.IntroducedAt is not null), stillHeld, tasksHeld, dealsHeld, run.TasksMoved, run.DealsMoved, rows,
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
                contact, contact is { } t0 && t0 <= at.AddDays(IntroductionDays(r.AbcClass)), bought, lost, lost ? c!.ChurnReason : null, before, after));
        }
        return new HandoverFollowUp(run.Id, run.DepartingId, Name(names, run.DepartingId) ?? "", result.Count, result.Count(x => x.ContactedInTime),
            result.Count(x => x.BoughtAgain), result.Count(x => x.Lost), result.Sum(x => x.RevenueBefore), result.Sum(x => x.RevenueAfter), result);
    }

    public async Task<List<HandoverSummary>> ListAsync(CancellationToken ct)
    {
        var names = await KeyPersonRiskReport.EmployeeNamesAsync(db, ct);
        var runs = await db.Set<HandoverRun>().AsNoTracking().OrderByDescending(h => h.Id)
            .Select(h => new { h.Id, h.DepartingId, h.StartedAt, h.FinishedAt, Clients = h.Clients.Count, Reassigned = h.Clients.Count(c => c.SuccessorId != null) }).ToListAsync(ct);
        return [.. runs.Select(h => new HandoverSummary(h.Id, h.DepartingId, names.GetValueOrDefault(h.DepartingId) ?? "", h.StartedAt, h.FinishedAt, h.Clients, h.Reassigned))];
    }

    private AnalyticsService Analytics() => new(db, cache, clock);

    private static string? Name(Dictionary<long, string> names, long? id) => id is { } v ? names.GetValueOrDefault(v) : null;

    /// <summary>A name as a task's value: the encoded title must fit the task's 200 characters.</summary>
    private static string Shorten(string name) => name.Length <= 80 ? name : name[..79] + "…";
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
    int Clients, int Reassigned, int Introduced, int ClientsStillHeld, int OpenTasksStillHeld, int OpenDealsStillHeld, int TasksMoved, int DealsMoved, List<HandoverClientRow> Rows,
    List<AuditSignal> Exports, int MassAccessAlerts, int ClientsViewed, List<SuccessorLoad> Successors);

public sealed record HandoverFollowUpRow(
    long ClientId, string ClientName, string AbcClass, long SuccessorId, string SuccessorName, DateTime ReassignedAt, DateTime? FirstContactAt,
    bool ContactedInTime, bool BoughtAgain, bool Lost, string? LossReason, decimal RevenueBefore, decimal RevenueAfter);

/// <param name="RevenueBefore">Base currency: the six company months before each client's hand-over month.</param>
/// <param name="RevenueAfter">Base currency: the hand-over month and the five after it, as far as they have passed.</param>
public sealed record HandoverFollowUp(long Id, long DepartingId, string DepartingName, int Clients, int ContactedInTime, int BoughtAgain, int Lost,
    decimal RevenueBefore, decimal RevenueAfter, List<HandoverFollowUpRow> Rows);

public sealed record HandoverSummary(long Id, long DepartingId, string DepartingName, DateTime StartedAt, DateTime? FinishedAt, int Clients, int Reassigned);
