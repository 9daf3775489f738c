using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Clientele.Features.Audit;

/// <summary>
/// The canonical form of an entry and its link. Kept in one place because the writer and <c>audit verify</c> must agree
/// byte for byte: a JSON array (fixed order, nulls explicit, times in UTC to the millisecond) plus the previous hash.
/// New entries are keyed (<see cref="KeyedHash"/>); <see cref="Hash"/> remains for the entries of older versions.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the very first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Times are kept to the millisecond: both databases store that exactly, so a read-back hashes the same.</summary>
    public static DateTime Truncate(DateTime at)
    {
        var utc = at.Kind == DateTimeKind.Utc ? at : DateTime.SpecifyKind(at, DateTimeKind.Utc);
        return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }

    /// <summary>
    /// The unkeyed SHA-256 link of entries written before the chain key existed (up to the anchor's switch point,
    /// ADR 014). Anyone can recompute it, which is why new entries are keyed.
    /// </summary>
    public static string Hash(long id, DateTime at, long? employeeId, string action, string? entity, long? entityId,
        string? detail, string? ip, int? rowCount, int clientCount, string clientsDigest, string prevHash)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            id, Truncate(at).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), employeeId, action,
            entity, entityId, detail, ip, rowCount, clientCount, clientsDigest, prevHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// The keyed link: HMAC-SHA256 with the chain key over the canonical form, in which the detail is present only by its
    /// keyed digest (<see cref="DetailDigest"/>). So the detail can later be redacted (an erasure) and replaced by
    /// its digest without breaking the chain, and without the key nobody can make a link that verifies.
    /// </summary>
    public static string KeyedHash(byte[] key, long id, DateTime at, long? employeeId, string action, string? entity, long? entityId,
        string? detailDigest, string? ip, int? rowCount, int clientCount, string clientsDigest, string prevHash)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            "k1", id, Truncate(at).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), employeeId, action,
            entity, entityId, detailDigest, ip, rowCount, clientCount, clientsDigest, prevHash,
        });
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The keyed digest of an entry's detail (null for none): keyed, so that a redacted value cannot be guessed from it.</summary>
    public static string? DetailDigest(byte[] key, string? detail) =>
        detail is null ? null : Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("detail\n" + detail)));

    private const string RedactedPrefix = "{\"redacted\":\"";

    /// <summary>What an erasure leaves of a keyed entry's detail: its digest only, which still verifies.</summary>
    public static string Redacted(string detailDigest) => RedactedPrefix + detailDigest + "\"}";

    /// <summary>The digest a redacted detail carries, or null when the detail is not a redaction.</summary>
    public static string? RedactedDigest(string? detail) =>
        detail is not null && detail.Length == RedactedPrefix.Length + 64 + 2 && detail.StartsWith(RedactedPrefix, StringComparison.Ordinal) && detail.EndsWith("\"}", StringComparison.Ordinal)
            ? detail[RedactedPrefix.Length..^2]
            : null;

    /// <summary>Hashes the entry's client ids in ascending order, streaming (an export may name 100 000 clients).</summary>
    public sealed class ClientsDigest : IDisposable
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly byte[] _buffer = new byte[8];

        public void Add(long clientId)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(_buffer, clientId);
            _hash.AppendData(_buffer);
        }

        public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public void Dispose() => _hash.Dispose();
    }

    public static string DigestOf(IEnumerable<long> ascendingClientIds)
    {
        using var digest = new ClientsDigest();
        foreach (var id in ascendingClientIds) digest.Add(id);
        return digest.Finish();
    }
}
