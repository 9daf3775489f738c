using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Clientele.Features.Backup;

/// <summary>
/// A backup at rest: the ZIP encrypted with AES-256-GCM under a key derived from the owner's passphrase with
/// PBKDF2-HMAC-SHA256 (600 000 iterations, a random 16-byte salt per file, one 32-byte block) expanded with HKDF-SHA256
/// into the encryption key and the header-MAC key. The archive is cut into chunks of 1 MiB,
/// each sealed on its own (its own nonce and tag), with the header, the chunk's index and a final-chunk flag as
/// associated data: a changed byte, a reordered or dropped chunk, and a cut-off end are each refused. A header MAC
/// tells a wrong passphrase from a damaged archive. Both come from .NET itself (no package).
/// </summary>
/// <remarks>
/// Format 1 (read, no longer written) took both keys from one 64-byte PBKDF2 output: two PBKDF2 blocks, so the owner
/// paid 1.2 million iterations per backup and restore while a guesser needs only the block of the MAC key to test a
/// passphrase. Format 2 derives one block and expands it: half the owner's wait for the same cost to a guesser.
/// Layout: magic "CLIENTELE-BACKUP\x02" (17 bytes; \x01 for format 1), iterations (int32 BE), salt (16), nonce prefix (4), chunk size
/// (int32 BE), header MAC (32, HMAC-SHA256 over the preceding bytes with the second half of the derived key); then the
/// chunks, each ciphertext (chunk size, or less for the last) followed by its 16-byte tag. The nonce of chunk i is the
/// prefix and i (uint64 BE); the associated data is the header, i and the flag.
/// </remarks>
public static class BackupEncryption
{
    public const int MinPassphraseLength = 12;
    public const int MaxPassphraseLength = 1024;
    public const int Iterations = 600_000;
    private const int MinIterations = 100_000, MaxIterations = 10_000_000;
    internal const int ChunkSize = 1 << 20;
    private static readonly byte[] Magic = "CLIENTELE-BACKUP\x02"u8.ToArray();
    private static readonly byte[] MagicOfFormat1 = "CLIENTELE-BACKUP\x01"u8.ToArray();
    private const int SaltBytes = 16, PrefixBytes = 4, MacBytes = 32, TagBytes = 16;
    private static readonly int HeaderBytes = Magic.Length + 4 + SaltBytes + PrefixBytes + 4 + MacBytes;

    /// <summary>The passphrase's problem (a resource key of <see cref="BackupText"/> and its arguments), or null when it will do.</summary>
    public static (string Text, object[] Args)? PassphraseProblem(string? passphrase) =>
        string.IsNullOrEmpty(passphrase) ? ("A passphrase is required: the backup is encrypted with it, and restoring asks for it.", [])
        : passphrase.Length < MinPassphraseLength ? ("The passphrase must be at least {0} characters long.", [MinPassphraseLength])
        : passphrase.Length > MaxPassphraseLength ? ("The passphrase must be at most {0} characters long.", [MaxPassphraseLength])
        : null;

    /// <summary>Whether a file starts like an encrypted backup (a plain ZIP of an older version does not).</summary>
    public static bool IsEncrypted(string path)
    {
        using var file = File.OpenRead(path);
        var start = new byte[Magic.Length];
        return file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) == start.Length && FormatOf(start) > 0;
    }

    /// <summary>The format a file's first bytes name: 2, 1, or 0 when they are not a backup's.</summary>
    private static int FormatOf(ReadOnlySpan<byte> start) =>
        start.StartsWith(Magic) ? 2 : start.StartsWith(MagicOfFormat1) ? 1 : 0;

    private static (byte[] Encryption, byte[] Mac) Derive(string passphrase, byte[] salt, int iterations, int format = 2)
    {
        var secret = Encoding.UTF8.GetBytes(passphrase);
        if (format == 1)
        {
            var both = Rfc2898DeriveBytes.Pbkdf2(secret, salt, iterations, HashAlgorithmName.SHA256, 64);
            return (both[..32], both[32..]);
        }
        // PBKDF2's output is already a uniformly random key, so HKDF's expand step alone separates the two keys (RFC 5869, 3.3).
        var master = Rfc2898DeriveBytes.Pbkdf2(secret, salt, iterations, HashAlgorithmName.SHA256, 32);
        return (HKDF.Expand(HashAlgorithmName.SHA256, master, 32, "clientele backup: encryption"u8.ToArray()),
            HKDF.Expand(HashAlgorithmName.SHA256, master, 32, "clientele backup: header mac"u8.ToArray()));
    }

    /// <summary>A write-only stream that encrypts what is written to <paramref name="output"/>; <see cref="Stream.DisposeAsync"/> seals the final chunk.</summary>
    public static Stream Encrypt(Stream output, string passphrase) => new Encrypting(output, passphrase);

    private sealed class Encrypting : Stream
    {
        private readonly Stream _output;
        private readonly AesGcm _aes;
        private readonly byte[] _header;
        private readonly byte[] _prefix;
        private readonly byte[] _plain = new byte[ChunkSize];
        private readonly byte[] _cipher = new byte[ChunkSize];
        private readonly byte[] _tag = new byte[TagBytes];
        private int _filled;
        private ulong _index;
        private bool _headerWritten, _finished;

        public Encrypting(Stream output, string passphrase)
        {
            _output = output;
            var salt = RandomNumberGenerator.GetBytes(SaltBytes);
            _prefix = RandomNumberGenerator.GetBytes(PrefixBytes);
            var (encryption, mac) = Derive(passphrase, salt, Iterations);
            _aes = new AesGcm(encryption, TagBytes);
            _header = new byte[HeaderBytes];
            var span = _header.AsSpan();
            Magic.CopyTo(span);
            var at = Magic.Length;
            BinaryPrimitives.WriteInt32BigEndian(span[at..], Iterations);
            salt.CopyTo(span[(at += 4)..]);
            _prefix.CopyTo(span[(at += SaltBytes)..]);
            BinaryPrimitives.WriteInt32BigEndian(span[(at += PrefixBytes)..], ChunkSize);
            HMACSHA256.HashData(mac, span[..(at += 4)], span[at..]);
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (buffer.Length > 0)
            {
                // A full chunk goes out only when more follows: the last chunk must carry the final flag.
                if (_filled == ChunkSize) await SealAsync(final: false, cancellationToken);
                var take = Math.Min(buffer.Length, ChunkSize - _filled);
                buffer.Span[..take].CopyTo(_plain.AsSpan(_filled));
                _filled += take;
                buffer = buffer[take..];
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private async Task SealAsync(bool final, CancellationToken ct)
        {
            if (!_headerWritten)
            {
                await _output.WriteAsync(_header, ct);
                _headerWritten = true;
            }
            _aes.Encrypt(Nonce(_prefix, _index), _plain.AsSpan(0, _filled), _cipher.AsSpan(0, _filled), _tag, Associated(_header, _index, final));
            await _output.WriteAsync(_cipher.AsMemory(0, _filled), ct);
            await _output.WriteAsync(_tag, ct);
            _index++;
            _filled = 0;
        }

        public override async ValueTask DisposeAsync()
        {
            if (!_finished)
            {
                _finished = true;
                await SealAsync(final: true, CancellationToken.None);
                await _output.FlushAsync();
            }
            _aes.Dispose();
            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_finished) DisposeAsync().AsTask().GetAwaiter().GetResult();
            base.Dispose(disposing);
        }
    }

    private static byte[] Nonce(byte[] prefix, ulong index)
    {
        var nonce = new byte[12];
        prefix.CopyTo(nonce, 0);
        BinaryPrimitives.WriteUInt64BigEndian(nonce.AsSpan(PrefixBytes), index);
        return nonce;
    }

    private static byte[] Associated(byte[] header, ulong index, bool final)
    {
        var data = new byte[header.Length + 9];
        header.CopyTo(data, 0);
        BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(header.Length), index);
        data[^1] = final ? (byte)1 : (byte)0;
        return data;
    }

    private static bool SealsAsNotFinal(AesGcm aes, byte[] prefix, ulong index, ReadOnlySpan<byte> sealedChunk, byte[] header)
    {
        var length = sealedChunk.Length - TagBytes;
        try
        {
            aes.Decrypt(Nonce(prefix, index), sealedChunk[..length], sealedChunk[length..], new byte[length], Associated(header, index, final: false));
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    /// <summary>
    /// Decrypts <paramref name="input"/> (seekable: the end tells which chunk is the last) into <paramref name="output"/>,
    /// checking every chunk. Throws <see cref="BackupException"/> naming a wrong passphrase or the damage; the caller
    /// must discard <paramref name="output"/> then.
    /// </summary>
    public static async Task DecryptAsync(Stream input, string passphrase, Stream output, CancellationToken ct)
    {
        var header = new byte[HeaderBytes];
        var format = await input.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct) < header.Length ? 0 : FormatOf(header);
        if (format == 0)
            throw BackupException.Text("This file is not an encrypted Clientele backup.");
        var at = Magic.Length;
        var iterations = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(at));
        var salt = header.AsSpan(at += 4, SaltBytes).ToArray();
        var prefix = header.AsSpan(at += SaltBytes, PrefixBytes).ToArray();
        var chunkSize = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(at += PrefixBytes));
        at += 4;
        if (iterations is < MinIterations or > MaxIterations || chunkSize is < 1024 or > 16 << 20)
            throw BackupException.Text("The backup's header is damaged.");
        var (encryption, mac) = Derive(passphrase, salt, iterations, format);
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(mac, header.AsSpan(0, at)), header.AsSpan(at, MacBytes)))
            throw BackupException.Text("Wrong passphrase: the backup cannot be decrypted with it (or its header was changed).");

        using var aes = new AesGcm(encryption, TagBytes);
        var cipher = new byte[chunkSize + TagBytes];
        var plain = new byte[chunkSize];
        ulong index = 0;
        while (true)
        {
            var read = await input.ReadAtLeastAsync(cipher, cipher.Length, throwOnEndOfStream: false, ct);
            var final = input.Position == input.Length;
            if (read < TagBytes) throw BackupException.Text("The backup is truncated: its last part is missing.");
            var length = read - TagBytes;
            try
            {
                aes.Decrypt(Nonce(prefix, index), cipher.AsSpan(0, length), cipher.AsSpan(length, TagBytes), plain.AsSpan(0, length), Associated(header, index, final));
            }
            catch (AuthenticationTagMismatchException)
            {
                // A chunk sealed as not the last, found at the end: whole chunks were cut off after it.
                throw final && SealsAsNotFinal(aes, prefix, index, cipher.AsSpan(0, read), header)
                    ? BackupException.Text("The backup is truncated: its last part is missing.")
                    : BackupException.Text("The backup was changed or damaged: part {0} does not match its seal.", index + 1);
            }
            await output.WriteAsync(plain.AsMemory(0, length), ct);
            if (final) return;
            index++;
        }
    }
}
