using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Clientele.Features.Audit;

/// <summary>
/// Records every create, update and delete of the client base in the same transaction as the change: the changes are
/// read before the save (deleted rows vanish from the tracker after it), and the entries are written after it (when
/// new rows have their ids) on the save's own connection and transaction — one the interceptor opens when the caller
/// has none, and commits once the entries are in. A change that rolls back takes its entries with it.
/// </summary>
public sealed class AuditCapture : SaveChangesInterceptor
{
    private sealed class Pending(List<AuditChanges.Change> changes, IDbContextTransaction? owned)
    {
        public List<AuditChanges.Change> Changes { get; } = changes;
        public IDbContextTransaction? Owned { get; } = owned;
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ClienteleDb { BulkLoad: false } db && AuditChanges.Collect(db) is { Count: > 0 } changes)
        {
            var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            _pending.AddOrUpdate(db, new Pending(changes, owned));
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is ClienteleDb { BulkLoad: false } db && AuditChanges.Collect(db) is { Count: > 0 } changes)
        {
            var owned = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
            _pending.AddOrUpdate(db, new Pending(changes, owned));
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not ClienteleDb db || !_pending.TryGetValue(db, out var pending)) return result;
        _pending.Remove(db);
        try
        {
            var (employee, ip) = await AuditActor.CurrentAsync(null);
            var entries = pending.Changes.Select(c => c.ToEntry(db.UtcNow, employee, ip)).ToList();
            var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("The audited save lost its transaction.");
            await AuditWriter.AppendAsync(AuditSeal.Of(db), db.Database.GetDbConnection(), transaction.GetDbTransaction(), entries, cancellationToken);
            if (pending.Owned is { } owned) await owned.CommitAsync(cancellationToken);
        }
        finally
        {
            if (pending.Owned is { } owned) await owned.DisposeAsync();
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        // The writer is asynchronous only; a synchronous save waits for it (no synchronisation context in this app's saves).
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        await AbandonAsync(eventData.Context);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => AbandonAsync(eventData.Context).GetAwaiter().GetResult();

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        await AbandonAsync(eventData.Context);

    public override void SaveChangesCanceled(DbContextEventData eventData) => AbandonAsync(eventData.Context).GetAwaiter().GetResult();

    private async Task AbandonAsync(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending)) return;
        _pending.Remove(context);
        if (pending.Owned is { } owned)
        {
            await owned.RollbackAsync();
            await owned.DisposeAsync();
        }
    }
}
