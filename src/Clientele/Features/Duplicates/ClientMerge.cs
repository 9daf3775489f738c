using System.Text.Json;
using Clientele.Features.Access;
using Clientele.Features.Audit;
using Clientele.Features.Clients;
using Clientele.Features.Loyalty;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Duplicates;

/// <summary>What a merge or an undo did: done (with its record), bad input, no such (visible) record, or refused (409).</summary>
public sealed record MergeResult(OutcomeKind Kind, ClientMergeRecord? Record = null, Errors? Errors = null, string? Problem = null)
{
    public static MergeResult Invalid(string field, Message message)
    {
        var errors = new Errors();
        errors.Add(field, message);
        return new MergeResult(OutcomeKind.Invalid, Errors: errors);
    }

    public static MergeResult NotFound(string problem) => new(OutcomeKind.NotFound, Problem: problem);
    public static MergeResult Conflict(string problem) => new(OutcomeKind.Conflict, Problem: problem);
}

/// <summary>
/// Merges one client into another in one transaction: every row that belongs to the merged client moves to the kept
/// one (the tables are read from the EF model), rows the kept client already has an equal of are deleted, the kept
/// client's empty fields are filled, per-client figures, search terms and the loyalty path are recomputed, and the
/// merged client is deleted. A <see cref="ClientMergeRecord"/> holds what <see cref="ClientMergeUndo"/> needs.
/// </summary>
public static class ClientMerge
{
    public const string AuditEntity = "ClientMerge";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    internal const string ReferrersKey = "Client.ReferredById";
    internal const string ServedKey = "Client.ServedThroughId";
    internal const string CandidatesKey = "DuplicateCandidate";
    internal const string PairKey = "DuplicateCandidate.pair";
    internal const string RecomputedPrefix = "recomputed:";

    /// <summary>The kept client's stamps before the merge and the fields it filled.</summary>
    internal sealed record KeptState(long Version, DateTime UpdatedAt, Dictionary<string, MergeFields.Change> Fields);

    /// <summary>
    /// Both sides of a merge, read through the access filter (a manager merges only clients they see), or the refusal:
    /// the same checks for the merge and its preview.
    /// </summary>
    internal static async Task<(MergeResult? Refusal, Client Kept, Client Merged)> SidesAsync(IQueryable<Client> clients, long keepId, long mergeId, CancellationToken ct)
    {
        if (keepId <= 0) return (MergeResult.Invalid("keepId", Message.Of("must be a client id.")), null!, null!);
        if (mergeId <= 0) return (MergeResult.Invalid("mergeId", Message.Of("must be a client id.")), null!, null!);
        if (keepId == mergeId) return (MergeResult.Invalid("mergeId", Message.Of("must be another client than keepId: a client cannot be merged with itself.")), null!, null!);
        var kept = await clients.SingleOrDefaultAsync(c => c.Id == keepId, ct);
        if (kept is null) return (MergeResult.NotFound($"Client {keepId} does not exist."), null!, null!);
        var merged = await clients.SingleOrDefaultAsync(c => c.Id == mergeId, ct);
        if (merged is null) return (MergeResult.NotFound($"Client {mergeId} does not exist."), null!, null!);
        return (null, kept, merged);
    }

    public static async Task<MergeResult> MergeAsync(ClienteleDb db, long keepId, long mergeId, CancellationToken ct)
    {
        var (refusal, kept, merged) = await SidesAsync(db.Clients, keepId, mergeId, ct);
        if (refusal is not null) return refusal;

        var by = Actor(db);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var (bulk, access) = (db.BulkLoad, db.Access);
        // The user's access was checked above; the recomputes below must see every row of both clients, including
        // rows of a client that only comes back to another manager's view by the undo.
        db.Access = AccessScope.System;
        // One audit entry for the merge instead of one per moved row.
        db.BulkLoad = true;
        try
        {
            var mergedRow = RowSnapshot.Take(db, merged);
            var keptState = new KeptState(kept.Version, kept.UpdatedAt, MergeFields.Fill(kept, merged));
            await db.SaveChangesAsync(ct);
            var (keptName, mergedName) = (kept.Name, merged.Name);
            var advocate = await db.Set<ClientLoyalty>().IgnoreQueryFilters().Where(l => l.ClientId == mergeId).Select(l => l.AdvocateMarkedOn).FirstOrDefaultAsync(ct);

            var moved = new Dictionary<string, List<JsonElement[]>>(StringComparer.Ordinal);
            var deleted = new Dictionary<string, List<Dictionary<string, JsonElement>>>(StringComparer.Ordinal);
            await MergeCandidates.MergeAsync(db, keepId, mergeId, by, deleted, ct);
            var rowsMoved = 0;
            foreach (var link in ClientLink.Of(db.Model))
                rowsMoved += await MoveAsync(db, link, keepId, mergeId, moved, deleted, ct);

            var referrers = await db.Clients.IgnoreQueryFilters().Where(c => c.ReferredById == mergeId && c.Id != keepId).Select(c => c.Id).ToListAsync(ct);
            if (referrers.Count > 0)
            {
                moved[ReferrersKey] = [.. referrers.Select(id => new[] { JsonSerializer.SerializeToElement(id) })];
                await db.Clients.IgnoreQueryFilters().Where(c => c.ReferredById == mergeId && c.Id != keepId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReferredById, keepId), ct);
            }
            // The clients served through the merged intermediary are served through the kept one (ADR 044), as referees follow.
            var served = await db.Clients.IgnoreQueryFilters().Where(c => c.ServedThroughId == mergeId && c.Id != keepId).Select(c => c.Id).ToListAsync(ct);
            if (served.Count > 0)
            {
                moved[ServedKey] = [.. served.Select(id => new[] { JsonSerializer.SerializeToElement(id) })];
                await db.Clients.IgnoreQueryFilters().Where(c => c.ServedThroughId == mergeId && c.Id != keepId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.ServedThroughId, keepId), ct);
            }
            db.ChangeTracker.Clear();
            await db.Clients.IgnoreQueryFilters().Where(c => c.Id == mergeId).ExecuteDeleteAsync(ct);

            // The merged client's advocate mark is an input of the kept client's path: in place before the recompute.
            if (advocate is { } day)
            {
                var loyalty = await db.Set<ClientLoyalty>().FindAsync([keepId], ct);
                if (loyalty is null) db.Add(new ClientLoyalty { ClientId = keepId, AdvocateMarkedOn = day, Since = day });
                else loyalty.AdvocateMarkedOn ??= day;
                await db.SaveChangesAsync(ct);
            }
            await RecomputeAsync(db, ClientWrite.Of(ChangedRows.All, keepId), ct);

            var record = new ClientMergeRecord
            {
                KeptId = keepId, MergedId = mergeId, KeptName = keptName, MergedName = mergedName,
                MergedClient = JsonSerializer.Serialize(mergedRow, Json),
                KeptChanges = JsonSerializer.Serialize(keptState, Json),
                KeptVersionAfter = await db.Clients.IgnoreQueryFilters().Where(c => c.Id == keepId).Select(c => c.Version).SingleAsync(ct),
                MovedRows = JsonSerializer.Serialize(moved, Json),
                DeletedRows = JsonSerializer.Serialize(deleted, Json),
                MergedById = by, MergedAt = db.UtcNow,
            };
            db.Add(record);
            await db.SaveChangesAsync(ct);
            await new AuditLog(db).RecordAsync(new AuditEvent(AuditAction.ClientsMerged, by, AuditEntity, record.Id, [keepId, mergeId],
                $"merged client {mergeId} \"{mergedName}\" into client {keepId} \"{keptName}\": {rowsMoved} rows moved, "
                + $"{deleted.Where(d => !d.Key.StartsWith(RecomputedPrefix, StringComparison.Ordinal)).Sum(d => d.Value.Count)} duplicate rows removed, "
                + $"fields filled: {(keptState.Fields.Count == 0 ? "none" : string.Join(", ", keptState.Fields.Keys))}", rowsMoved), ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
            return new MergeResult(OutcomeKind.Ok, record);
        }
        finally
        {
            (db.BulkLoad, db.Access) = (bulk, access);
        }
    }

    /// <summary>Moves one table's rows of the merged client; returns how many moved.</summary>
    private static async Task<int> MoveAsync(ClienteleDb db, ClientLink link, long keepId, long mergeId,
        Dictionary<string, List<JsonElement[]>> moved, Dictionary<string, List<Dictionary<string, JsonElement>>> deleted, CancellationToken ct)
    {
        var rows = await link.RowsAsync(db, mergeId, ct);
        if (link.IsRecomputed)
        {
            // Kept whole for both clients: the recompute below rewrites the kept client's rows with new ids.
            var keptRows = await link.RowsAsync(db, keepId, ct);
            if (rows.Count + keptRows.Count > 0) deleted[RecomputedPrefix + link.Name] = [.. keptRows.Concat(rows).Select(r => RowSnapshot.Take(db, r))];
            db.RemoveRange(rows);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return 0;
        }
        if (rows.Count == 0) return 0;
        if (link.Collision is not null)
        {
            var taken = (await link.RowsAsync(db, keepId, ct)).Select(r => link.CollisionOf(db, r)).ToHashSet(StringComparer.Ordinal);
            var twins = rows.Where(r => taken.Contains(link.CollisionOf(db, r))).ToList();
            if (twins.Count > 0)
            {
                deleted[link.Name] = [.. twins.Select(r => RowSnapshot.Take(db, r))];
                db.RemoveRange(twins);
                await db.SaveChangesAsync(ct);
                rows = [.. rows.Except(twins)];
            }
        }
        if (rows.Count > 0) moved[link.Name] = [.. rows.Select(r => link.IdentityOf(db, r))];
        db.ChangeTracker.Clear();
        return rows.Count == 0 ? 0 : await link.MoveAsync(db, mergeId, keepId, null, ct);
    }

    /// <summary>Everything that follows from the client's rows (the refresh path) and its search terms.</summary>
    internal static async Task RecomputeAsync(ClienteleDb db, ClientWrite write, CancellationToken ct)
    {
        await ClientRefresh.RunAsync(db, write, ct);
        foreach (var clientId in write.Clients) await ClientSearch.SyncAsync(db, clientId, ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The employee acting: the viewer of the context's access scope; none for jobs and the command line.</summary>
    internal static long? Actor(ClienteleDb db) => db.Access.ViewerId is var id && id != AccessScope.NoEmployee ? id : null;
}
