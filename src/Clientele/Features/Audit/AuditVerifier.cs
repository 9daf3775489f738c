using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Audit;

public enum ChainBreak { None, Edited, Gap }

/// <param name="Checked">Entries whose hash was recomputed, up to and including the broken one.</param>
/// <param name="BrokenId">The first entry that does not fit: edited (its hash does not match its fields) or after a gap.</param>
public sealed record ChainReport(long Checked, ChainBreak Break, long? BrokenId, string? Reason, long? FirstId, long? LastId)
{
    public bool Ok => Break == ChainBreak.None;
}

/// <summary>
/// Walks the chain in id order, streaming (one entry and its clients at a time), and recomputes each hash. The first
/// remaining entry's previous hash is taken as given: older entries may have been removed by the retention job.
/// </summary>
public static class AuditVerifier
{
    public static async Task<ChainReport> VerifyAsync(ClienteleDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await WalkAsync(db.Database.GetDbConnection(), ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<ChainReport> WalkAsync(DbConnection connection, CancellationToken ct)
    {
        // One ordered join: entries with their client rows, so a removed or altered client row is seen as well.
        await using var command = AuditWriter.Command(connection, null,
            """
            SELECT e."Id", e."At", e."EmployeeId", e."Action", e."Entity", e."EntityId", e."Detail", e."Ip", e."RowCount", e."ClientCount",
                   e."PrevHash", e."Hash", c."ClientId", c."EmployeeId", c."At", c."Action"
            FROM "AuditEntries" e LEFT JOIN "AuditEntryClients" c ON c."EntryId" = e."Id"
            ORDER BY e."Id", c."ClientId"
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        long count = 0;
        long? firstId = null, previousId = null;
        string? previousHash = null;
        Entry? current = null;

        ChainReport Broken(ChainBreak kind, long id, string reason) => new(count, kind, id, reason, firstId, previousId);

        ChainReport? Close(Entry e)
        {
            count++;
            if (previousId is { } prev && e.Id != prev + 1)
                return Broken(ChainBreak.Gap, e.Id, $"entries {prev + 1}..{e.Id - 1} are missing before entry {e.Id}");
            if (previousHash is not null && e.PrevHash != previousHash)
                return Broken(ChainBreak.Gap, e.Id, $"entry {e.Id} does not follow entry {previousId}: its previous hash differs");
            if (e.ClientProblem is { } problem) return Broken(ChainBreak.Edited, e.Id, $"entry {e.Id} was edited: {problem}");
            var hash = e.Recompute();
            if (hash != e.Hash) return Broken(ChainBreak.Edited, e.Id, $"entry {e.Id} was edited: its hash does not match its fields");
            firstId ??= e.Id;
            (previousId, previousHash) = (e.Id, e.Hash);
            return null;
        }

        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt64(0);
            if (current is null || current.Id != id)
            {
                if (current is not null && Close(current) is { } broken) return broken;
                current?.Dispose();
                current = Entry.Read(reader);
            }
            if (!await reader.IsDBNullAsync(12, ct)) current.AddClient(reader);
        }
        if (current is not null)
        {
            var broken = Close(current);
            current.Dispose();
            if (broken is not null) return broken;
        }
        return new ChainReport(count, ChainBreak.None, null, null, firstId, previousId);
    }

    private sealed class Entry : IDisposable
    {
        private readonly AuditChain.ClientsDigest _digest = new();
        private int _clients;
        public long Id { get; private init; }
        private DateTime _at;
        private long? _employee;
        private string _action = "";
        private string? _entity, _detail, _ip;
        private long? _entityId;
        private int? _rows;
        private int _clientCount;
        public string PrevHash { get; private init; } = "";
        public string Hash { get; private init; } = "";
        private string? _clientRowMismatch;

        public string? ClientProblem => _clientRowMismatch
            ?? (_clients != _clientCount ? $"it has {_clients} client rows, {_clientCount} were recorded" : null);

        public static Entry Read(DbDataReader r) => new()
        {
            Id = r.GetInt64(0),
            _at = AuditChain.Truncate(r.GetDateTime(1)),
            _employee = r.IsDBNull(2) ? null : r.GetInt64(2),
            _action = r.GetString(3),
            _entity = r.IsDBNull(4) ? null : r.GetString(4),
            _entityId = r.IsDBNull(5) ? null : r.GetInt64(5),
            _detail = r.IsDBNull(6) ? null : r.GetString(6),
            _ip = r.IsDBNull(7) ? null : r.GetString(7),
            _rows = r.IsDBNull(8) ? null : r.GetInt32(8),
            _clientCount = r.GetInt32(9),
            PrevHash = r.GetString(10),
            Hash = r.GetString(11),
        };

        public void AddClient(DbDataReader r)
        {
            _clients++;
            _digest.Add(r.GetInt64(12));
            var employee = r.IsDBNull(13) ? (long?)null : r.GetInt64(13);
            if (_clientRowMismatch is null && (employee != _employee || AuditChain.Truncate(r.GetDateTime(14)) != _at || r.GetString(15) != _action))
                _clientRowMismatch = $"its client row for client {r.GetInt64(12)} was edited";
        }

        public string Recompute() =>
            AuditChain.Hash(Id, _at, _employee, _action, _entity, _entityId, _detail, _ip, _rows, _clientCount, _digest.Finish(), PrevHash);

        public void Dispose() => _digest.Dispose();
    }
}
