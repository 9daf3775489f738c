namespace Clientele.Tests.Exports.Formats;

/// <summary>
/// A stream that only takes writes, as a response body does: the writers must not seek or read back. Keeps the bytes
/// unless told to count them only.
/// </summary>
internal sealed class WriteOnlyStream(bool keep = true) : Stream
{
    private readonly MemoryStream _bytes = new();

    public long Written { get; private set; }

    public byte[] ToArray() => _bytes.ToArray();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Written += buffer.Length;
        if (keep) _bytes.Write(buffer);
    }
}
