using Kind = Clientele.Infrastructure.Validation.Message;

namespace Clientele.Features.Imports.Reading;

/// <summary>
/// A file read as a table: a header row, then data rows, streamed one at a time so a file of any size is read in
/// bounded memory. CSV, XLSX and vCard all arrive through this shape; the importer never knows which it was.
/// </summary>
public interface ITabularReader : IDisposable
{
    /// <summary>Column headers as written in the file (trimmed); vCard readers give their own fixed headers.</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>How the file was read, for the user: "CSV, Windows-1251, ';'", "XLSX, sheet 'Клиенты'", "vCard 3.0".</summary>
    string Description { get; }

    /// <summary>Moves to the next data row; false at the end. Throws <see cref="ImportFileException"/> with the line.</summary>
    bool Read();

    /// <summary>The current row's value of column <paramref name="column"/>; "" when the row is shorter than the header.</summary>
    string this[int column] { get; }

    /// <summary>The line (CSV: physical line where the record starts; XLSX: sheet row number; vCard: line of BEGIN) of the current row.</summary>
    long Line { get; }

    /// <summary>
    /// What is wrong with the current row that the reader noticed (more fields than the header, an invalid vCard
    /// property), or null. The importer rejects such a row with this reason and its line; the file reads on.
    /// </summary>
    string? RowError { get; }

    /// <summary>Fraction of the file read so far, 0..1, for progress bars.</summary>
    double Progress { get; }
}

/// <summary>
/// The file cannot be read any further; <see cref="Text"/> says what is wrong (a kind of <see cref="ReadingText"/> with its
/// values, worded in the reader's language when shown) and <see cref="Line"/> where. The exception's own message is the
/// English wording, for logs.
/// </summary>
public sealed class ImportFileException(Kind text, long? line = null, int? column = null)
    : Exception(text.Render(System.Globalization.CultureInfo.InvariantCulture))
{
    public Kind Text { get; } = text;
    public long? Line { get; } = line;
    public int? Column { get; } = column;

    /// <summary>Where, then what, in the current UI culture.</summary>
    public string Located => Show(Parts);

    /// <summary>Where and what as one stored text (the job's error), which <see cref="Show(string?)"/> words in its reader's language.</summary>
    public string Stored => Kind.EncodeAll(Parts);

    /// <summary>A job's stored error in the current UI culture: what <see cref="Stored"/> wrote, or any other text as it is.</summary>
    public static string? Show(string? stored) => Kind.ParseAll(stored) is { } parts ? Show(parts) : stored;

    private static string Show(IEnumerable<Kind> parts) => string.Join(": ", parts.Select(p => p.Render()));

    private Kind[] Parts => Line is null ? [Text]
        : Column is null ? [Kind.Of<ReadingText>("line {0}", Line), Text]
        : [Kind.Of<ReadingText>("line {0}, column {1}", Line, Column), Text];
}

/// <param name="Sheet">XLSX: the sheet's name or 1-based number; null for the first sheet.</param>
/// <param name="Encoding">CSV: an encoding name to use instead of detecting one.</param>
/// <param name="Delimiter">CSV: the delimiter to use instead of detecting one.</param>
public sealed record TabularOptions(string? Sheet = null, string? Encoding = null, char? Delimiter = null);
