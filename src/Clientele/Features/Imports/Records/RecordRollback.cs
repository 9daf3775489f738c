using Clientele.Features.Clients;
using Clientele.Features.Imports.Mapping;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Imports.Records;

/// <summary>Takes a record import back out: deletes exactly the records it noted, then refreshes their clients.</summary>
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
                Detail: $"rollback of the import of {ImportMapping.KindName(job.Kind)} from {job.FileName}: {notes.Count} records removed", RowCount: notes.Count), ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
        }
        finally
        {
            db.BulkLoad = bulk;
            db.Access = access;
        }
    }

    private static IEnumerable<long[]> Chunks(List<long>? ids) => ids is null ? [] : ids.Chunk(Chunk);
}
