using System.Text.Json;
using Clientele.Features.Audit;
using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Imports.Engine;

/// <summary>The import cannot be rolled back as asked; the message says why and what to do.</summary>
public sealed class ImportRefusedException(string message) : Exception(message);

/// <summary>Undoes a completed client import as a whole: created clients removed, updated ones restored, added contacts removed.</summary>
public static class ClientRollback
{
    public static async Task RunAsync(ClienteleDb db, ImportJob job, bool force, CancellationToken ct)
    {
        var range = await db.Set<ImportCreatedRange>().SingleOrDefaultAsync(r => r.JobId == job.Id, ct);
        var (first, last) = range is null ? (0L, -1L) : (range.FirstClientId, range.LastClientId);
        if (!force)
        {
            var used = await db.Purchases.IgnoreQueryFilters().Where(p => p.ClientId >= first && p.ClientId <= last).Select(p => p.ClientId)
                .Union(db.Interactions.IgnoreQueryFilters().Where(i => i.ClientId >= first && i.ClientId <= last).Select(i => i.ClientId))
                .Union(db.ServiceCosts.IgnoreQueryFilters().Where(s => s.ClientId >= first && s.ClientId <= last).Select(s => s.ClientId))
                .Distinct().CountAsync(ct);
            if (used > 0)
                throw new ImportRefusedException($"{used} client(s) this import created have since gained purchases, interactions or service costs; " +
                    "rolling back would delete those too. Roll back with force to do it anyway.");
        }

        db.BulkLoad = true;
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.Clients.IgnoreQueryFilters().Where(c => c.Id >= first && c.Id <= last).ExecuteDeleteAsync(ct);
        var added = db.Set<ImportAddedContact>().Where(a => a.JobId == job.Id).Select(a => a.ContactId);
        await db.ContactPersons.IgnoreQueryFilters().Where(p => added.Contains(p.Id)).ExecuteDeleteAsync(ct);

        var images = await db.Set<ImportBeforeImage>().AsNoTracking().Where(i => i.JobId == job.Id).ToListAsync(ct);
        foreach (var image in images)
            await JsonSerializer.Deserialize<ClientBefore>(image.Json, ImportJobs.Json)!.RestoreAsync(db, image.ClientId, ct);
        db.ChangeTracker.Clear();
        var touched = await db.Set<ImportBeforeImage>().Where(i => i.JobId == job.Id).Select(i => i.ClientId).ToListAsync(ct);
        await ClientUpdates.ResyncAsync(db, touched, ct);
        // The losses the import's status changes recorded go with it (the refresh path would close them as won back today).
        if (job.StartedAt is { } started)
        {
            var finished = job.FinishedAt ?? DateTime.MaxValue;
            foreach (var chunk in touched.Chunk(500))
                await db.Set<LostClients.ClientLoss>().Where(l => chunk.Contains(l.ClientId) && l.RecordedAt >= started && l.RecordedAt <= finished)
                    .ExecuteDeleteAsync(ct);
            // And a loss the import closed (a lost client the file called active) is open again for the client lost again.
            var closedFrom = DateOnly.FromDateTime(started);
            foreach (var chunk in touched.Chunk(500))
            {
                var reopened = await db.Set<LostClients.ClientLoss>()
                    .Where(l => chunk.Contains(l.ClientId) && l.WonBackOn >= closedFrom
                        && db.Clients.IgnoreQueryFilters().Any(c => c.Id == l.ClientId && c.Status == ClientStatus.Lost)
                        && !db.Set<LostClients.ClientLoss>().Any(o => o.ClientId == l.ClientId && (o.WonBackOn == null || o.Id > l.Id)))
                    .ToListAsync(ct);
                foreach (var loss in reopened) loss.WonBackOn = null;
                await db.SaveChangesAsync(ct);
            }
        }
        await ClientRefresh.RunAsync(db, ClientWrite.Imported(touched), ct);
        // The review pairs this import raised go with it: a pair's other client has no cascade (it must outlive a merge).
        await db.Set<Duplicates.DuplicateCandidate>().Where(d => d.ImportJobId == job.Id).ExecuteDeleteAsync(ct);
        await db.Set<ImportCreatedRange>().Where(r => r.JobId == job.Id).ExecuteDeleteAsync(ct);
        await db.Set<ImportAddedContact>().Where(r => r.JobId == job.Id).ExecuteDeleteAsync(ct);
        await db.Set<ImportBeforeImage>().Where(r => r.JobId == job.Id).ExecuteDeleteAsync(ct);

        if (db.Entry(job).State == EntityState.Detached) db.Attach(job);
        job.Status = ImportJobStatus.RolledBack;
        job.Phase = null;
        job.FinishedAt = db.UtcNow;
        await db.SaveChangesAsync(ct);
        await new AuditLog(db).RecordAsync(new AuditEvent(AuditAction.Deleted, job.CreatedById, "Import", job.Id,
            Detail: $"rolled back client import of '{job.FileName}': {removed} created clients removed, {images.Count} updated clients restored",
            RowCount: removed + images.Count), ct);
        await transaction.CommitAsync(ct);
        db.BulkLoad = false;
    }
}
