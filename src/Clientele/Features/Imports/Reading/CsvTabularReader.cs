using System.Buffers;
using System.Text;
using Sylvan.Data.Csv;

namespace Clientele.Features.Imports.Reading;

/// <summary>
/// CSV through Sylvan: its buffer is capped, so a 100 MB field costs at most a few MB before it is refused, and fields
/// are materialised only when the importer asks for them. Lines are counted from each record's raw text, so a record
/// with newlines inside quotes still reports the physical line it starts on.
/// </summary>
public sealed class CsvTabularReader : ITabularReader
{
    /// <summary>A single field may hold up to this many characters (1 MB of text in the usual encodings).</summary>
    public const int MaxFieldChars = 1 << 20;

    // A record may be longer than one field (many columns); past this the buffer stops growing and the record is refused.
    private const int MaxRecordChars = 4 << 20;

    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\r\n");

    private readonly CsvDataReader csv;
    private readonly Stream stream;
    private readonly string path;
    private readonly TextEncodings.Detected encoding;
    private readonly SearchValues<char> emptyRecordChars;
    private long nextLine = 1;

    private CsvTabularReader(string path, Stream stream, CsvDataReader csv, TextEncodings.Detected encoding, char delimiter)
    {
        this.path = path;
        this.stream = stream;
        this.csv = csv;
        this.encoding = encoding;
        emptyRecordChars = SearchValues.Create($"{delimiter}\" \r\n");
        Description = $"CSV, {encoding.Name}, {DelimiterDetection.Name(delimiter)}";
        Header = ReadHeader();
    }

    public IReadOnlyList<string> Header { get; }
    public string Description { get; }
    public long Line { get; private set; }
    public string? RowError { get; private set; }
    public double Progress => stream.Length == 0 ? 1 : Math.Min(1, (double)stream.Position / stream.Length);
    public string this[int column] => column < csv.RowFieldCount ? csv.GetString(column) : "";

    /// <param name="sample">The first bytes of the file, already read to decide what it is.</param>
    public static CsvTabularReader Open(string path, ReadOnlySpan<byte> sample, bool sampleIsWholeFile, TabularOptions options)
    {
        var encoding = options.Encoding is { Length: > 0 } named ? TextEncodings.Named(named) : TextEncodings.Detect(sample, sampleIsWholeFile);
        var delimiter = options.Delimiter ?? DetectDelimiter(path, sample, sampleIsWholeFile, encoding);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            stream.Position = encoding.BomLength;
            var text = new StreamReader(stream, encoding.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            var csv = Guard(path, encoding, 1, () => CsvDataReader.Create(text, new CsvDataReaderOptions
            {
                Delimiter = delimiter,
                HasHeaders = false,
                // '#' starts a comment by default; in a client list it starts a house number. NUL never appears in text.
                Comment = '\0',
                BufferSize = 1 << 16,
                MaxBufferSize = MaxRecordChars,
            }));
            return new CsvTabularReader(path, stream, csv, encoding, delimiter);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static char DetectDelimiter(string path, ReadOnlySpan<byte> sample, bool whole, TextEncodings.Detected encoding)
    {
        string text;
        try
        {
            var bytes = sample[encoding.BomLength..];
            // Cut at the last newline so the sample never ends inside a character.
            var end = whole ? bytes.Length : bytes.LastIndexOf((byte)'\n') + 1;
            text = encoding.Encoding.GetString(bytes[..Math.Max(end, 0)]);
        }
        catch (DecoderFallbackException)
        {
            throw NotInEncoding(path, encoding);
        }
        return DelimiterDetection.Detect(text, whole || text.Length == 0);
    }

    private string[] ReadHeader()
    {
        while (true)
        {
            if (!Guard(path, encoding, nextLine, csv.Read))
                throw new ImportFileException(Message.Of<ReadingText>("the file has no header line"), 1);
            var line = nextLine;
            nextLine += LinesIn(csv.GetRawRecordSpan());
            if (IsEmptyRecord()) continue;
            if (csv.RowFieldCount > HeaderNames.MaxColumns)
                throw new ImportFileException(Message.Of<ReadingText>("{0} columns, at most {1}", csv.RowFieldCount, HeaderNames.MaxColumns), line);
            var raw = new string[csv.RowFieldCount];
            for (var i = 0; i < raw.Length; i++) raw[i] = csv.GetString(i);
            return HeaderNames.Normalize(raw);
        }
    }

    public bool Read()
    {
        while (true)
        {
            if (!Guard(path, encoding, nextLine, csv.Read)) return false;
            Line = nextLine;
            var raw = csv.GetRawRecordSpan();
            nextLine += LinesIn(raw);
            if (IsEmptyRecord()) continue;
            RowError = csv.RowFieldCount > Header.Count ? Message.Of<ReadingText>("{0} fields where the header has {1}", csv.RowFieldCount, Header.Count).Encode() : null;
            if (raw.Length > MaxFieldChars)
                for (var i = 0; i < csv.RowFieldCount; i++)
                    if (csv.GetFieldSpan(i).Length > MaxFieldChars)
                        throw new ImportFileException(Message.Of<ReadingText>("the field holds more than 1 MB; a field may hold at most 1 MB"), Line, i + 1);
            return true;
        }
    }

    // Blank lines and lines of bare delimiters (Excel writes ";;;" for empty rows) are no rows to import.
    private bool IsEmptyRecord() => csv.GetRawRecordSpan().IndexOfAnyExcept(emptyRecordChars) < 0;

    private static long LinesIn(ReadOnlySpan<char> raw)
    {
        var lf = raw.Count('\n');
        // Old Mac files end lines with CR alone.
        return lf > 0 ? lf : raw.ContainsAny(LineBreaks) ? 1 : 0;
    }

    /// <summary>Turns what Sylvan and the decoder throw into errors that say where and what to do.</summary>
    private static T Guard<T>(string path, TextEncodings.Detected encoding, long line, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DecoderFallbackException)
        {
            throw NotInEncoding(path, encoding);
        }
        catch (CsvRecordTooLargeException)
        {
            throw new ImportFileException(
                Message.Of<ReadingText>("this record runs past 1 MB: a field larger than 1 MB, or a quote opened here that is never closed"), line);
        }
        catch (CsvInvalidCharacterException)
        {
            throw new ImportFileException(
                Message.Of<ReadingText>("a quote opened here is not closed properly (a quote inside a quoted field must be doubled: \"\")"), line);
        }
        catch (CsvFormatException e)
        {
            throw new ImportFileException(Message.Of<ReadingText>("not readable as CSV: {0}", e.Message), line);
        }
    }

    private static ImportFileException NotInEncoding(string path, TextEncodings.Detected encoding)
    {
        return encoding.Encoding.CodePage == Encoding.UTF8.CodePage
            ? new ImportFileException(Message.Of<ReadingText>("bytes not valid UTF-8; save the file as UTF-8 or pick windows-1251"),
                TextEncodings.FirstInvalidUtf8Line(path, encoding.BomLength))
            : new ImportFileException(Message.Of<ReadingText>("bytes not valid {0}; save the file as UTF-8", encoding.Name));
    }

    public void Dispose()
    {
        csv.Dispose();
        stream.Dispose();
    }
}
