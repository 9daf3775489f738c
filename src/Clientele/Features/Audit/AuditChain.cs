using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Clientele.Features.Audit;

/// <summary>
/// The canonical form of an entry and its hash. Kept in one place because the writer and <c>audit verify</c> must agree
/// byte for byte: a JSON array (fixed order, nulls explicit, times in UTC to the millisecond) plus the previous hash.
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
