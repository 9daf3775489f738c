using System.Security.Cryptography;

namespace Clientele.Features.Backup;

/// <summary>Passes bytes through (writing or reading) and hashes them on the way, so a table's file is hashed without a second pass.</summary>
internal sealed class HashingStream(Stream inner, bool writing) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Length64 { get; private set; }

    /// <summary>The hex SHA-256 of every byte passed so far; call once, at the end.</summary>
    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public override bool CanRead => !writing;
    public override bool CanSeek => false;
    public override bool CanWrite => writing;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Length64; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        Length64 += buffer.Length;
        inner.Write(buffer);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _hash.AppendData(buffer[..read]);
        Length64 += read;
        return read;
    }

    // The zip's streams are synchronous; the async overloads read and write directly rather than through the base
    // class's thread-pool hop.
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush() => inner.Flush();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _hash.Dispose();
        base.Dispose(disposing);
    }
}
