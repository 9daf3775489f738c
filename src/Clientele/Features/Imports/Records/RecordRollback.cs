using Clientele.Features.Clients;
using Clientele.Features.Imports.Mapping;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Imports.Records;

/// <summary>
/// Takes a record import back out: deletes exactly the records it created, writes the before-images of the records it
/// updated back through the API's spec, then refreshes their clients. A record edited since the import is not
/// overwritten: the rollback is refused and names it.
/// </summary>
internal static class RecordRollback
{
    private const int Chunk = 500;

    public static async Task RunAsync(ClienteleDb db, ImportJob job, CancellationToken ct)
    {
        var notes = await db.Set<ImportCreatedRecord>().AsNoTracking().Where(r => r.JobId == job.Id).Select(r => new { r.Entity, r.EntityId }).ToListAsync(ct);
        var byEntity = notes.GroupBy(n => n.Entity).ToDictionary(g => g.Key, g => g.Select(n => n.EntityId).ToList());
        var bulk = db.BulkLoad;
        var access = db.Access;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            db.BulkLoad = true;
            // The job's own notes decide which rows go: exactly those it created, even on a client since handed to
            // someone else. Seen through the user's filter, such rows would stay while their notes were deleted.
            db.Access = Access.AccessScope.System;
            var clients = new HashSet<long>();
            var restored = await RestoreAsync(db, job, clients, ct);
            foreach (var ids in Chunks(byEntity.GetValueOrDefault(ImportCreatedRecord.Purchase)))
            {
                clients.UnionWith(await db.Purchases.Where(p => ids.Contains(p.Id)).Select(p => p.ClientId).Distinct().ToListAsync(ct));
                await db.Purchases.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(ct);
            }
            foreach (var ids in Chunks(byEntity.GetValueOrDefault(ImportCreatedRecord.Interaction)))
            {
                clients.UnionWith(await db.Interactions.Where(i => ids.Contains(i.Id)).Select(i => i.ClientId).Distinct().ToListAsync(ct));
                await db.Interactions.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(ct);
            }
            foreach (var ids in Chunks(byEntity.GetValueOrDefault(ImportCreatedRecord.ServiceCost)))
            {
                clients.UnionWith(await db.ServiceCosts.Where(c => ids.Contains(c.Id)).Select(c => c.ClientId).Distinct().ToListAsync(ct));
                await db.ServiceCosts.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(ct);
            }
            await db.Set<ImportCreatedRecord>().Where(r => r.JobId == job.Id).ExecuteDeleteAsync(ct);
            await ClientRefresh.RunAsync(db, ClientWrite.Of(RecordImport.RowsOf(job.Kind), clients), ct);
            await new Audit.AuditLog(db).RecordAsync(new Audit.AuditEvent(Audit.AuditAction.Deleted, Entity: "ImportJob", EntityId: job.Id,
                Detail: $"rollback of the import of {ImportMapping.KindName(job.Kind)} from {job.FileName}: {notes.Count} records removed, {restored} restored", RowCount: notes.Count + restored), ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
        }
        finally
        {
            db.BulkLoad = bulk;
            db.Access = access;
        }
    }

    /// <summary>Puts the records the import updated back as they were; returns how many.</summary>
    private static async Task<int> RestoreAsync(ClienteleDb db, ImportJob job, HashSet<long> clients, CancellationToken ct)
    {
        var images = await db.Set<ImportUpdatedRecord>().AsNoTracking().Where(r => r.JobId == job.Id).ToListAsync(ct);
        if (images.Count == 0) return 0;
        var restored = 0;
        foreach (var group in images.GroupBy(i => i.Entity))
            restored += group.Key switch
            {
                ImportCreatedRecord.Purchase => await RestoreAsync(db, Purchases.PurchasesApi.Spec, [.. group], clients, ct),
                ImportCreatedRecord.Interaction => await RestoreAsync(db, Interactions.InteractionsApi.Spec, [.. group], clients, ct),
                _ => await RestoreAsync(db, ServiceCosts.ServiceCostsApi.Spec, [.. group], clients, ct),
            };
        await db.Set<ImportUpdatedRecord>().Where(r => r.JobId == job.Id).ExecuteDeleteAsync(ct);
        return restored;
    }

    private static async Task<int> RestoreAsync<TEntity, TInput, TResponse>(ClienteleDb db, Infrastructure.Api.EntitySpec<TEntity, TInput, TResponse> spec,
        List<ImportUpdatedRecord> images, HashSet<long> clients, CancellationToken ct)
        where TEntity : class, IHasId, IVersioned, IExternalDocument where TInput : class
    {
        var restored = 0;
        foreach (var chunk in images.Chunk(Chunk))
        {
            var ids = chunk.Select(i => i.EntityId).ToList();
            var records = await spec.Query(db).Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
            // A record deleted since has nothing to restore; one edited since keeps the later edit, and the user decides.
            if (chunk.FirstOrDefault(i => records.TryGetValue(i.EntityId, out var r) && r.Version != i.VersionAfter) is { } edited)
                throw new Engine.ImportRefusedException($"{spec.Name} {edited.EntityId} was changed after import {edited.JobId}; the import cannot be rolled back without losing that change.");
            foreach (var image in chunk)
            {
                if (!records.TryGetValue(image.EntityId, out var record)) continue;
                spec.Apply(record, System.Text.Json.JsonSerializer.Deserialize<TInput>(image.BeforeJson, ImportJobs.Json)!);
                clients.Add(record.ClientId);
                restored++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return restored;
    }

    private static IEnumerable<long[]> Chunks(List<long>? ids) => ids is null ? [] : ids.Chunk(Chunk);
}
