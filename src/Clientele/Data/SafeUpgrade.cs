using Clientele.Features.Backup;
using Clientele.Infrastructure.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Localization;

namespace Clientele.Data;

/// <summary>
/// Upgrading a database that holds data (ADR 017): first an encrypted backup of it as it is (<see cref="AutomaticBackups"/>),
/// then the pending migrations; if one fails, the database is put back as it was — PostgreSQL by running them all in
/// one transaction (its DDL is transactional), SQLite from a copy of the file taken just before — and the error says
/// so, where the backup is and how to restore it, in the user's language.
/// </summary>
public static class SafeUpgrade
{
    /// <summary>Tests: runs after each migration of an upgrade, inside it (a throw is a failing migration).</summary>
    internal static readonly AsyncLocal<Func<ClienteleDb, string, CancellationToken, Task>?> AfterMigrationForTests = new();

    public static async Task MigrateAsync(ClienteleDb db, IReadOnlyList<string> applied, IReadOnlyList<string> pending, CancellationToken ct)
    {
        if (!await HoldsDataAsync(db, ct))
        {
            await db.Database.MigrateAsync(ct);
            return;
        }
        var backups = AutomaticBackups.Of(db);
        var from = BackupManifest.NameOf(applied[^1]);
        var backup = await backups.WriteAsync(db, ScheduledBackupJob.BeforeUpgradeLabel, ct);
        var text = Localizer(db);
        Console.WriteLine(text["Before upgrading the database from {0}, a backup was written to {1}.", from, backup]);

        var sqliteCopy = db.Database.IsSqlite() ? await CopySqliteAsync(db, ct) : null;
        var current = "";
        try
        {
            var migrator = db.GetService<IMigrator>();
            await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(ct) : null;
            foreach (var migration in pending)
            {
                current = BackupManifest.NameOf(migration);
                await migrator.MigrateAsync(migration, ct);
                if (AfterMigrationForTests.Value is { } hook) await hook(db, migration, ct);
            }
            if (transaction is not null) await transaction.CommitAsync(ct);
        }
        catch (Exception e)
        {
            // Put back whatever stopped the upgrade, a cancelled start (Ctrl+C, a service stopping) included.
            if (sqliteCopy is not null) PutBack(db, sqliteCopy);
            if (e is OperationCanceledException && ct.IsCancellationRequested) throw;
            throw new CliException(text[
                "The database upgrade failed at migration {0}: {1} The database was left as it was before the upgrade (schema {2}); this version cannot use it. "
                + "A backup taken just before is {3}, encrypted with the key in {4}. To go back, run the previous version of Clientele on this database, "
                + "or restore the backup into a new database: clientele restore \"{3}\" --db NEW-DATABASE --passphrase-stdin < \"{4}\"",
                current, DatabaseErrors.OneLine(e), from, backup, backups.KeyFile], exitCode: 4);
        }
        finally
        {
            if (sqliteCopy is not null) File.Delete(sqliteCopy);
        }
    }

    /// <summary>
    /// Whether a backup is worth taking: any client or user (tables every schema version has). The audit entries that
    /// seeding a new base writes alone are not worth one.
    /// </summary>
    public static async Task<bool> HoldsDataAsync(ClienteleDb db, CancellationToken ct) =>
        await db.Clients.IgnoreQueryFilters().AnyAsync(ct)
        || await db.Set<Features.Identity.Employee>().IgnoreQueryFilters().AnyAsync(ct);

    private static IStringLocalizer Localizer(ClienteleDb db) =>
        (IStringLocalizer?)db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<IStringLocalizer<BackupText>>()
        ?? new KeyLocalizer();

    /// <summary>A consistent copy of the file (VACUUM INTO reads one snapshot, the WAL included) beside it.</summary>
    private static async Task<string> CopySqliteAsync(ClienteleDb db, CancellationToken ct)
    {
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var copy = file + ".before-upgrade-" + Guid.NewGuid().ToString("N")[..8];
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "VACUUM INTO @copy";
            command.Parameters.Add(new SqliteParameter("@copy", copy));
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return copy;
    }

    /// <summary>Replaces the half-migrated file by the copy; the WAL and index of the failed attempt go with it.</summary>
    private static void PutBack(ClienteleDb db, string copy)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        db.Database.CloseConnection();
        SqliteConnection.ClearPool(connection);
        var file = connection.DataSource;
        File.Delete(file + "-wal");
        File.Delete(file + "-shm");
        File.Copy(copy, file, overwrite: true);
    }

    /// <summary>English (the resource keys) where no application is around, as in a design-time context.</summary>
    private sealed class KeyLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(System.Globalization.CultureInfo.CurrentCulture, name, arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
