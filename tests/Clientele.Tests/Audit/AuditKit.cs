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
}
