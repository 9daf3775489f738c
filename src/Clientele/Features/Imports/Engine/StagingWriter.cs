using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Clientele.Features.Imports.Engine;

/// <summary>
/// Writes staged rows fast, below EF: on SQLite one prepared INSERT reused for every row of the batch's transaction,
/// on PostgreSQL binary COPY. The values are the same CLR values EF would bind, so the stored forms match.
/// </summary>
public sealed class StagingWriter
{
    private sealed record Column(string Name, Func<StagedClient, object?> Value, DbType Type, NpgsqlDbType PgType);

    private static readonly Column[] Columns =
    [
        new("JobId", r => r.JobId, DbType.Int64, NpgsqlDbType.Bigint),
        new("Seq", r => r.Seq, DbType.Int64, NpgsqlDbType.Bigint),
        new("Line", r => r.Line, DbType.Int64, NpgsqlDbType.Bigint),
        new("Action", r => (int)r.Action, DbType.Int32, NpgsqlDbType.Integer),
        new("Reason", r => r.Reason, DbType.String, NpgsqlDbType.Text),
        new("Field", r => r.Field, DbType.String, NpgsqlDbType.Text),
        new("ExistingClientId", r => r.ExistingClientId, DbType.Int64, NpgsqlDbType.Bigint),
        new("NewOrdinal", r => r.NewOrdinal, DbType.Int64, NpgsqlDbType.Bigint),
        new("SimilarClientId", r => r.SimilarClientId, DbType.Int64, NpgsqlDbType.Bigint),
        new("MergedIntoSeq", r => r.MergedIntoSeq, DbType.Int64, NpgsqlDbType.Bigint),
        new("Score", r => r.Score, DbType.Double, NpgsqlDbType.Double),
        new("PhoneHash", r => r.PhoneHash, DbType.Int64, NpgsqlDbType.Bigint),
        new("EmailHash", r => r.EmailHash, DbType.Int64, NpgsqlDbType.Bigint),
        new("TaxIdHash", r => r.TaxIdHash, DbType.Int64, NpgsqlDbType.Bigint),
        new("Name", r => r.Name, DbType.String, NpgsqlDbType.Text),
        new("NameKey", r => r.NameKey, DbType.String, NpgsqlDbType.Text),
        new("Kind", r => r.Kind, DbType.Int32, NpgsqlDbType.Integer),
        new("Role", r => r.Role, DbType.Int32, NpgsqlDbType.Integer),
        new("Status", r => r.Status, DbType.Int32, NpgsqlDbType.Integer),
        new("LegalName", r => r.LegalName, DbType.String, NpgsqlDbType.Text),
        new("TaxId", r => r.TaxId, DbType.String, NpgsqlDbType.Text),
        new("Kpp", r => r.Kpp, DbType.String, NpgsqlDbType.Text),
        new("ExternalCode", r => r.ExternalCode, DbType.String, NpgsqlDbType.Text),
        new("Phone", r => r.Phone, DbType.String, NpgsqlDbType.Text),
        new("Email", r => r.Email, DbType.String, NpgsqlDbType.Text),
        new("Website", r => r.Website, DbType.String, NpgsqlDbType.Text),
        new("City", r => r.City, DbType.String, NpgsqlDbType.Text),
        new("Region", r => r.Region, DbType.String, NpgsqlDbType.Text),
        new("Country", r => r.Country, DbType.String, NpgsqlDbType.Text),
        new("Industry", r => r.Industry, DbType.String, NpgsqlDbType.Text),
        new("ManagerId", r => r.ManagerId, DbType.Int64, NpgsqlDbType.Bigint),
        new("ChannelId", r => r.ChannelId, DbType.Int64, NpgsqlDbType.Bigint),
        new("AcquiredOn", r => r.AcquiredOn, DbType.Date, NpgsqlDbType.Date),
        new("Notes", r => r.Notes, DbType.String, NpgsqlDbType.Text),
        new("Tags", r => r.Tags, DbType.String, NpgsqlDbType.Text),
        new("Terms", r => r.Terms, DbType.String, NpgsqlDbType.Text),
        new("ContactName", r => r.ContactName, DbType.String, NpgsqlDbType.Text),
        new("ContactPosition", r => r.ContactPosition, DbType.String, NpgsqlDbType.Text),
        new("ContactPhone", r => r.ContactPhone, DbType.String, NpgsqlDbType.Text),
        new("ContactEmail", r => r.ContactEmail, DbType.String, NpgsqlDbType.Text),
    ];

    /// <summary>The fields a repeating row fills in its earlier row when that row left them empty.</summary>
    private static readonly string[] Foldable =
        ["LegalName", "TaxId", "Kpp", "ExternalCode", "Phone", "Email", "Website", "City", "Region", "Country", "Industry", "ManagerId", "ChannelId", "AcquiredOn", "Notes"];

    public static async Task WriteAsync(ClienteleDb db, IReadOnlyList<StagedClient> rows, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection pg)
        {
            await CopyAsync(pg, rows, ct);
            return;
        }
        WriteSqlite((SqliteConnection)connection, rows, ct);
    }

    /// <summary>
    /// Straight through SQLitePCL on the connection's own handle (so inside the batch's transaction): Microsoft.Data.Sqlite
    /// looks every one of the 39 parameters up by name on every execution, which cost as much as the insert itself.
    /// Values are bound as Microsoft.Data.Sqlite binds them (integers, reals, UTF-8 text, dates as yyyy-MM-dd).
    /// </summary>
    private static void WriteSqlite(SqliteConnection connection, IReadOnlyList<StagedClient> rows, CancellationToken ct)
    {
        var handle = connection.Handle!;
        var sql = $"INSERT INTO \"ImportStagedClients\" ({string.Join(",", Columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(",", Columns.Select((_, i) => "?" + (i + 1)))})";
        var rc = raw.sqlite3_prepare_v2(handle, sql, out var insert);
        SqliteException.ThrowExceptionForRC(rc, handle);
        using (insert)
        {
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < Columns.Length; i++)
                {
                    rc = Columns[i].Value(row) switch
                    {
                        null => raw.sqlite3_bind_null(insert, i + 1),
                        long number => raw.sqlite3_bind_int64(insert, i + 1, number),
                        int number => raw.sqlite3_bind_int64(insert, i + 1, number),
                        double real => raw.sqlite3_bind_double(insert, i + 1, real),
                        string text => raw.sqlite3_bind_text(insert, i + 1, text),
                        DateOnly day => raw.sqlite3_bind_text(insert, i + 1, day.ToString("yyyy\\-MM\\-dd", CultureInfo.InvariantCulture)),
                        var other => throw new InvalidOperationException($"no SQLite binding for {other.GetType()}"),
                    };
                    SqliteException.ThrowExceptionForRC(rc, handle);
                }
                rc = raw.sqlite3_step(insert);
                if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, handle);
                raw.sqlite3_reset(insert);
            }
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<StagedClient> rows, CancellationToken ct)
    {
        var copy = $"COPY \"ImportStagedClients\" ({string.Join(",", Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        importer.Timeout = TimeSpan.FromMinutes(30);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in Columns)
            {
                var value = column.Value(row);
                if (value is null) await importer.WriteNullAsync(ct);
                else await importer.WriteAsync(value, column.PgType, ct);
            }
        }
        await importer.CompleteAsync(ct);
    }

    /// <summary>Fills the empty fields of an already staged row (an earlier batch) from a row that repeats it.</summary>
    public static async Task FoldAsync(ClienteleDb db, IReadOnlyList<StagedClient> repeats, CancellationToken ct)
    {
        if (repeats.Count == 0) return;
        var connection = db.Database.GetDbConnection();
        await using var update = connection.CreateCommand();
        update.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        update.CommandText = $"UPDATE \"ImportStagedClients\" SET {string.Join(",", Foldable.Select(f => $"\"{f}\" = COALESCE(\"{f}\", @{f})"))} " +
            "WHERE \"JobId\" = @job AND \"Seq\" = @seq";
        var byName = Columns.ToDictionary(c => c.Name);
        var parameters = new List<(DbParameter Parameter, Func<StagedClient, object?> Value)>();
        foreach (var name in Foldable.Append("JobId").Append("MergedIntoSeq"))
        {
            var p = update.CreateParameter();
            p.ParameterName = name switch { "JobId" => "@job", "MergedIntoSeq" => "@seq", _ => "@" + name };
            p.DbType = byName[name].Type;
            update.Parameters.Add(p);
            parameters.Add((p, byName[name].Value));
        }
        await update.PrepareAsync(ct);
        foreach (var row in repeats)
        {
            foreach (var (parameter, value) in parameters) parameter.Value = value(row) ?? DBNull.Value;
            await update.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Removes a job's staged rows. When no other job has rows staged (the usual case) the table is emptied whole, which
    /// both databases do without visiting a million rows one by one; the check and the emptying share one transaction
    /// (and on PostgreSQL a lock), so another job's rows staged meanwhile are never lost.
    /// </summary>
    public static async Task DropStagedAsync(ClienteleDb db, long jobId, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (postgres) await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"ImportStagedClients\" IN ACCESS EXCLUSIVE MODE", ct);
        var others = await db.Set<StagedClient>().AnyAsync(s => s.JobId != jobId, ct);
        if (others) await db.Set<StagedClient>().Where(s => s.JobId == jobId).ExecuteDeleteAsync(ct);
        // SQLite's DELETE without WHERE is its truncate optimisation.
        else await db.Database.ExecuteSqlRawAsync(postgres ? "TRUNCATE \"ImportStagedClients\"" : "DELETE FROM \"ImportStagedClients\"", ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The same fill as <see cref="FoldAsync"/>, for an earlier row still in memory (the current batch).</summary>
    public static void Fold(StagedClient into, StagedClient from)
    {
        into.LegalName ??= from.LegalName;
        into.TaxId ??= from.TaxId;
        into.Kpp ??= from.Kpp;
        into.ExternalCode ??= from.ExternalCode;
        into.Phone ??= from.Phone;
        into.Email ??= from.Email;
        into.Website ??= from.Website;
        into.City ??= from.City;
        into.Region ??= from.Region;
        into.Country ??= from.Country;
        into.Industry ??= from.Industry;
        into.ManagerId ??= from.ManagerId;
        into.ChannelId ??= from.ChannelId;
        into.AcquiredOn ??= from.AcquiredOn;
        into.Notes ??= from.Notes;
    }
}
