using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Clientele.Data;
using Clientele.Features.Backup;
using Clientele.Infrastructure.Cli;
using Clientele.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Backup;

/// <summary>
/// The previous release's database with a small demo base in it, as that release's own binary made it
/// (PreviousRelease/README.md), upgraded by this version (ADR 017): a backup first, then the migrations, every row
/// kept; a failing migration leaves every row as it was.
/// </summary>
public abstract partial class UpgradeTests : IDisposable
{
    private readonly List<string> _files = [];

    protected abstract Task<DatabaseTarget> NewDatabaseAsync();

    /// <summary>The previous release's dump for this provider (PreviousRelease/README.md) and how to run it.</summary>
    protected abstract string ScriptName { get; }

    protected abstract Task RunScriptAsync(DatabaseTarget target, string script);

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
        var before = await SnapshotAsync(target, tables, skip: null);

        var result = await CliProcess.RunAsync(["db", "migrate", "--db", Setting(target)]);

        Assert.True(result.ExitCode == 0, result.ToString());
        await using (var services = CommandServices.Open(target))
            Assert.Empty(await services.Db.Database.GetPendingMigrationsAsync());
        AssertEveryRowKept(before, await SnapshotAsync(target, tables, skip: null));

        // The backup named on the console restores, with the key file's passphrase, into a new database: the same rows.
        var backup = Temp(BackupPath().Match(result.Stdout).Value);
        Assert.True(File.Exists(backup), result.Stdout);
        var keyFile = (await AutomaticBackupsOfAsync(target)).KeyFile;
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        var copy = await NewDatabaseAsync();
        await BackupKit.RestoreAsync(copy, backup, (await File.ReadAllTextAsync(keyFile)).Trim());
        AssertEveryRowKept(before, await SnapshotAsync(copy, tables, skip: null));
    }

    [Fact]
    public async Task A_failing_migration_leaves_every_row_as_it_was_and_says_how_to_restore_in_the_user_s_language()
    {
        var target = await OldDatabaseWithDemoAsync();
        var tables = await PresentTablesAsync(target);
        var before = await SnapshotAsync(target, tables, skip: null);
        int applied;
        await using (var services = CommandServices.Open(target))
            applied = (await services.Db.Database.GetAppliedMigrationsAsync()).Count();

        CliException failure;
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");
        SafeUpgrade.AfterMigrationForTests.Value = async (db, migration, ct) =>
        {
            // A step that changes rows and then breaks: the rows it deleted must come back with the rest.
            if (!migration.EndsWith("_ReimportByNumber", StringComparison.Ordinal)) return;
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"ClientSearchTerms\"", ct);
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

        Assert.Contains("Обновление базы данных не удалось на миграции ReimportByNumber", failure.Message, StringComparison.Ordinal);
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

    /// <summary>
    /// The previous release's database with its seed rows, an owner and 40 demo clients, loaded from the SQL its own
    /// binary made (PreviousRelease/README.md): today's model cannot write an old schema once a column is added.
    /// </summary>
    private async Task<DatabaseTarget> OldDatabaseWithDemoAsync()
    {
        var target = await NewDatabaseAsync();
        await RunScriptAsync(target, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Backup", "PreviousRelease", ScriptName)));
        await using var services = CommandServices.Open(target);
        Assert.Contains(await services.Db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_AuditRedaction", StringComparison.Ordinal));
        Assert.NotEmpty(await services.Db.Database.GetPendingMigrationsAsync());
        Assert.Equal(40, await services.Db.Clients.IgnoreQueryFilters().CountAsync());
        return target;
    }

    private static async Task<IReadOnlyList<BackupTable>> PresentTablesAsync(DatabaseTarget target)
    {
        await using var services = CommandServices.Open(target);
        return await BackupSchema.PresentAsync(services.Db, default);
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

    protected override string ScriptName => "previous-release.sqlite.sql";

    protected override async Task RunScriptAsync(DatabaseTarget target, string script)
    {
        await using var connection = new SqliteConnection(target.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = script;
        await command.ExecuteNonQueryAsync();
    }
}

[Collection("postgres-5")]
public sealed class UpgradeTestsOnPostgres(PostgresFixture postgres) : UpgradeTests
{
    protected override async Task<DatabaseTarget> NewDatabaseAsync() => DatabaseTarget.Parse("postgres:" + await postgres.CreateDatabaseAsync());

    protected override string ScriptName => "previous-release.postgres.sql";

    protected override async Task RunScriptAsync(DatabaseTarget target, string script)
    {
        // pg_dump's psql commands (\restrict …) are for psql; everything else is SQL.
        var sql = string.Join('\n', script.Split('\n').Where(line => !line.StartsWith('\\')));
        await using var connection = new Npgsql.NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
