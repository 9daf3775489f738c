using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Clientele.Features.Imports.Reading;

/// <summary>
/// Decides how a text file's bytes become characters. Excel and 1C write Windows-1251 in Russia and Windows-1252 in
/// Germany, so a file that is not UTF-8 is one of those two; which one is told by how its letters sit among the bytes.
/// </summary>
public static class TextEncodings
{
    static TextEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding, how many BOM bytes to skip, and the name shown to the user.</summary>
    public sealed record Detected(Encoding Encoding, int BomLength, string Name);

    /// <summary>
    /// Strict UTF-8: an invalid byte throws instead of becoming U+FFFD, so a wrongly encoded file is reported, not
    /// imported as mojibake.
    /// </summary>
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Windows1251 => Encoding.GetEncoding(1251);
    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>From the first bytes of the file: BOM, else valid UTF-8, else Windows-1251 or -1252 by letter statistics.</summary>
    public static Detected Detect(ReadOnlySpan<byte> sample, bool sampleIsWholeFile)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new(StrictUtf8, 3, "UTF-8 with BOM");
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return new(new UnicodeEncoding(false, false, true), 2, "UTF-16 LE");
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return new(new UnicodeEncoding(true, false, true), 2, "UTF-16 BE");
        if (IsUtf8(sample, sampleIsWholeFile)) return new(StrictUtf8, 0, "UTF-8");
        return LooksCyrillic(sample)
            ? new(Windows1251, 0, "Windows-1251")
            // ISO-8859-15 differs from 1252 only in rare signs (€ Š š Ž ž Œ œ Ÿ at 0xA4-0xBE); the letters read the same.
            : new(Windows1252, 0, "Windows-1252");
    }

    /// <summary>An encoding the user named ("windows-1251", "cp1252", "1251", "utf-8"), or a clear error.</summary>
    public static Detected Named(string name)
    {
        var trimmed = name.Trim();
        var lookup = trimmed.StartsWith("cp", StringComparison.OrdinalIgnoreCase) ? trimmed[2..] : trimmed;
        try
        {
            var encoding = int.TryParse(lookup, out var codePage) ? Encoding.GetEncoding(codePage) : Encoding.GetEncoding(lookup);
            if (encoding.CodePage == Encoding.UTF8.CodePage) return new(StrictUtf8, 0, "UTF-8");
            return new(encoding, 0, encoding.WebName);
        }
        catch (ArgumentException)
        {
            throw new ImportFileException(Message.Of<ReadingText>("unknown encoding '{0}'; use utf-8, windows-1251 or windows-1252", name));
        }
    }

    private static bool IsUtf8(ReadOnlySpan<byte> sample, bool isFinal)
    {
        var chars = ArrayPool<char>.Shared.Rent(sample.Length + 1);
        try
        {
            var status = Utf8.ToUtf16(sample, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: isFinal);
            // NeedMoreData: the sample ends inside a character, which is fine when the file goes on.
            return status is OperationStatus.Done or OperationStatus.NeedMoreData;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// Both encodings put letters at 0xC0-0xFF. Russian words are runs of such bytes ("Иванов" is six in a row); German
    /// umlauts and ß stand alone between ASCII letters ("Müller"). So count which neighbour the high letters have.
    /// </summary>
    private static bool LooksCyrillic(ReadOnlySpan<byte> sample)
    {
        long cyrillic = 0, latin = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] < 0xC0) continue;
            var before = i > 0 ? sample[i - 1] : (byte)' ';
            var after = i + 1 < sample.Length ? sample[i + 1] : (byte)' ';
            if (before >= 0xC0 || after >= 0xC0) cyrillic++;
            if (IsAsciiLetter(before) || IsAsciiLetter(after)) latin++;
        }
        return cyrillic > latin;

        static bool IsAsciiLetter(byte b) => b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z';
    }

    /// <summary>
    /// The 1-based line of the first byte sequence that is not UTF-8, found by reading the file again — only after
    /// decoding failed, so the fast path pays nothing for it. Null if the file is valid after all.
    /// </summary>
    public static long? FirstInvalidUtf8Line(string path, int skip)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        stream.Position = skip;
        var buffer = new byte[1 << 16];
        var chars = new char[buffer.Length + 1];
        long line = 1;
        var carry = 0;
        while (true)
        {
            var read = stream.Read(buffer, carry, buffer.Length - carry);
            var length = carry + read;
            var final = read == 0;
            var status = Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
            line += buffer.AsSpan(0, consumed).Count((byte)'\n');
            if (status == OperationStatus.InvalidData) return line;
            if (final) return null;
            carry = length - consumed;
            buffer.AsSpan(consumed, carry).CopyTo(buffer);
        }
    }
}
