namespace Clientele.Features.Imports.Reading;

/// <summary>Opens an import file by what its bytes are (XLSX, vCard, else CSV), not by its name.</summary>
public static class TabularFiles
{
    private const int SampleBytes = 64 * 1024;

    public static ITabularReader Open(string path, TabularOptions? options = null)
    {
        options ??= new TabularOptions();
        byte[] sample;
        bool whole;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            sample = new byte[(int)Math.Min(SampleBytes, stream.Length)];
            stream.ReadExactly(sample);
            whole = stream.Length <= SampleBytes;
        }
        catch (FileNotFoundException)
        {
            throw new ImportFileException(Message.Of<ReadingText>("no such file: {0}", Path.GetFileName(path)));
        }
        if (sample.Length == 0) throw new ImportFileException(Message.Of<ReadingText>("the file is empty"));

        return KindOf(sample) switch
        {
            FileKind.Zip => XlsxTabularReader.Open(path, options),
            FileKind.VCard => VCardTabularReader.Open(path, sample),
            FileKind.Binary => throw new ImportFileException(Message.Of<ReadingText>("binary file, not CSV, XLSX or vCard")),
            _ => CsvTabularReader.Open(path, sample, whole, options),
        };
    }

    public enum FileKind { Text, Zip, VCard, Binary }

    public static FileKind KindOf(ReadOnlySpan<byte> sample)
    {
        // Local file header or the end record of an empty archive: XLSX is a ZIP whatever the file is called.
        if (sample.StartsWith("PK\x03\x04"u8) || sample.StartsWith("PK\x05\x06"u8)) return FileKind.Zip;
        var utf16 = sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        if (utf16) return FileKind.Text;
        var text = sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? sample[3..] : sample;
        var start = 0;
        while (start < text.Length && text[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        if (text[start..].Length >= 11 && System.Text.Ascii.EqualsIgnoreCase(text.Slice(start, 11), "BEGIN:VCARD"u8)) return FileKind.VCard;
        return LooksBinary(text) ? FileKind.Binary : FileKind.Text;
    }

    /// <summary>Text has no NUL and almost no control bytes; images, archives and executables are full of both.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> sample)
    {
        if (sample.Contains((byte)0)) return true;
        var control = 0;
        foreach (var b in sample)
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C) || b == 0x7F)
                control++;
        return control > sample.Length / 50;
    }
}
