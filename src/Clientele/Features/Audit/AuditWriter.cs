using System.Data;
using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Clientele.Features.Audit;

/// <summary>An entry ready to be chained: everything but its id and hashes. <see cref="ClientIds"/> ascending and distinct.</summary>
public sealed record PendingEntry(
    DateTime At, long? EmployeeId, AuditAction Action, string? Entity, long? EntityId, string? Detail, string? Ip, int? RowCount, long[] ClientIds)
{
    public static long[] Normalise(IEnumerable<long>? ids) => ids is null ? [] : [.. ids.Distinct().Order()];
}

/// <summary>
/// Appends entries to the chain on a connection inside the caller's transaction. Reading the last hash and inserting
/// must not interleave with another writer, or two entries would share a predecessor (a fork): on PostgreSQL a
/// transaction-level advisory lock serialises all nodes; on SQLite every transaction here is BEGIN IMMEDIATE, which
/// holds the one write lock from its start.
/// </summary>
internal static class AuditWriter
{
    /// <summary>The advisory lock's key: "AUDITLOG" in ASCII, so it cannot collide with the job locks' small keys.</summary>
    private const long ChainLockKey = 0x4155444954_4C4F47;
    private const int CopyFrom = 100;

    public static async Task AppendAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PendingEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        var postgres = connection is NpgsqlConnection;
        if (postgres)
        {
            await using var lockCommand = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)");
            Add(lockCommand, "@key", ChainLockKey);
            await lockCommand.ExecuteNonQueryAsync(ct);
        }
        var (lastId, lastHash) = await LastAsync(connection, transaction, ct);

        await using var insert = Command(connection, transaction,
            """
            INSERT INTO "AuditEntries" ("Id", "At", "EmployeeId", "Action", "Entity", "EntityId", "Detail", "Ip", "RowCount", "ClientCount", "PrevHash", "Hash")
            VALUES (@id, @at, @employee, @action, @entity, @entityId, @detail, @ip, @rows, @clients, @prev, @hash)
            """);
        foreach (var e in entries)
        {
            var id = lastId + 1;
            var at = AuditChain.Truncate(e.At);
            var action = e.Action.ToString();
            var hash = AuditChain.Hash(id, at, e.EmployeeId, action, e.Entity, e.EntityId, e.Detail, e.Ip, e.RowCount, e.ClientIds.Length,
                AuditChain.DigestOf(e.ClientIds), lastHash);
            insert.Parameters.Clear();
            Add(insert, "@id", id);
            Add(insert, "@at", at);
            Add(insert, "@employee", e.EmployeeId, DbType.Int64);
            Add(insert, "@action", action);
            Add(insert, "@entity", e.Entity);
            Add(insert, "@entityId", e.EntityId, DbType.Int64);
            Add(insert, "@detail", e.Detail);
            Add(insert, "@ip", e.Ip);
            Add(insert, "@rows", e.RowCount, DbType.Int32);
            Add(insert, "@clients", e.ClientIds.Length);
            Add(insert, "@prev", lastHash);
            Add(insert, "@hash", hash);
            await insert.ExecuteNonQueryAsync(ct);
            if (e.ClientIds.Length > 0)
            {
                if (postgres && e.ClientIds.Length >= CopyFrom) await CopyClientsAsync((NpgsqlConnection)connection, id, at, e, ct);
                else await InsertClientsAsync(connection, transaction, id, at, e, ct);
            }
            (lastId, lastHash) = (id, hash);
        }
    }

    public static async Task<(long Id, string Hash)> LastAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await using var last = Command(connection, transaction, """SELECT "Id", "Hash" FROM "AuditEntries" ORDER BY "Id" DESC LIMIT 1""");
        await using var reader = await last.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditChain.Genesis);
    }

    private static async Task InsertClientsAsync(DbConnection connection, DbTransaction transaction, long id, DateTime at, PendingEntry e, CancellationToken ct)
    {
        await using var insert = Command(connection, transaction,
            """INSERT INTO "AuditEntryClients" ("EntryId", "ClientId", "EmployeeId", "At", "Action") VALUES (@entry, @client, @employee, @at, @action)""");
        Add(insert, "@entry", id);
        var client = Add(insert, "@client", 0L);
        Add(insert, "@employee", e.EmployeeId, DbType.Int64);
        Add(insert, "@at", at);
        Add(insert, "@action", e.Action.ToString());
        foreach (var clientId in e.ClientIds)
        {
            client.Value = clientId;
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>An export of 100 000 clients is one binary COPY, not 100 000 statements.</summary>
    private static async Task CopyClientsAsync(NpgsqlConnection connection, long id, DateTime at, PendingEntry e, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            """COPY "AuditEntryClients" ("EntryId", "ClientId", "EmployeeId", "At", "Action") FROM STDIN (FORMAT BINARY)""", ct);
        var action = e.Action.ToString();
        foreach (var clientId in e.ClientIds)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(id, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(clientId, NpgsqlDbType.Bigint, ct);
            if (e.EmployeeId is { } employee) await copy.WriteAsync(employee, NpgsqlDbType.Bigint, ct);
            else await copy.WriteNullAsync(ct);
            await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(action, NpgsqlDbType.Text, ct);
        }
        await copy.CompleteAsync(ct);
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    internal static DbParameter Add(DbCommand command, string name, object? value, DbType whenNull = DbType.String)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        // A typeless null would reach PostgreSQL as text, which a bigint column refuses.
        if (value is null) p.DbType = whenNull;
        command.Parameters.Add(p);
        return p;
    }
}
