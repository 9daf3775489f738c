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
/// Appends entries to the chain on a connection inside the caller's transaction, in their order, each linked to the
/// previous by the keyed hash (<see cref="AuditChain.KeyedHash"/>, the key from <see cref="AuditSeal"/>). Reading the last hash and inserting
/// must not interleave with another writer, or two entries would share a predecessor (a fork): on PostgreSQL a
/// transaction-level advisory lock serialises all nodes; on SQLite every transaction here is BEGIN IMMEDIATE, which
/// holds the one write lock from its start.
/// </summary>
internal static class AuditWriter
{
    /// <summary>The advisory lock's key: "AUDITLOG" in ASCII, so it cannot collide with the job locks' small keys.</summary>
    private const long ChainLockKey = 0x4155444954_4C4F47;

    /// <summary>An entry with its place in the chain.</summary>
    private sealed record Chained(long Id, DateTime At, string Action, string PrevHash, string Hash, PendingEntry Entry);

    public static async Task AppendAsync(AuditSeal seal, DbConnection connection, DbTransaction transaction, IReadOnlyList<PendingEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        var key = seal.Key;
        if (connection is NpgsqlConnection postgres)
        {
            await using var lockCommand = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)");
            Add(lockCommand, "@key", ChainLockKey);
            await lockCommand.ExecuteNonQueryAsync(ct);
            // A batch (the group-commit writer's, or an export naming 100 000 clients) is two binary COPYs, not a statement per row.
            var last = await LastAsync(connection, transaction, ct);
            await seal.EnsureAnchoredAsync(connection, transaction, last, entries[0].At, ct);
            var chained = Chain(key, last, entries);
            await CopyEntriesAsync(postgres, chained, ct);
            await CopyClientsAsync(postgres, chained, ct);
            return;
        }
        var lastEntry = await LastAsync(connection, transaction, ct);
        await seal.EnsureAnchoredAsync(connection, transaction, lastEntry, entries[0].At, ct);
        // One prepared statement per table for the whole batch: preparing SQL costs more than running it.
        await using var insertEntry = new EntryInsert(connection, transaction);
        await using var insertClient = new ClientInsert(connection, transaction);
        foreach (var c in Chain(key, lastEntry, entries))
        {
            await insertEntry.RunAsync(c, ct);
            if (c.Entry.ClientIds.Length > 0) await insertClient.RunAsync(c, ct);
        }
    }

    private static List<Chained> Chain(byte[] key, (long Id, string Hash) last, IReadOnlyList<PendingEntry> entries)
    {
        var chained = new List<Chained>(entries.Count);
        var (lastId, lastHash) = last;
        foreach (var e in entries)
        {
            var id = lastId + 1;
            var at = AuditChain.Truncate(e.At);
            var action = e.Action.ToString();
            var hash = AuditChain.KeyedHash(key, id, at, e.EmployeeId, action, e.Entity, e.EntityId, AuditChain.DetailDigest(key, e.Detail), e.Ip,
                e.RowCount, e.ClientIds.Length, AuditChain.DigestOf(e.ClientIds), lastHash);
            chained.Add(new Chained(id, at, action, lastHash, hash, e));
            (lastId, lastHash) = (id, hash);
        }
        return chained;
    }

    public static async Task<(long Id, string Hash)> LastAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await using var last = Command(connection, transaction, """SELECT "Id", "Hash" FROM "AuditEntries" ORDER BY "Id" DESC LIMIT 1""");
        await using var reader = await last.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditChain.Genesis);
    }

    /// <summary>The entry INSERT, prepared once and run for each entry of a batch with new values.</summary>
    private sealed class EntryInsert : IAsyncDisposable
    {
        private readonly DbCommand _command;
        private readonly DbParameter _id, _at, _employee, _action, _entity, _entityId, _detail, _ip, _rows, _clients, _prev, _hash;

        public EntryInsert(DbConnection connection, DbTransaction transaction)
        {
            _command = Command(connection, transaction,
                """
                INSERT INTO "AuditEntries" ("Id", "At", "EmployeeId", "Action", "Entity", "EntityId", "Detail", "Ip", "RowCount", "ClientCount", "PrevHash", "Hash")
                VALUES (@id, @at, @employee, @action, @entity, @entityId, @detail, @ip, @rows, @clients, @prev, @hash)
                """);
            _id = Add(_command, "@id", 0L);
            _at = Add(_command, "@at", DateTime.MinValue);
            _employee = Add(_command, "@employee", null, DbType.Int64);
            _action = Add(_command, "@action", "");
            _entity = Add(_command, "@entity", null);
            _entityId = Add(_command, "@entityId", null, DbType.Int64);
            _detail = Add(_command, "@detail", null);
            _ip = Add(_command, "@ip", null);
            _rows = Add(_command, "@rows", null, DbType.Int32);
            _clients = Add(_command, "@clients", 0);
            _prev = Add(_command, "@prev", "");
            _hash = Add(_command, "@hash", "");
        }

        public Task RunAsync(Chained c, CancellationToken ct)
        {
            var e = c.Entry;
            _id.Value = c.Id;
            _at.Value = c.At;
            _employee.Value = (object?)e.EmployeeId ?? DBNull.Value;
            _action.Value = c.Action;
            _entity.Value = (object?)e.Entity ?? DBNull.Value;
            _entityId.Value = (object?)e.EntityId ?? DBNull.Value;
            _detail.Value = (object?)e.Detail ?? DBNull.Value;
            _ip.Value = (object?)e.Ip ?? DBNull.Value;
            _rows.Value = (object?)e.RowCount ?? DBNull.Value;
            _clients.Value = e.ClientIds.Length;
            _prev.Value = c.PrevHash;
            _hash.Value = c.Hash;
            return _command.ExecuteNonQueryAsync(ct);
        }

        public ValueTask DisposeAsync() => _command.DisposeAsync();
    }

    /// <summary>The client-row INSERT, prepared once per batch.</summary>
    private sealed class ClientInsert : IAsyncDisposable
    {
        private readonly DbCommand _command;
        private readonly DbParameter _entry, _client, _employee, _at, _action;

        public ClientInsert(DbConnection connection, DbTransaction transaction)
        {
            _command = Command(connection, transaction,
                """INSERT INTO "AuditEntryClients" ("EntryId", "ClientId", "EmployeeId", "At", "Action") VALUES (@entry, @client, @employee, @at, @action)""");
            _entry = Add(_command, "@entry", 0L);
            _client = Add(_command, "@client", 0L);
            _employee = Add(_command, "@employee", null, DbType.Int64);
            _at = Add(_command, "@at", DateTime.MinValue);
            _action = Add(_command, "@action", "");
        }

        public async Task RunAsync(Chained c, CancellationToken ct)
        {
            _entry.Value = c.Id;
            _employee.Value = (object?)c.Entry.EmployeeId ?? DBNull.Value;
            _at.Value = c.At;
            _action.Value = c.Action;
            foreach (var clientId in c.Entry.ClientIds)
            {
                _client.Value = clientId;
                await _command.ExecuteNonQueryAsync(ct);
            }
        }

        public ValueTask DisposeAsync() => _command.DisposeAsync();
    }

    private static async Task CopyEntriesAsync(NpgsqlConnection connection, List<Chained> chained, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            """
            COPY "AuditEntries" ("Id", "At", "EmployeeId", "Action", "Entity", "EntityId", "Detail", "Ip", "RowCount", "ClientCount", "PrevHash", "Hash")
            FROM STDIN (FORMAT BINARY)
            """, ct);
        foreach (var c in chained)
        {
            var e = c.Entry;
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(c.Id, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(c.At, NpgsqlDbType.TimestampTz, ct);
            await WriteAsync(copy, e.EmployeeId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(c.Action, NpgsqlDbType.Text, ct);
            await WriteAsync(copy, e.Entity, NpgsqlDbType.Text, ct);
            await WriteAsync(copy, e.EntityId, NpgsqlDbType.Bigint, ct);
            await WriteAsync(copy, e.Detail, NpgsqlDbType.Text, ct);
            await WriteAsync(copy, e.Ip, NpgsqlDbType.Text, ct);
            await WriteAsync(copy, e.RowCount, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(e.ClientIds.Length, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(c.PrevHash, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(c.Hash, NpgsqlDbType.Text, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task CopyClientsAsync(NpgsqlConnection connection, List<Chained> chained, CancellationToken ct)
    {
        if (chained.All(c => c.Entry.ClientIds.Length == 0)) return;
        await using var copy = await connection.BeginBinaryImportAsync(
            """COPY "AuditEntryClients" ("EntryId", "ClientId", "EmployeeId", "At", "Action") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var c in chained)
            foreach (var clientId in c.Entry.ClientIds)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(c.Id, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(clientId, NpgsqlDbType.Bigint, ct);
                await WriteAsync(copy, c.Entry.EmployeeId, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(c.At, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(c.Action, NpgsqlDbType.Text, ct);
            }
        await copy.CompleteAsync(ct);
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : class =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

    private static Task WriteAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);

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
