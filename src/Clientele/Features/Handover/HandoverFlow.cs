using Clientele.Analytics.Structure;
using Clientele.Features.Analytics;
using Clientele.Features.Audit;
using Clientele.Features.Clients;
using Clientele.Features.Identity;
using Clientele.Features.Pipeline;
using Clientele.Features.Surveys;
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
public sealed partial class HandoverFlow(ClienteleDb db, AnalyticsCache cache, TimeProvider clock)
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
        int moved = 0, dealsMoved = 0, loopsMoved = 0;
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
            // So do the client's items to fix from its survey answers that are not closed yet: the successor follows them up.
            loopsMoved += await OpenLoopItems().Where(l => l.ClientId == a.ClientId && l.OwnerId != null && holders.Contains(l.OwnerId.Value))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.OwnerId, a.SuccessorId).SetProperty(l => l.UpdatedAt, now).SetProperty(l => l.Version, l => l.Version + 1), ct);
        }
        // A departing co-manager is no one's second thread any more.
        await db.ClientCoManagers.Where(m => m.EmployeeId == run.DepartingId && ids.Contains(m.ClientId)).ExecuteDeleteAsync(ct);
        run.TasksMoved += moved;
        run.DealsMoved += dealsMoved;
        await db.SaveChangesAsync(ct);
        await ClientRefresh.RunAsync(db, ClientWrite.Of(ChangedRows.Record, ids), ct);
        var names = await KeyPersonRiskReport.EmployeeNamesAsync(db, ct);
        await new AuditLog(db).RecordAsync(new AuditEvent(AuditAction.Updated, actor, nameof(HandoverRun), run.Id, ids,
            Message.Of<HandoverText>("Hand-over of {0}: {1} clients, {2} open tasks, {3} open deals and {4} items to fix reassigned to {5}.", names.GetValueOrDefault(run.DepartingId),
                ids.Count, moved, dealsMoved, loopsMoved, string.Join(", ", assignments.Select(a => names.GetValueOrDefault(a.SuccessorId)).Distinct())).Encode()), ct);
        await transaction.CommitAsync(ct);
        return HandoverResult<HandoverReview>.Ok(await ReviewAsync(run, ct));
    }

    /// <summary>What the finish step moved off the departing employee beyond the run's own clients.</summary>
    public readonly record struct OthersMoved(int Tasks, int Deals, int LoopItems, int CoManagements)
    {
        public bool Any => Tasks + Deals + LoopItems + CoManagements > 0;
    }

    /// <summary>
    /// Moves the departing employee's open tasks, deals and items to fix on clients outside the run to each client's
    /// responsible manager, when that manager is active (what has nobody to go to stays and keeps the run from
    /// finishing), and ends their co-managements everywhere: a departed second thread would hide that the client has none.
    /// </summary>
    public async Task<OthersMoved> MoveOtherTasksAsync(HandoverRun run, CancellationToken ct)
    {
        var deals = await MoveOtherDealsAsync(run, ct);
        run.DealsMoved += deals;
        var loops = await MoveOtherLoopItemsAsync(run, ct);
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
        var coManaged = await db.ClientCoManagers.Where(m => m.EmployeeId == run.DepartingId).Select(m => m.ClientId).ToListAsync(ct);
        if (coManaged.Count > 0)
        {
            await db.ClientCoManagers.Where(m => m.EmployeeId == run.DepartingId).ExecuteDeleteAsync(ct);
            await ClientRefresh.RunAsync(db, ClientWrite.Of(ChangedRows.Record, coManaged), ct);
        }
        return new OthersMoved(moved, deals, loops, coManaged.Count);
    }

    private async Task<int> MoveOtherLoopItemsAsync(HandoverRun run, CancellationToken ct)
    {
        var now = Now;
        var items = await OpenLoopItems().Include(l => l.Client).Where(l => l.OwnerId == run.DepartingId).ToListAsync(ct);
        var active = await db.Set<Employee>().Where(e => e.IsActive).Select(e => e.Id).ToListAsync(ct);
        var moved = 0;
        foreach (var l in items.Where(l => l.Client?.ManagerId is { } m && m != run.DepartingId && active.Contains(m)))
        {
            (l.OwnerId, l.UpdatedAt) = (l.Client!.ManagerId, now);
            moved++;
        }
        return moved;
    }

    /// <summary>Items to fix not closed by the client's next answer yet (open, or fixed and waiting for it).</summary>
    private IQueryable<LoopItem> OpenLoopItems() => db.LoopItems.Where(l => l.ClosedAt == null);

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
        // A run again that only finds clients still without an address writes nothing, so it audits nothing either.
        if (due.Count + mails > 0)
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
        // Audited whether or not the finish goes through: what moved stays moved, and the trail says so.
        if (await MoveOtherTasksAsync(run, ct) is { Any: true } others)
            await new AuditLog(db).RecordAsync(new AuditEvent(AuditAction.Updated, actor, nameof(HandoverRun), run.Id, null,
                Message.Of<HandoverText>("Hand-over of {0}: {1} open tasks, {2} open deals and {3} items to fix on colleagues' clients moved to those clients' managers; {4} co-managements ended.",
                    (await KeyPersonRiskReport.EmployeeNamesAsync(db, ct)).GetValueOrDefault(run.DepartingId), others.Tasks, others.Deals, others.LoopItems, others.CoManagements).Encode()), ct);
        var review = await ReviewAsync(run, ct);
        var unassigned = run.Clients.Count(c => c.SuccessorId is null);
        if (review.ClientsStillHeld > 0 || review.OpenTasksStillHeld > 0 || review.OpenDealsStillHeld > 0 || review.OpenLoopItemsStillHeld > 0 || unassigned > 0)
            return HandoverResult<HandoverReview>.Conflict(Message.Of<HandoverText>(
                "The hand-over cannot finish yet: {0} clients without a successor, {1} clients, {2} open tasks, {3} open deals and {4} items to fix still with {5}.",
                unassigned, review.ClientsStillHeld, review.OpenTasksStillHeld, review.OpenDealsStillHeld, review.OpenLoopItemsStillHeld, review.DepartingName));
        if (run.FinishedAt is null)
        {
            run.FinishedAt = Now;
            await db.SaveChangesAsync(ct);
            await new AuditLog(db).RecordAsync(new AuditEvent(AuditAction.Updated, actor, nameof(HandoverRun), run.Id, null,
                Message.Of<HandoverText>("Hand-over of {0} finished.", review.DepartingName).Encode()), ct);
        }
        return HandoverResult<HandoverReview>.Ok(await ReviewAsync(run, ct));
    }

    private AnalyticsService Analytics() => new(db, cache, clock);

    private static string? Name(Dictionary<long, string> names, long? id) => id is { } v ? names.GetValueOrDefault(v) : null;

    /// <summary>A name as a task's value: the encoded title must fit the task's 200 characters.</summary>
    internal static string Shorten(string name) => name.Length <= 80 ? name : name[..79] + "…";
}
