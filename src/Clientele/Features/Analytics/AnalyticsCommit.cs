using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clientele.Features.Analytics;

/// <summary>
/// The one place the analytics cache moves on (docs/decisions/008-one-refresh-path.md). A write that changes what the
/// reports show says so with <see cref="Stale"/>: outside a transaction its rows are saved already and the cache moves
/// on at once; inside one it moves on when that transaction commits, so a report computed meanwhile is never kept as
/// current, and a write that rolls back costs no recompute.
/// </summary>
public sealed class AnalyticsCommit : DbTransactionInterceptor
{
    /// <summary>Added to every context by <see cref="ClienteleDb"/> itself, however the context was registered.</summary>
    public static readonly AnalyticsCommit Instance = new();

    private static readonly ConditionalWeakTable<DbContext, object> Pending = new();
    private static readonly object Mark = new();

    public static void Stale(ClienteleDb db)
    {
        if (db.Database.CurrentTransaction is null) AnalyticsCache.Invalidate();
        else Pending.AddOrUpdate(db, Mark);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit rolls back without a rolled-back event; the next one starts clean.
    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Forget(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Committed(DbContext? context)
    {
        if (context is not null && Pending.Remove(context)) AnalyticsCache.Invalidate();
    }

    private static void Forget(DbContext? context)
    {
        if (context is not null) Pending.Remove(context);
    }
}
