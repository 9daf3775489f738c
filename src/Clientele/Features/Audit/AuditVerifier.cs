using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Audit;

/// <summary>What broke: an entry that does not fit its fields or the key, a missing run of entries, or a tail cut off after the anchor's head.</summary>
public enum ChainBreak { None, Edited, Gap, Cut }

/// <param name="Checked">Entries whose hash was recomputed, up to and including the broken one.</param>
/// <param name="BrokenId">The first entry that does not fit: edited (its hash does not match its fields) or after a gap.</param>
/// <param name="ReasonText">The reason as a resource key of <see cref="AuditText"/> (its English text) with <paramref name="ReasonArgs"/>.</param>
/// <param name="Anchor">The database's latest anchor, or null when none was written yet.</param>
/// <param name="Legacy">Entries accepted by the unkeyed SHA-256 of an older version (before the anchor's switch point).</param>
public sealed record ChainReport(long Checked, ChainBreak Break, long? BrokenId, string? ReasonText, object[] ReasonArgs, long? FirstId, long? LastId,
    AuditAnchor? Anchor = null, long Legacy = 0)
{
    public bool Ok => Break == ChainBreak.None;

    /// <summary>The reason in English.</summary>
    public string? Reason => ReasonText is null ? null : string.Format(CultureInfo.InvariantCulture, ReasonText, ReasonArgs);

    /// <summary>The reason in the reader's language.</summary>
    public string? Describe(IStringLocalizer<AuditText> text) => ReasonText is null ? null : text[ReasonText, ReasonArgs].Value;
}

/// <summary>
/// Walks the chain in id order, streaming (one entry and its clients at a time), and recomputes each link with the
/// chain key; then holds the result against the database's anchor (ADR 014). An edited row, a chain recomputed without
/// the key and a tail cut off before the anchor's head are each reported. The first remaining entry's previous hash is
/// taken as given: older entries may have been removed by the retention job.
/// </summary>
public static class AuditVerifier
{
    public const string Missing = "entries {0}..{1} are missing before entry {2}";
    public const string DoesNotFollow = "entry {0} does not follow entry {1}: its previous hash differs";
    public const string ClientRowEdited = "entry {0} was edited: its client row for client {1} was edited";
    public const string ClientRowsCount = "entry {0} was edited: it has {1} client rows, {2} were recorded";
    public const string HashMismatch = "entry {0} was edited: its hash does not match its fields";
    public const string KeyMismatch = "entry {0} does not match the audit key: it was edited, or the chain was recomputed without the key";
    public const string UnkeyedAfterSwitch = "entry {0} is not keyed, but every entry from {1} on is written with the audit key: the chain was recomputed without the key";
    public const string TailCut = "the chain ends at entry {0}, but the anchor of {1} recorded {2} entries up to entry {3}: entries were removed from its end";
    public const string HeadReplaced = "entry {0} differs from the anchor of {1}: the chain was rewritten";

    public static async Task<ChainReport> VerifyAsync(ClienteleDb db, CancellationToken ct)
    {
        var seal = AuditSeal.Of(db);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            return await WalkAsync(connection, seal.Key, seal.ReadAnchor(AuditSeal.DatabaseOf(connection)), ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private const string EntriesWithClients =
        """
        SELECT e."Id", e."At", e."EmployeeId", e."Action", e."Entity", e."EntityId", e."Detail", e."Ip", e."RowCount", e."ClientCount",
               e."PrevHash", e."Hash", c."ClientId", c."EmployeeId", c."At", c."Action"
        FROM "AuditEntries" e LEFT JOIN "AuditEntryClients" c ON c."EntryId" = e."Id"
        """;

    /// <summary>Whether one entry's link is keyed with <paramref name="key"/> (used to find where a chain without an anchor turned keyed).</summary>
    internal static async Task<bool> IsKeyedAsync(DbConnection connection, DbTransaction? transaction, byte[] key, long id, CancellationToken ct)
    {
        await using var command = AuditWriter.Command(connection, transaction, EntriesWithClients + """ WHERE e."Id" = @id ORDER BY c."ClientId" """);
        AuditWriter.Add(command, "@id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        using var entry = await reader.ReadAsync(ct) ? Entry.Read(reader) : null;
        if (entry is null) return false;
        do
        {
            if (!await reader.IsDBNullAsync(12, ct)) entry.AddClient(reader);
        }
        while (await reader.ReadAsync(ct));
        return entry.KeyedHash(key, entry.ClientsDigest()) == entry.Hash;
    }

    private static async Task<ChainReport> WalkAsync(DbConnection connection, byte[] key, AuditAnchor? anchor, CancellationToken ct)
    {
        // One ordered join: entries with their client rows, so a removed or altered client row is seen as well.
        await using var command = AuditWriter.Command(connection, null, EntriesWithClients + """ ORDER BY e."Id", c."ClientId" """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        long count = 0, legacy = 0;
        long? firstId = null, previousId = null, firstKeyed = null;
        string? previousHash = null, anchoredHeadHash = null;
        Entry? current = null;

        ChainReport Broken(ChainBreak kind, long id, string reason, params object[] args) => new(count, kind, id, reason, args, firstId, previousId, anchor, legacy);

        ChainReport? Close(Entry e)
        {
            count++;
            if (previousId is { } prev && e.Id != prev + 1) return Broken(ChainBreak.Gap, e.Id, Missing, prev + 1, e.Id - 1, e.Id);
            if (previousHash is not null && e.PrevHash != previousHash) return Broken(ChainBreak.Gap, e.Id, DoesNotFollow, e.Id, previousId!.Value);
            if (e.ClientRowMismatch is { } client) return Broken(ChainBreak.Edited, e.Id, ClientRowEdited, e.Id, client);
            if (e.ClientRows != e.ClientCount) return Broken(ChainBreak.Edited, e.Id, ClientRowsCount, e.Id, e.ClientRows, e.ClientCount);
            var clients = e.ClientsDigest();
            if (e.KeyedHash(key, clients) == e.Hash) firstKeyed ??= e.Id;
            else
            {
                // Unkeyed links are those of older versions: only before the first keyed entry and the anchor's switch point.
                var switchPoint = Math.Min(firstKeyed ?? long.MaxValue, anchor?.KeyedFrom ?? long.MaxValue);
                if (e.Id >= switchPoint)
                    return e.LegacyHash(clients) == e.Hash
                        ? Broken(ChainBreak.Edited, e.Id, UnkeyedAfterSwitch, e.Id, switchPoint)
                        : Broken(ChainBreak.Edited, e.Id, KeyMismatch, e.Id);
                if (e.LegacyHash(clients) != e.Hash)
                    return Broken(ChainBreak.Edited, e.Id, HashMismatch, e.Id);
                legacy++;
            }
            if (anchor is not null && e.Id == anchor.HeadId) anchoredHeadHash = e.Hash;
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

        // The anchor's head must still be there, unchanged: otherwise the end was cut off, or the chain replaced.
        if (anchor is { HeadId: > 0 })
        {
            var anchoredAt = anchor.At.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            if ((previousId ?? 0) < anchor.HeadId)
                return new ChainReport(count, ChainBreak.Cut, (previousId ?? 0) + 1, TailCut, [previousId ?? 0, anchoredAt, anchor.Count, anchor.HeadId],
                    firstId, previousId, anchor, legacy);
            // A head removed by retention (older than the first remaining entry) has nothing left to compare.
            if (firstId <= anchor.HeadId && anchoredHeadHash != anchor.HeadHash)
                return new ChainReport(count, ChainBreak.Edited, anchor.HeadId, HeadReplaced, [anchor.HeadId, anchoredAt], firstId, previousId, anchor, legacy);
        }
        return new ChainReport(count, ChainBreak.None, null, null, [], firstId, previousId, anchor, legacy);
    }

    private sealed class Entry : IDisposable
    {
        private readonly AuditChain.ClientsDigest _digest = new();
        public long Id { get; private init; }
        private DateTime _at;
        private long? _employee;
        private string _action = "";
        private string? _entity, _detail, _ip;
        private long? _entityId;
        private int? _rows;
        public int ClientCount { get; private init; }
        public int ClientRows { get; private set; }
        public string PrevHash { get; private init; } = "";
        public string Hash { get; private init; } = "";
        /// <summary>The first client whose row disagrees with its entry's employee, time or action.</summary>
        public long? ClientRowMismatch { get; private set; }

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
            ClientCount = r.GetInt32(9),
            PrevHash = r.GetString(10),
            Hash = r.GetString(11),
        };

        public void AddClient(DbDataReader r)
        {
            ClientRows++;
            _digest.Add(r.GetInt64(12));
            var employee = r.IsDBNull(13) ? (long?)null : r.GetInt64(13);
            if (ClientRowMismatch is null && (employee != _employee || AuditChain.Truncate(r.GetDateTime(14)) != _at || r.GetString(15) != _action))
                ClientRowMismatch = r.GetInt64(12);
        }

        public string ClientsDigest() => _digest.Finish();

        /// <summary>A redacted detail carries its digest; any other detail is digested here.</summary>
        public string KeyedHash(byte[] key, string clientsDigest) =>
            AuditChain.KeyedHash(key, Id, _at, _employee, _action, _entity, _entityId, AuditChain.RedactedDigest(_detail) ?? AuditChain.DetailDigest(key, _detail),
                _ip, _rows, ClientCount, clientsDigest, PrevHash);

        public string LegacyHash(string clientsDigest) =>
            AuditChain.Hash(Id, _at, _employee, _action, _entity, _entityId, _detail, _ip, _rows, ClientCount, clientsDigest, PrevHash);

        public void Dispose() => _digest.Dispose();
    }
}
