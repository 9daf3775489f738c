using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Clientele.Data;
using Clientele.Features.Backup;
using Clientele.Features.Demo;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Cli;
using Clientele.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Clientele.Tests.Backup;

/// <summary>
/// A database made by the previous release's migrations (up to the one before SearchTermSources: the last schema of
/// the release before issue 17's) with a small demo base in it, upgraded by this version (ADR 017): a backup first,
/// then the migrations, every row kept; a failing migration leaves every row as it was. The demo loader runs on the
/// old schema as it is: SearchTermSources and AuditRedaction change rows and triggers, not columns.
/// </summary>
public abstract partial class UpgradeTests : IDisposable
{
    /// <summary>Search terms are derived rows: SearchTermSources deletes them and the upgrade rebuilds them in the new form.</summary>
    private const string RebuiltTable = "ClientSearchTerms";

    private readonly List<string> _files = [];

    protected abstract Task<DatabaseTarget> NewDatabaseAsync();

    protected string Temp(string path)
    {
        _files.Add(path);
        return path;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in _files.SelectMany(f => new[] { f, f + "-wal", f + "-shm" }))
        {
            try { File.Delete(file); }
            catch (IOException) { /* a leftover temp file does not fail a run */ }
        }
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_previous_release_s_database_upgrades_with_a_backup_first_and_every_row_kept()
    {
        var target = await OldDatabaseWithDemoAsync();
        var tables = await PresentTablesAsync(target);
        var before = await SnapshotAsync(target, tables, skip: RebuiltTable);

        var result = await CliProcess.RunAsync(["db", "migrate", "--db", Setting(target)]);

        Assert.True(result.ExitCode == 0, result.ToString());
        await using (var services = CommandServices.Open(target))
            Assert.Empty(await services.Db.Database.GetPendingMigrationsAsync());
        AssertEveryRowKept(before, await SnapshotAsync(target, tables, skip: RebuiltTable));
        Assert.True(await CountAsync(target, RebuiltTable) > 0, "the search terms are rebuilt");

        // The backup named on the console restores, with the key file's passphrase, into a new database: the same rows.
        var backup = Temp(BackupPath().Match(result.Stdout).Value);
        Assert.True(File.Exists(backup), result.Stdout);
        var keyFile = (await AutomaticBackupsOfAsync(target)).KeyFile;
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        var copy = await NewDatabaseAsync();
        await BackupKit.RestoreAsync(copy, backup, (await File.ReadAllTextAsync(keyFile)).Trim());
        AssertEveryRowKept(before, await SnapshotAsync(copy, tables, skip: RebuiltTable));
    }

    [Fact]
    public async Task A_failing_migration_leaves_every_row_as_it_was_and_says_how_to_restore_in_the_user_s_language()
    {
        var target = await OldDatabaseWithDemoAsync();
        var tables = await PresentTablesAsync(target);
        // The search terms included: the failed upgrade had deleted them before its next step broke.
        var before = await SnapshotAsync(target, tables, skip: null);
        int applied;
        await using (var services = CommandServices.Open(target))
            applied = (await services.Db.Database.GetAppliedMigrationsAsync()).Count();

        CliException failure;
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");
        SafeUpgrade.AfterMigrationForTests.Value = async (db, migration, ct) =>
        {
            if (migration.EndsWith("_SearchTermSources", StringComparison.Ordinal))
                await db.Database.ExecuteSqlRawAsync("UPDATE \"NoSuchTable\" SET \"Nothing\" = 1", ct);
        };
        try
        {
            await using var services = CommandServices.Open(target);
            failure = await Assert.ThrowsAsync<CliException>(() => Migrator.MigrateAsync(services.Db));
        }
        finally
        {
            SafeUpgrade.AfterMigrationForTests.Value = null;
            CultureInfo.CurrentUICulture = culture;
        }

        Assert.Contains("Обновление базы данных не удалось на миграции SearchTermSources", failure.Message, StringComparison.Ordinal);
        Assert.Contains("NoSuchTable", failure.Message, StringComparison.Ordinal);
        Assert.Contains("clientele restore", failure.Message, StringComparison.Ordinal);
        Temp(BackupPath().Match(failure.Message).Value);
        Assert.True(File.Exists(BackupPath().Match(failure.Message).Value), failure.Message);
        Assert.Equal(4, failure.ExitCode);
        await using (var services = CommandServices.Open(target))
            Assert.Equal(applied, (await services.Db.Database.GetAppliedMigrationsAsync()).Count());
        AssertSame(before, await SnapshotAsync(target, tables, skip: null));
    }

    [GeneratedRegex(@"/\S+\.clientele-backup")]
    private static partial Regex BackupPath();

    private static string Setting(DatabaseTarget target) =>
        (target.Provider == DatabaseProvider.Sqlite ? "sqlite:" : "postgres:") + target.ConnectionString;

    private static async Task<AutomaticBackups> AutomaticBackupsOfAsync(DatabaseTarget target)
    {
        await using var services = CommandServices.Open(target);
        return AutomaticBackups.Of(services.Db);
    }

    /// <summary>The schema of the release before: every migration up to the one before SearchTermSources; its seed rows, an owner and 40 demo clients.</summary>
    private async Task<DatabaseTarget> OldDatabaseWithDemoAsync()
    {
        var target = await NewDatabaseAsync();
        await using var services = CommandServices.Open(target);
        var db = services.Db;
        var migrations = db.Database.GetMigrations().ToList();
        var previousRelease = migrations[migrations.FindIndex(m => m.EndsWith("_SearchTermSources", StringComparison.Ordinal)) - 1];
        await db.GetService<IMigrator>().MigrateAsync(previousRelease);
        await Migrator.SeedAsync(db, default);
        var owner = await UserAdmin.AddAsync(services.Users, "owner@upgrade.test", EmployeeRole.Owner, "Olga Owner", ClienteleApp.OwnerPassword, services.Clock);
        var channels = await db.AcquisitionChannels.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        await DemoLoader.LoadAsync(db, new DemoData(11, DateTime.UtcNow.Date, [owner.Id], channels).Generate(40, 300), default);
        Assert.Contains(previousRelease, await db.Database.GetAppliedMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
        return target;
    }

    private static async Task<IReadOnlyList<BackupTable>> PresentTablesAsync(DatabaseTarget target)
    {
        await using var services = CommandServices.Open(target);
        return await BackupSchema.PresentAsync(services.Db, default);
    }

    private static async Task<long> CountAsync(DatabaseTarget target, string table)
    {
        await using var services = CommandServices.Open(target);
        await services.Db.Database.OpenConnectionAsync();
        await using var command = services.Db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {BackupSchema.Quote(table)}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Per table of the old schema: a SHA-256 of each row's values in the old columns.</summary>
    private static async Task<Dictionary<string, List<string>>> SnapshotAsync(DatabaseTarget target, IReadOnlyList<BackupTable> tables, string? skip)
    {
        await using var services = CommandServices.Open(target);
        var connection = services.Db.Database.GetDbConnection();
        await services.Db.Database.OpenConnectionAsync();
        var snapshot = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => t.Name != skip))
        {
            await using var command = connection.CreateCommand();
            var columns = table.Columns.Select(c => BackupSchema.Quote(c.Name)).ToList();
            command.CommandText = $"SELECT {string.Join(", ", columns)} FROM {BackupSchema.Quote(table.Name)}";
            var rows = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var row = new StringBuilder();
                    for (var i = 0; i < reader.FieldCount; i++)
                        row.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('\u001f');
                    rows.Add(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(row.ToString()))));
                }
            }
            rows.Sort(StringComparer.Ordinal);
            snapshot[table.Name] = rows;
        }
        return snapshot;
    }

    /// <summary>Every row of <paramref name="before"/> is in <paramref name="after"/>, value for value; the upgrade may only add (its own audit entries).</summary>
    private static void AssertEveryRowKept(Dictionary<string, List<string>> before, Dictionary<string, List<string>> after)
    {
        var lost = before.Select(t => (t.Key, Missing: t.Value.Except(after.GetValueOrDefault(t.Key) ?? []).Count(), t.Value.Count))
            .Where(t => t.Missing > 0).Select(t => $"{t.Key}: {t.Missing} of {t.Count} rows missing or changed").ToList();
        Assert.True(lost.Count == 0, string.Join("\n", lost));
        Assert.True(before.Values.Sum(r => r.Count) > 500, "the demo base has rows in it");
    }

    /// <summary>Both snapshots are exactly alike: no row added, lost or changed.</summary>
    private static void AssertSame(Dictionary<string, List<string>> before, Dictionary<string, List<string>> after)
    {
        var differ = before.Where(t => !t.Value.SequenceEqual(after.GetValueOrDefault(t.Key) ?? [])).Select(t => $"{t.Key}: {t.Value.Count} rows before, {after.GetValueOrDefault(t.Key)?.Count} after").ToList();
        Assert.True(differ.Count == 0, string.Join("\n", differ));
    }
}

public sealed class UpgradeTestsOnSqlite : UpgradeTests
{
    protected override Task<DatabaseTarget> NewDatabaseAsync() =>
        Task.FromResult(DatabaseTarget.Parse("sqlite:" + Temp(Path.Combine(Path.GetTempPath(), $"clientele-upgrade-{Guid.NewGuid():N}.db"))));
}

[Collection("postgres-5")]
public sealed class UpgradeTestsOnPostgres(PostgresFixture postgres) : UpgradeTests
{
    protected override async Task<DatabaseTarget> NewDatabaseAsync() => DatabaseTarget.Parse("postgres:" + await postgres.CreateDatabaseAsync());
}
