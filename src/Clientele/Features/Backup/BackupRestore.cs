using System.Data.Common;
using System.Text;
using System.Text.Json;
using Clientele.Features.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Clientele.Features.Backup;

/// <summary>What a restore loaded.</summary>
public sealed record RestoreSummary(BackupManifest Manifest, long Rows);

/// <summary>
/// Loads a backup into an empty database of either provider: the schema brought to the backup's migration, every
/// table inserted with its original ids in foreign-key order (raw ADO.NET batches: no interceptors, no audit capture
/// — the rows, audit trail included, arrive exactly as they were), counts and hashes checked against the manifest,
/// all in one transaction; then the remaining migrations, if this version has newer ones.
/// </summary>
public static class BackupRestore
{
    private const int MaxParameters = 30_000;
    private const int MaxRowsPerBatch = 500;

    /// <summary>Tests: rows per INSERT, so that a small base spreads over several statements as a large one does.</summary>
    internal static readonly AsyncLocal<int?> RowsPerBatch = new();

    /// <param name="passphrase">The backup's passphrase; null only for a plain archive of an older version.</param>
    public static async Task<RestoreSummary> RestoreAsync(ClienteleDb db, string archivePath, string? passphrase, CancellationToken ct)
    {
        using var archive = await BackupArchive.OpenAsync(archivePath, passphrase, ct);
        var manifest = archive.Manifest;
        var known = db.Database.GetMigrations().ToList();
        var target = known.LastOrDefault(id => BackupManifest.NameOf(id) == manifest.Migration)
            ?? throw new BackupException($"the backup's schema ({manifest.Migration}, written by Clientele {manifest.AppVersion}) is newer than this Clientele knows "
                + $"(its latest is {BackupManifest.NameOf(known[^1])}): restore it with Clientele {manifest.AppVersion} or later.");
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        if (applied.Count > 0)
        {
            if (known.IndexOf(applied[^1]) > known.IndexOf(target))
                throw new BackupException($"the database's schema ({BackupManifest.NameOf(applied[^1])}) is newer than the backup's ({manifest.Migration}): restore into a new, empty database.");
            await EnsureEmptyAsync(db, ct);
        }

        if (db.Database.IsSqlite())
        {
            // As Migrator does: WAL is the file's mode for good, and it spares each migration's commit a journal file's fsyncs.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await db.GetService<IMigrator>().MigrateAsync(target, ct);
        var tables = Match(BackupSchema.Tables(db), manifest);
        long rows = 0;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            if (connection is SqliteConnection)
                // A row may name a parent of its own table with a higher id; checked at commit instead of per row.
                await ExecuteAsync(connection, transaction, "PRAGMA defer_foreign_keys = ON", ct);
            // What migrating seeded (channels, groups, settings) gives way to the backup's own rows.
            foreach (var (table, _) in Enumerable.Reverse(tables))
                await ExecuteAsync(connection, transaction, $"DELETE FROM {BackupSchema.Quote(table.Name)}", ct);
            foreach (var (table, entry) in tables)
            {
                rows += await InsertAsync(archive, connection, transaction, table, entry, db.Database.IsNpgsql(), ct);
                var count = Convert.ToInt64(await ScalarAsync(connection, transaction, $"SELECT COUNT(*) FROM {BackupSchema.Quote(table.Name)}", ct), System.Globalization.CultureInfo.InvariantCulture);
                if (count != entry.Rows) throw new BackupException($"{table.Name}: {count} rows after restoring, the manifest says {entry.Rows}.");
            }
            if (db.Database.IsNpgsql()) await ResetSequencesAsync(connection, transaction, tables.Select(t => t.Table), ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        // Newer migrations of this version, and the rows every base starts with where the backup lacked them.
        await Data.Migrator.MigrateAsync(db, ct);
        await Clients.ClientRefresh.RunAsync(db, Clients.ClientWrite.Restored, ct);
        return new RestoreSummary(manifest, rows);
    }

    /// <summary>Refuses a database holding clients, users or an audit trail: a restore never mixes two bases.</summary>
    private static async Task EnsureEmptyAsync(ClienteleDb db, CancellationToken ct)
    {
        var clients = await db.Clients.IgnoreQueryFilters().AnyAsync(ct);
        var users = await db.Set<Employee>().IgnoreQueryFilters().AnyAsync(ct);
        var audit = await db.Set<Audit.AuditEntry>().AnyAsync(ct);
        if (clients || users || audit)
            throw new BackupException("restore needs an empty database: this one already has " + (clients ? "clients" : users ? "users" : "an audit trail")
                + ". Restore into a new database (e.g. --db sqlite:new.db), or a freshly created PostgreSQL database.");
    }

    /// <summary>The archive's tables paired with the model's, in the archive's (foreign-key) order; a column this version lacks is an error.</summary>
    private static List<(BackupTable Table, BackupTableEntry Entry)> Match(IReadOnlyList<BackupTable> model, BackupManifest manifest)
    {
        var byName = model.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var pairs = new List<(BackupTable, BackupTableEntry)>();
        foreach (var entry in manifest.Tables)
        {
            if (!byName.TryGetValue(entry.Name, out var table))
                throw new BackupException($"the backup has a table {entry.Name} that this Clientele does not know.");
            var columns = table.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
            var missing = entry.Columns.FirstOrDefault(c => !columns.ContainsKey(c));
            if (missing is not null) throw new BackupException($"the backup's table {entry.Name} has a column {missing} that this Clientele does not know.");
            pairs.Add((table with { Columns = [.. entry.Columns.Select(c => columns[c])] }, entry));
        }
        return pairs;
    }

    private static async Task<long> InsertAsync(BackupArchive archive, DbConnection connection, DbTransaction transaction, BackupTable table, BackupTableEntry entry, bool postgres, CancellationToken ct)
    {
        var perBatch = RowsPerBatch.Value ?? Math.Max(1, Math.Min(MaxRowsPerBatch, MaxParameters / Math.Max(1, table.Columns.Count)));
        var batch = new List<object?[]>(perBatch);
        // A row may refer to a row of its own table that comes later (a client referred by a newer client); PostgreSQL
        // checks the key at once, so such references are inserted empty and set once the whole table is in.
        var selfColumns = table.SelfReferences is { Count: > 0 } names
            ? table.Columns.Select((c, i) => (c, i)).Where(p => names.Contains(p.c.Name)).Select(p => p.i).ToArray() : [];
        var keyColumns = table.Columns.Select((c, i) => (c, i)).Where(p => p.c.IsKey).Select(p => p.i).ToArray();
        var later = new List<(object?[] Key, object?[] References)>();
        long line = 0;
        var hash = await archive.ReadLinesAsync(entry, async text =>
        {
            line++;
            var row = ParseRow(text, table, line);
            if (selfColumns.Length > 0 && keyColumns.Length > 0 && selfColumns.Any(c => row[c] is not null))
            {
                later.Add(([.. keyColumns.Select(c => row[c])], [.. selfColumns.Select(c => row[c])]));
                foreach (var c in selfColumns) row[c] = null;
            }
            batch.Add(row);
            if (batch.Count == perBatch) await FlushAsync();
        }, ct);
        await FlushAsync();
        if (hash != entry.Sha256) throw new BackupException($"{entry.File} changed while restoring: its SHA-256 differs from the manifest's.");
        foreach (var (key, references) in later) await SetReferencesAsync(key, references);
        return line;

        async Task SetReferencesAsync(object?[] key, object?[] references)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder("UPDATE ").Append(BackupSchema.Quote(table.Name)).Append(" SET ");
            for (var i = 0; i < selfColumns.Length; i++)
            {
                var column = table.Columns[selfColumns[i]];
                sql.Append(i == 0 ? "" : ", ").Append(BackupSchema.Quote(column.Name)).Append(" = ").Append(BackupValues.Placeholder("@s" + i, column, postgres));
                command.Parameters.Add(BackupValues.Parameter(command, "@s" + i, references[i], column));
            }
            sql.Append(" WHERE ");
            for (var i = 0; i < keyColumns.Length; i++)
            {
                var column = table.Columns[keyColumns[i]];
                sql.Append(i == 0 ? "" : " AND ").Append(BackupSchema.Quote(column.Name)).Append(" = ").Append(BackupValues.Placeholder("@k" + i, column, postgres));
                command.Parameters.Add(BackupValues.Parameter(command, "@k" + i, key[i], column));
            }
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }

        async ValueTask FlushAsync()
        {
            if (batch.Count == 0) return;
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO ").Append(BackupSchema.Quote(table.Name)).Append(" (")
                .AppendJoin(", ", table.Columns.Select(c => BackupSchema.Quote(c.Name))).Append(") VALUES ");
            var p = 0;
            for (var r = 0; r < batch.Count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var name = "@p" + p++.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    sql.Append(c == 0 ? "" : ", ").Append(BackupValues.Placeholder(name, table.Columns[c], postgres));
                    command.Parameters.Add(BackupValues.Parameter(command, name, batch[r][c], table.Columns[c]));
                }
                sql.Append(')');
            }
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
            batch.Clear();
        }
    }

    private static object?[] ParseRow(string text, BackupTable table, long line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new BackupException($"{table.File} line {line} is not a JSON object ({e.Message}).", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new BackupException($"{table.File} line {line} is not a JSON object.");
            var values = new object?[table.Columns.Count];
            for (var c = 0; c < values.Length; c++)
                values[c] = document.RootElement.TryGetProperty(table.Columns[c].Name, out var value) ? BackupValues.Parse(value, table.Columns[c], table.Name, line) : null;
            return values;
        }
    }

    /// <summary>Rows came with their ids; PostgreSQL's identity sequences must continue after them (as after the demo loader's).</summary>
    private static async Task ResetSequencesAsync(DbConnection connection, DbTransaction transaction, IEnumerable<BackupTable> tables, CancellationToken ct)
    {
        foreach (var table in tables)
        {
            var keys = table.Columns.Where(c => c.IsKey).ToList();
            if (keys is not [{ } key] || (Nullable.GetUnderlyingType(key.ModelType) ?? key.ModelType) is var type && type != typeof(long) && type != typeof(int)) continue;
            var sequence = await ScalarAsync(connection, transaction,
                $"SELECT pg_get_serial_sequence('{BackupSchema.Quote(table.Name).Replace("'", "''", StringComparison.Ordinal)}', '{key.Name.Replace("'", "''", StringComparison.Ordinal)}')", ct);
            if (sequence is not string name) continue;
            // Names come from the model, never from input.
            await ExecuteAsync(connection, transaction,
                $"SELECT setval('{name.Replace("'", "''", StringComparison.Ordinal)}', GREATEST((SELECT MAX({BackupSchema.Quote(key.Name)}) FROM {BackupSchema.Quote(table.Name)}), 1))", ct);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}
