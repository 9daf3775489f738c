using System.Text;

namespace Clientele.Features.Imports.Reading;

/// <summary>
/// Reads a file line by line as raw bytes (held as Latin-1 strings, one char per byte, so a later charset decision can
/// get the exact bytes back), never holding more than <see cref="MaxLineBytes"/> of one line: the rest of an overlong
/// line is skipped and the line is flagged.
/// </summary>
public sealed class BoundedLines(Stream stream, int maxLineBytes) : IDisposable
{
    private readonly byte[] buffer = new byte[1 << 16];
    private readonly MemoryStream pending = new();
    private int start;
    private int end;

    public int MaxLineBytes { get; } = maxLineBytes;

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes of the last line, including what was skipped of an overlong one.</summary>
    public long LastLineBytes { get; private set; }

    public bool LastLineTooLong { get; private set; }

    public double Progress => stream.Length == 0 ? 1 : (double)stream.Position / stream.Length;

    /// <summary>The next line without its line break, or null at the end of the file.</summary>
    public string? Next()
    {
        pending.SetLength(0);
        LastLineBytes = 0;
        LastLineTooLong = false;
        var any = false;
        while (true)
        {
            if (start == end)
            {
                start = 0;
                end = stream.Read(buffer, 0, buffer.Length);
                if (end == 0)
                {
                    if (!any) return null;
                    break;
                }
            }
            any = true;
            var chunk = buffer.AsSpan(start, end - start);
            var newline = chunk.IndexOf((byte)'\n');
            var piece = newline < 0 ? chunk : chunk[..newline];
            Keep(piece);
            start += newline < 0 ? chunk.Length : newline + 1;
            if (newline >= 0) break;
        }
        LineNumber++;
        var bytes = pending.GetBuffer().AsSpan(0, (int)pending.Length);
        if (bytes.EndsWith("\r"u8)) bytes = bytes[..^1];
        return Encoding.Latin1.GetString(bytes);
    }

    private void Keep(ReadOnlySpan<byte> piece)
    {
        LastLineBytes += piece.Length;
        var room = MaxLineBytes - (int)pending.Length;
        if (piece.Length > room) LastLineTooLong = true;
        pending.Write(piece[..Math.Min(piece.Length, Math.Max(room, 0))]);
    }

    public void Dispose()
    {
        pending.Dispose();
        stream.Dispose();
    }
}
