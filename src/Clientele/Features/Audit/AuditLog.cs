using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Clientele.Features.Audit;

/// <summary>What happened, as the audit trail names it.</summary>
public enum AuditAction
{
    SignIn, SignInFailed, SignOut, TwoFactorChanged, SessionEnded,
    ClientViewed, ClientsSearched, Created, Updated, Deleted,
    Exported, ExportRequested, ExportApproved, ExportBlocked,
    RoleChanged, UserDeactivated, UserActivated, PermissionChanged,
    ConsentChanged, PersonalDataExported, PersonalDataErased, RetentionAnonymised, BreachRecorded,
    MassAccessAlert, MassAccessLifted, AuditRetention,
    ClientsMerged, ClientMergeUndone,
    PublicPostRefused,
}

/// <summary>
/// One entry for the audit trail. <paramref name="EmployeeId"/> null means the signed-in user of the request or
/// circuit (none for jobs and the command line); <paramref name="ClientIds"/> are the clients the action touched,
/// so that "who saw client Y" and "which clients did X see" can be answered.
/// </summary>
public sealed record AuditEvent(
    AuditAction Action,
    long? EmployeeId = null,
    string? Entity = null,
    long? EntityId = null,
    IReadOnlyCollection<long>? ClientIds = null,
    string? Detail = null,
    int? RowCount = null);

/// <summary>
/// Appends to the tamper-evident audit trail. Scoped: one per request or circuit. An entry outside a transaction goes
/// to the process's one writer (<see cref="AuditGroupCommit"/>), which commits it with whatever else has queued; the
/// call returns when it is durable. Inside the caller's transaction the entry joins it (it then commits or rolls back
/// with the work it describes). Either way it never carries the caller's pending changes.
/// </summary>
public sealed class AuditLog
{
    /// <summary>SQLite, without the app's writer (a context made outside the app): one appender of this process at a time.</summary>
    private static readonly SemaphoreSlim SqliteAppends = new(1, 1);

    private readonly ClienteleDb _db;
    private readonly IServiceProvider? _scope;
    private readonly IDbContextFactory<ClienteleDb>? _factory;
    private readonly AuditGroupCommit? _writer;

    /// <summary>For code that made its own context (pages, jobs): the acting user comes from the ambient request or circuit.</summary>
    public AuditLog(ClienteleDb db) : this(db, null)
    {
    }

    [ActivatorUtilitiesConstructor]
    public AuditLog(ClienteleDb db, IServiceProvider? scope)
    {
        _db = db;
        _scope = scope;
        // The application's provider, which the context was configured from, has the writer and a factory for contexts of our own.
        var services = scope ?? db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        _factory = services?.GetService<IDbContextFactory<ClienteleDb>>();
        _writer = services?.GetService<AuditGroupCommit>();
    }

    /// <summary>
    /// The same log (who and from where) writing through <paramref name="db"/>: a writer that holds a transaction on its
    /// own context records there, inside it — through another context the entry would wait for the writer's lock.
    /// </summary>
    public AuditLog On(ClienteleDb db) => ReferenceEquals(db, _db) ? this : new AuditLog(db, _scope);

    /// <summary>Appends the event; the entry is durable when the call returns (or when the caller's transaction commits).</summary>
    public async Task RecordAsync(AuditEvent entry, CancellationToken ct = default)
    {
        var (actor, ip) = await AuditActor.CurrentAsync(_scope);
        var employee = entry.EmployeeId ?? actor;
        var pending = new PendingEntry(_db.UtcNow, employee, entry.Action, entry.Entity, entry.EntityId, entry.Detail, ip, entry.RowCount,
            PendingEntry.Normalise(entry.ClientIds));
        if (_writer is not null && _db.Database.CurrentTransaction is null)
        {
            // The writer runs the mass-access check itself, once per batch.
            await _writer.AppendAsync(pending).WaitAsync(ct);
            return;
        }
        await AppendAsync(pending, ct);
        if (employee is { } id && pending.ClientIds.Length > 0 && MassAccess.Counts(entry.Action))
        {
            // Its own context: an alert saved here must not carry the caller's pending changes along.
            await using var own = _factory is null ? null : await _factory.CreateDbContextAsync(ct);
            await MassAccess.CheckAsync(own ?? _db, alert => AppendAsync(alert, ct), id, pending.ClientIds.Length, ct);
        }
    }

    private async Task AppendAsync(PendingEntry pending, CancellationToken ct)
    {
        if (_db.Database.CurrentTransaction is { } joined)
        {
            await AuditWriter.AppendAsync(AuditSeal.Of(_db), _db.Database.GetDbConnection(), joined.GetDbTransaction(), [pending], ct);
            return;
        }
        var own = _factory is null ? null : await _factory.CreateDbContextAsync(ct);
        var db = own ?? _db;
        var sqlite = db.Database.IsSqlite();
        if (sqlite) await SqliteAppends.WaitAsync(ct);
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await AuditWriter.AppendAsync(AuditSeal.Of(db), db.Database.GetDbConnection(), transaction.GetDbTransaction(), [pending], ct);
                await transaction.CommitAsync(ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        finally
        {
            if (sqlite) SqliteAppends.Release();
            if (own is not null) await own.DisposeAsync();
        }
    }
}
