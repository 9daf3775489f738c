using Clientele.Data;
using Clientele.Features.Audit;
using Clientele.Features.Clients;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Clientele.Tests.Audit;

/// <summary>What the audit tests need beyond HTTP: entries written straight into the chain, raw SQL as an attacker, clients in bulk.</summary>
internal static class AuditKit
{
    /// <summary>Appends entries as the app does (chained, under the lock), with the times the test chooses.</summary>
    public static Task AppendAsync(ClienteleApp app, params PendingEntry[] entries) =>
        app.ReadAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await AuditWriter.AppendAsync(AuditSeal.Of(db), db.Database.GetDbConnection(), transaction.GetDbTransaction(), entries, CancellationToken.None);
            await transaction.CommitAsync();
            return 0;
        });

    public static Task<int> SqlAsync(ClienteleApp app, string sql) => app.ReadAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    public static bool IsPostgres(ClienteleApp app) => app.Target.Provider == DatabaseProvider.Postgres;

    /// <summary>What an attacker with the database's password does first.</summary>
    public static Task DropTriggersAsync(ClienteleApp app) => SqlAsync(app, IsPostgres(app) ? AuditTriggers.PostgresDrop : AuditTriggers.SqliteDrop);

    public static Task RestoreTriggersAsync(ClienteleApp app) => SqlAsync(app, IsPostgres(app) ? AuditTriggers.PostgresCreate : AuditTriggers.SqliteCreate);

    public static Task<List<long>> AddClientsAsync(ClienteleApp app, int count, long? managerId, string prefix) =>
        app.ReadAsync(async db =>
        {
            var clients = Enumerable.Range(0, count).Select(i => new Client { Name = $"{prefix} {i:D4}", ManagerId = managerId }).ToList();
            db.Clients.AddRange(clients);
            await db.SaveChangesAsync();
            return clients.Select(c => c.Id).ToList();
        });

    public static Task<AuditEntry> EntryAsync(ClienteleApp app, long id) =>
        app.ReadAsync(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Id == id));

    public static Task<long> LastIdAsync(ClienteleApp app) =>
        app.ReadAsync(db => db.Set<AuditEntry>().MaxAsync(e => e.Id));

    public static Task<CliResult> VerifyAsync(ClienteleApp app) => CliProcess.RunAsync(["audit", "verify", "--db", app.DbSetting]);

    public static Task<CliResult> AnchorAsync(ClienteleApp app) => CliProcess.RunAsync(["audit", "anchor", "--db", app.DbSetting]);

    /// <summary>The entries from <paramref name="fromId"/> on with their client rows, to put back after an attack.</summary>
    public static Task<(List<AuditEntry> Entries, List<AuditEntryClient> Clients)> TailAsync(ClienteleApp app, long fromId) =>
        app.ReadAsync(async db => (
            await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Id >= fromId).OrderBy(e => e.Id).ToListAsync(),
            await db.Set<AuditEntryClient>().AsNoTracking().Where(c => c.EntryId >= fromId).ToListAsync()));

    /// <summary>
    /// What the probe did with the database's password (triggers dropped by the caller): changes the entries from
    /// <paramref name="fromId"/> on and recomputes every link from there to the end with the published SHA-256 form,
    /// which needs no key.
    /// </summary>
    public static Task RecomputeUnkeyedAsync(ClienteleApp app, long fromId, Action<AuditEntry> edit) =>
        app.ReadAsync(async db =>
        {
            var previous = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Id < fromId).OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync()
                ?? AuditChain.Genesis;
            var entries = await db.Set<AuditEntry>().Where(e => e.Id >= fromId).OrderBy(e => e.Id).ToListAsync();
            foreach (var e in entries)
            {
                edit(e);
                var clients = await db.Set<AuditEntryClient>().AsNoTracking().Where(c => c.EntryId == e.Id).OrderBy(c => c.ClientId).Select(c => c.ClientId).ToListAsync();
                e.PrevHash = previous;
                e.Hash = AuditChain.Hash(e.Id, e.At, e.EmployeeId, e.Action.ToString(), e.Entity, e.EntityId, e.Detail, e.Ip, e.RowCount, e.ClientCount,
                    AuditChain.DigestOf(clients), previous);
                previous = e.Hash;
            }
            return await db.SaveChangesAsync();
        });

    /// <summary>Puts entries back exactly as <see cref="TailAsync"/> read them (triggers dropped by the caller).</summary>
    public static Task PutBackAsync(ClienteleApp app, (List<AuditEntry> Entries, List<AuditEntryClient> Clients) tail) =>
        app.ReadAsync(async db =>
        {
            var from = tail.Entries.Min(e => e.Id);
            await db.Set<AuditEntryClient>().Where(c => c.EntryId >= from).ExecuteDeleteAsync();
            await db.Set<AuditEntry>().Where(e => e.Id >= from).ExecuteDeleteAsync();
            db.Set<AuditEntry>().AddRange(tail.Entries);
            db.Set<AuditEntryClient>().AddRange(tail.Clients);
            return await db.SaveChangesAsync();
        });
}
