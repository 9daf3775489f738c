using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Clientele.Features.Audit;

/// <summary>
/// The one appender of this process for entries that do not join a caller's transaction (views, searches, sign-ins…).
/// Requests queue their entries; a single loop takes whatever has queued, chains it in order and commits it in one
/// transaction, then answers every waiter of that batch. A request therefore still returns only after its own entry is
/// durable — a 2xx means "audited" — but a thousand concurrent views cost one commit, not a thousand (group commit).
/// Several processes (app nodes, the command line) stay safe: each batch takes the chain lock of <see cref="AuditWriter"/>.
/// </summary>
public sealed class AuditGroupCommit : IAsyncDisposable
{
    /// <summary>
    /// Test hook for the crash test: after committing this many batches the writer chains the next one, leaves it
    /// uncommitted, prints <see cref="HoldingLine"/> and waits, so that a test can <c>kill -9</c> the process at a known point.
    /// </summary>
    public const string HoldAfterBatchVariable = "CLIENTELE_TEST_AUDIT_HOLD_AFTER_BATCH";
    public const string HoldingLine = "audit writer: holding an uncommitted batch";

    /// <summary>Bounds one transaction; a longer queue is simply committed in several.</summary>
    private const int MaxBatch = 1000;

    private readonly Channel<Queued> _queue = Channel.CreateUnbounded<Queued>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SystemDbFactory _databases;
    private readonly AuditSeal _seal;
    private readonly ILogger<AuditGroupCommit> _log;
    private readonly long? _holdAfter;
    private readonly Task _loop;
    private readonly MassAccessTally _tally = new();

    private sealed record Queued(PendingEntry Entry, TaskCompletionSource Committed);

    public AuditGroupCommit(SystemDbFactory databases, AuditSeal seal, ILogger<AuditGroupCommit> log)
    {
        _databases = databases;
        _seal = seal;
        _log = log;
        _holdAfter = long.TryParse(Environment.GetEnvironmentVariable(HoldAfterBatchVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : null;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Completes when the entry is committed; fails if its batch could not be.</summary>
    public Task AppendAsync(PendingEntry entry)
    {
        var queued = new Queued(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(queued)) throw new InvalidOperationException("The audit writer has stopped: the application is shutting down.");
        return queued.Committed.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Queued>(MaxBatch);
        long committed = 0;
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var queued)) batch.Add(queued);
            try
            {
                await CommitAsync(batch, hold: committed == _holdAfter);
                committed++;
            }
            catch (Exception e)
            {
                _log.LogError(e, "An audit batch of {Count} entries could not be committed; its requests fail.", batch.Count);
                foreach (var queued in batch) queued.Committed.TrySetException(e);
                continue;
            }
            try
            {
                await CheckMassAccessAsync(batch);
            }
            catch (ObjectDisposedException e)
            {
                // The host is being disposed (the last batch is committed on the way out): its services are gone, so the
                // check is skipped; the views are committed and the next crossing checks again. The loop must not fault, or
                // the host's disposal fails with it (seen at the end of a browser test).
                _log.LogWarning(e, "The mass-access check of the last audit batch was skipped: the application is shutting down.");
            }
            foreach (var queued in batch) queued.Committed.TrySetResult();
        }
    }

    private async Task CommitAsync(List<Queued> batch, bool hold)
    {
        await using var db = await _databases.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await AuditWriter.AppendAsync(_seal, db.Database.GetDbConnection(), transaction.GetDbTransaction(), [.. batch.Select(q => q.Entry)], CancellationToken.None);
        if (hold)
        {
            Console.WriteLine(HoldingLine);
            await Task.Delay(Timeout.Infinite);
        }
        await transaction.CommitAsync();
    }

    /// <summary>
    /// The mass-access guard, once per employee and batch, before the batch's requests are answered: a view that
    /// crosses the limit has its alert in place when its answer arrives, as when every view was checked on its own.
    /// </summary>
    private async Task CheckMassAccessAsync(List<Queued> batch)
    {
        var added = batch.Select(q => q.Entry)
            .Where(e => e.EmployeeId is not null && e.ClientIds.Length > 0 && MassAccess.Counts(e.Action))
            .GroupBy(e => e.EmployeeId!.Value, e => e.ClientIds.Length).ToList();
        if (added.Count == 0) return;
        await using var db = await _databases.CreateDbContextAsync();
        foreach (var employee in added)
        {
            try
            {
                await _tally.AddAsync(db, alert => CommitAsync([new Queued(alert, new TaskCompletionSource())], hold: false),
                    employee.Key, employee.Sum(), CancellationToken.None);
            }
            catch (Exception e)
            {
                // The views themselves are committed; a failed check is retried at the employee's next crossing.
                _log.LogError(e, "The mass-access check of employee {EmployeeId} failed.", employee.Key);
                db.ChangeTracker.Clear(); // an alert that failed to save must not ride along with the next employee's
            }
        }
    }

    /// <summary>Commits what has queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}
