using System.Data;
using System.Data.Common;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Backup;

/// <summary>
/// Writes the whole base into one ZIP: a JSON Lines file per table (one object per row, the model's values in
/// invariant form) and manifest.json naming the schema and each file's rows and SHA-256. Rows stream from one
/// reader per table into the archive, so a large base never sits in memory; all tables are read in one snapshot,
/// so the archive is consistent even while the app keeps writing.
/// </summary>
public static class BackupWriter
{
    /// <param name="tables">The tables and columns to write: the model's (the default), or those an older schema has.</param>
    public static async Task<BackupManifest> WriteAsync(ClienteleDb db, Stream output, DateTime now, CancellationToken ct, IReadOnlyList<BackupTable>? tables = null)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        if (applied.Count == 0) throw new BackupException("the database has no schema yet: nothing to back up.");
        tables ??= BackupSchema.Tables(db);
        var entries = new List<BackupTableEntry>(tables.Count);

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var snapshot = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: true)
                : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var table in tables) entries.Add(await WriteTableAsync(zip, connection, snapshot, table, ct));
                var manifest = new BackupManifest(BackupManifest.CurrentFormat, AppVersion, db.Database.IsNpgsql() ? "postgres" : "sqlite",
                    BackupManifest.NameOf(applied[^1]), applied[^1], now, entries);
                await using (var stream = zip.CreateEntry(BackupManifest.FileName, CompressionLevel.Optimal).Open())
                    await JsonSerializer.SerializeAsync(stream, manifest, BackupManifest.Json, ct);
                await snapshot.CommitAsync(ct);
                return manifest;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static string AppVersion =>
        typeof(BackupWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    private static async Task<BackupTableEntry> WriteTableAsync(ZipArchive zip, DbConnection connection, DbTransaction snapshot, BackupTable table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = snapshot;
        var keys = table.Columns.Where(c => c.IsKey).Select(c => BackupSchema.Quote(c.Name)).ToList();
        // Names come from the model, never from input.
        command.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => BackupSchema.Quote(c.Name)))} FROM {BackupSchema.Quote(table.Name)}"
            + (keys.Count > 0 ? " ORDER BY " + string.Join(", ", keys) : "");
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);

        await using var entry = zip.CreateEntry(table.File, CompressionLevel.Fastest).Open();
        using var hashing = new HashingStream(entry, writing: true);
        long rows = 0;
        await using (var json = new Utf8JsonWriter(hashing, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            while (await reader.ReadAsync(ct))
            {
                json.WriteStartObject();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    json.WritePropertyName(table.Columns[i].Name);
                    BackupValues.Write(json, BackupValues.Read(reader, i, table.Columns[i]), table.Columns[i]);
                }
                json.WriteEndObject();
                json.Flush();
                hashing.Write("\n"u8);
                json.Reset();
                rows++;
            }
        }
        return new BackupTableEntry(table.Name, table.File, rows, hashing.Finish(), [.. table.Columns.Select(c => c.Name)]);
    }
}
