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
/// Appends to the tamper-evident audit trail. Scoped: one per request or circuit. An entry is written through a
/// context of its own, so it neither carries nor is rolled back with the caller's pending changes — unless the caller
/// is inside a transaction, where the entry joins it (it then commits or rolls back with the work it describes).
/// </summary>
public sealed class AuditLog
{
    /// <summary>SQLite: one appender of this process at a time, so appends queue here and not on the database's busy timeout.</summary>
    private static readonly SemaphoreSlim SqliteAppends = new(1, 1);

    private readonly ClienteleDb _db;
    private readonly IServiceProvider? _scope;
    private readonly IDbContextFactory<ClienteleDb>? _factory;

    /// <summary>For code that made its own context (pages, jobs): the acting user comes from the ambient request or circuit.</summary>
    public AuditLog(ClienteleDb db) : this(db, null)
    {
    }

    [ActivatorUtilitiesConstructor]
    public AuditLog(ClienteleDb db, IServiceProvider? scope)
    {
        _db = db;
        _scope = scope;
        // The application's provider, which the context was configured from, has the factory for a context of our own.
        var root = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        _factory = (scope ?? root)?.GetService<IDbContextFactory<ClienteleDb>>();
    }

    /// <summary>Appends the event; the entry is durable when the call returns (or when the caller's transaction commits).</summary>
    public async Task RecordAsync(AuditEvent entry, CancellationToken ct = default)
    {
        var (actor, ip) = await AuditActor.CurrentAsync(_scope);
        var employee = entry.EmployeeId ?? actor;
        var pending = new PendingEntry(_db.UtcNow, employee, entry.Action, entry.Entity, entry.EntityId, entry.Detail, ip, entry.RowCount,
            PendingEntry.Normalise(entry.ClientIds));
        await AppendAsync(pending, ct);
        if (employee is { } id && pending.ClientIds.Length > 0 && MassAccess.Counts(entry.Action))
        {
            // Its own context: an alert saved here must not carry the caller's pending changes along.
            await using var own = _factory is null ? null : await _factory.CreateDbContextAsync(ct);
            await MassAccess.CheckAsync(own ?? _db, this, id, pending.ClientIds.Length, ct);
        }
    }

    internal async Task AppendAsync(PendingEntry pending, CancellationToken ct)
    {
        if (_db.Database.CurrentTransaction is { } joined)
        {
            await AuditWriter.AppendAsync(_db.Database.GetDbConnection(), joined.GetDbTransaction(), [pending], ct);
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
                await AuditWriter.AppendAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), [pending], ct);
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
