using System.Text.Json;
using Clientele.Features.Audit;
using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Duplicates;

/// <summary>
/// Undoes a merge: the merged client comes back with its old id, exactly the rows the merge moved go back to it, the
/// rows it deleted are inserted again, the kept client's filled fields get their old values (those not edited since),
/// and the aggregates of both are recomputed. Refused (409) once a later merge involved either client, since the rows
/// that merge moved would be torn apart.
/// </summary>
public static class ClientMergeUndo
{
    public static async Task<MergeResult> UndoAsync(ClienteleDb db, long mergeRecordId, CancellationToken ct)
    {
        var record = await db.Set<ClientMergeRecord>().SingleOrDefaultAsync(m => m.Id == mergeRecordId, ct);
        if (record is null) return MergeResult.NotFound($"Merge {mergeRecordId} does not exist.");
        var (keepId, mergeId) = (record.KeptId, record.MergedId);
        // A manager undoes only merges they may see (see DuplicateQueries.VisibleMerges); to the others the merge does not exist.
        if (!await DuplicateQueries.VisibleMerges(db).AnyAsync(m => m.Id == mergeRecordId, ct)) return MergeResult.NotFound($"Merge {mergeRecordId} does not exist.");
        if (record.UndoneAt is not null) return MergeResult.Conflict($"Merge {mergeRecordId} was undone already.");
        var later = await db.Set<ClientMergeRecord>()
            .Where(m => m.Id > record.Id && m.UndoneAt == null && (m.KeptId == keepId || m.MergedId == keepId || m.KeptId == mergeId || m.MergedId == mergeId))
            .OrderBy(m => m.Id).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
        if (later is { } laterId)
            return MergeResult.Conflict($"Merge {laterId} involved client {keepId} or {mergeId} after this one; undo merge {laterId} first.");
        if (!await db.Clients.IgnoreQueryFilters().AnyAsync(c => c.Id == keepId, ct))
            return MergeResult.Conflict($"Client {keepId}, which the merge kept, has been deleted since; the merge cannot be undone.");
        if (await db.Clients.IgnoreQueryFilters().AnyAsync(c => c.Id == mergeId, ct))
            return MergeResult.Conflict($"Client {mergeId} exists again; the merge cannot be undone.");

        var by = ClientMerge.Actor(db);
        var moved = JsonSerializer.Deserialize<Dictionary<string, List<JsonElement[]>>>(record.MovedRows, ClientMerge.Json)!;
        var deleted = JsonSerializer.Deserialize<Dictionary<string, List<Dictionary<string, JsonElement>>>>(record.DeletedRows, ClientMerge.Json)!;
        var keptState = JsonSerializer.Deserialize<ClientMerge.KeptState>(record.KeptChanges, ClientMerge.Json)!;
        var mergedRow = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(record.MergedClient, ClientMerge.Json)!;

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var (bulk, access) = (db.BulkLoad, db.Access);
        // The user's access was checked above; the recomputes below must see every row of both clients, including
        // rows of a client that only comes back to another manager's view by the undo.
        db.Access = Clientele.Features.Access.AccessScope.System;
        db.BulkLoad = true;
        try
        {
            db.ChangeTracker.Clear();
            var clientType = db.Model.FindEntityType(typeof(Client))!;
            RowSnapshot.Add(db, clientType, mergedRow);
            await db.SaveChangesAsync(ct);
            // The insert stamped it now; it was last changed when it was.
            var updatedAt = mergedRow[nameof(Client.UpdatedAt)].Deserialize<DateTime>();
            await db.Clients.IgnoreQueryFilters().Where(c => c.Id == mergeId).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, updatedAt), ct);
            db.ChangeTracker.Clear();

            var entityTypes = db.Model.GetEntityTypes().ToDictionary(t => t.ClrType, t => t);
            foreach (var link in ClientLink.Of(db.Model))
            {
                if (link.IsRecomputed)
                {
                    if (!deleted.TryGetValue(ClientMerge.RecomputedPrefix + link.Name, out var whole)) continue;
                    // Back as both clients' rows were: whatever the merge's recompute wrote goes.
                    db.RemoveRange(await link.RowsAsync(db, keepId, ct));
                    db.RemoveRange(await link.RowsAsync(db, mergeId, ct));
                    await db.SaveChangesAsync(ct);
                    foreach (var row in whole) RowSnapshot.Add(db, link.Entity, row);
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    continue;
                }
                if (moved.TryGetValue(link.Name, out var identities)) await link.MoveAsync(db, keepId, mergeId, identities, ct);
                if (deleted.TryGetValue(link.Name, out var rows))
                {
                    foreach (var row in rows) RowSnapshot.Add(db, link.Entity, row);
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                }
            }
            if (moved.TryGetValue(ClientMerge.ReferrersKey, out var referrers))
            {
                var ids = referrers.Select(r => r[0].GetInt64()).ToList();
                await db.Clients.IgnoreQueryFilters().Where(c => ids.Contains(c.Id) && c.ReferredById == keepId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReferredById, mergeId), ct);
            }
            if (moved.TryGetValue(ClientMerge.ServedKey, out var served))
            {
                var ids = served.Select(r => r[0].GetInt64()).ToList();
                await db.Clients.IgnoreQueryFilters().Where(c => ids.Contains(c.Id) && c.ServedThroughId == keepId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.ServedThroughId, mergeId), ct);
            }
            await MergeCandidates.UndoAsync(db, deleted, ct);

            // The kept client's fields first: its search terms follow from them.
            await RestoreKeptAsync(db, record, keptState, ct);
            await ClientMerge.RecomputeAsync(db, ClientWrite.MergeUndone(keepId, mergeId), ct);

            record = await db.Set<ClientMergeRecord>().SingleAsync(m => m.Id == mergeRecordId, ct);
            record.UndoneAt = db.UtcNow;
            record.UndoneById = by;
            await db.SaveChangesAsync(ct);
            await new AuditLog(db).RecordAsync(new AuditEvent(AuditAction.ClientMergeUndone, by, ClientMerge.AuditEntity, record.Id, [keepId, mergeId],
                $"undid merge {record.Id}: client {mergeId} \"{record.MergedName}\" separated again from client {keepId} \"{record.KeptName}\""), ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
            return new MergeResult(OutcomeKind.Ok, record);
        }
        finally
        {
            (db.BulkLoad, db.Access) = (bulk, access);
        }
    }

    /// <summary>
    /// The filled fields back to their old values; when nobody edited the kept client since the merge, its version
    /// and time stamp too, so the client is as it was before the merge.
    /// </summary>
    private static async Task RestoreKeptAsync(ClienteleDb db, ClientMergeRecord record, ClientMerge.KeptState state, CancellationToken ct)
    {
        var kept = await db.Clients.IgnoreQueryFilters().SingleAsync(c => c.Id == record.KeptId, ct);
        var untouched = kept.Version == record.KeptVersionAfter;
        var all = MergeFields.Restore(kept, state.Fields);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        if (untouched && all)
            await db.Clients.IgnoreQueryFilters().Where(c => c.Id == record.KeptId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, state.Version).SetProperty(c => c.UpdatedAt, state.UpdatedAt), ct);
    }
}
