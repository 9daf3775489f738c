using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clientele.Features.Analytics;

/// <summary>
/// The one place the analytics cache moves on (docs/decisions/008-one-refresh-path.md). A write that changes what the
/// reports show says so with <see cref="StaleAsync"/>: outside a transaction its rows are saved already and the shared
/// generation (<see cref="AnalyticsGeneration"/>) moves on at once; inside one it moves on in that transaction, just
/// before it commits, so a report computed meanwhile is never kept as current, a write that rolls back costs no
/// recompute, and another node (or a replica) sees the new generation only together with the write (ADR 041).
/// </summary>
public sealed class AnalyticsCommit : DbTransactionInterceptor
{
    /// <summary>Added to every context by <see cref="ClienteleDb"/> itself, however the context was registered.</summary>
    public static readonly AnalyticsCommit Instance = new();

    private static readonly ConditionalWeakTable<DbContext, object> Pending = new();
    private static readonly object Mark = new();

    public static async Task StaleAsync(ClienteleDb db)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            Pending.AddOrUpdate(db, Mark);
            return;
        }
        // The rows are saved already: a cancelled request must not leave the other nodes unaware of them.
        await db.Database.ExecuteSqlRawAsync(AnalyticsGeneration.Bump, CancellationToken.None);
        db.AnalyticsMovedOn?.Invoke();
    }

    // The bump is the transaction's last statement, so the row lock it takes is held only while the commit runs.
    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is { } context && Pending.TryGetValue(context, out _))
        {
            using var command = Bump(transaction);
            command.ExecuteNonQuery();
        }
        return result;
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Pending.TryGetValue(context, out _))
        {
            await using var command = Bump(transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return result;
    }

    private static DbCommand Bump(DbTransaction transaction)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = AnalyticsGeneration.Bump;
        return command;
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
        if (context is not null && Pending.Remove(context)) (context as ClienteleDb)?.AnalyticsMovedOn?.Invoke();
    }

    private static void Forget(DbContext? context)
    {
        if (context is not null) Pending.Remove(context);
    }
}
