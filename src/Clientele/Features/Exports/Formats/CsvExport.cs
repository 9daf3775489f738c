using System.Globalization;
using System.Text;

namespace Clientele.Features.Exports.Formats;

/// <summary>
/// Writes a table as CSV (RFC 4180) the way Excel opens it by double-click in the user's language: UTF-8 with a BOM
/// (without it Excel reads Cyrillic as mojibake), ';' between fields where the decimal separator is a comma (ru, de)
/// and ',' elsewhere, numbers with that separator and no grouping, dates as the culture writes them (01.03.2025 in
/// ru and de, 3/1/2025 in en) with a 24-hour time, which Excel in that language reads back as dates.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static char Delimiter(CultureInfo culture) => culture.NumberFormat.NumberDecimalSeparator == "," ? ';' : ',';

    public static void Write(Stream output, ExportTable data, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        var delimiter = Delimiter(culture);
        // Only the decimal separator is the culture's: some cultures' minus signs and group separators are
        // characters a spreadsheet would not read back as a number.
        var numbers = (NumberFormatInfo)NumberFormatInfo.InvariantInfo.Clone();
        numbers.NumberDecimalSeparator = culture.NumberFormat.NumberDecimalSeparator;
        var dates = new Dates(culture.DateTimeFormat.ShortDatePattern, culture.DateTimeFormat.ShortDatePattern + " HH:mm:ss", culture);

        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        writer.NewLine = "\r\n";
        var columns = data.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            if (c > 0) writer.Write(delimiter);
            WriteText(writer, columns[c].Header, delimiter);
        }
        writer.WriteLine();

        var number = 0;
        foreach (var row in data.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            number++;
            if (row.Length > columns.Count)
                throw new InvalidOperationException($"Row {number} of '{data.Title}' has {row.Length} values for {columns.Count} columns.");
            for (var c = 0; c < columns.Count; c++)
            {
                if (c > 0) writer.Write(delimiter);
                if (c < row.Length) WriteValue(writer, row[c], columns[c].Type, numbers, dates, delimiter);
            }
            writer.WriteLine();
        }
    }

    /// <summary>The culture's date and date-time patterns; the time is 24-hour in every culture (no AM/PM to misread).</summary>
    private sealed record Dates(string Date, string DateTime, CultureInfo Culture);

    private static void WriteValue(StreamWriter writer, object? value, ExportType type, NumberFormatInfo numbers, Dates dates, char delimiter)
    {
        switch (value)
        {
            case null:
            case double d when !double.IsFinite(d):
                return;
            case string text:
                WriteText(writer, text, delimiter);
                return;
            case DateOnly date:
                writer.Write(date.ToString(dates.Date, dates.Culture));
                return;
            case DateTime time when type == ExportType.Date && time.TimeOfDay == TimeSpan.Zero:
                writer.Write(time.ToString(dates.Date, dates.Culture));
                return;
            case DateTime time:
                writer.Write(time.ToString(dates.DateTime, dates.Culture));
                return;
            case decimal money when type == ExportType.Money:
                // Two decimals at least, as money is written, whatever scale the database kept (SQLite keeps none).
                writer.Write(money.ToString("0.00##########", numbers));
                return;
            case double or float:
                writer.Write(((IFormattable)value).ToString("R", numbers));
                return;
            case IFormattable formattable:
                writer.Write(formattable.ToString(null, numbers));
                return;
            default:
                WriteText(writer, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", delimiter);
                return;
        }
    }

    private static void WriteText(StreamWriter writer, string text, char delimiter) => writer.Write(Field(text, delimiter));

    /// <summary>
    /// A text field as CSV writes it: quoted when it holds the delimiter, a quote or a line break (its quotes doubled),
    /// and with an apostrophe before text a spreadsheet would take for a formula (<see cref="FormulaGuard"/>): Excel
    /// and LibreOffice then show the text as it is and evaluate nothing.
    /// </summary>
    public static string Field(string text, char delimiter)
    {
        var guarded = FormulaGuard.LooksLikeFormula(text) ? "'" + text : text;
        return guarded.AsSpan().IndexOfAny([delimiter, '"', '\r', '\n']) < 0 ? guarded
            : "\"" + guarded.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
