using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Clientele.Features.Imports.Reading;

/// <summary>
/// One sheet of an XLSX, streamed with the Open XML SAX reader (the DOM of a million-row sheet would not fit in memory).
/// Cells land in the column their reference names, so skipped empty cells keep the others in place; date-formatted
/// numbers become yyyy-MM-dd; Line is the sheet's row number as Excel shows it.
/// </summary>
public sealed class XlsxTabularReader : ITabularReader
{
    private readonly XlsxPackage package;
    private readonly OpenXmlReader sheet;
    private readonly List<string> sharedStrings;
    private readonly XlsxParts.DateStyle[] dateStyles;
    private readonly long sheetLength;
    private string[] values = [];
    private long lastRow;
    private readonly long unpackedBeforeSheet;

    private XlsxTabularReader(XlsxPackage package, OpenXmlReader sheet, List<string> sharedStrings, XlsxParts.DateStyle[] dateStyles, long sheetLength, string sheetName)
    {
        this.package = package;
        this.sheet = sheet;
        this.sharedStrings = sharedStrings;
        this.dateStyles = dateStyles;
        this.sheetLength = sheetLength;
        unpackedBeforeSheet = package.UnpackedBytes;
        Description = $"XLSX, sheet '{sheetName}'";
        Header = ReadHeader();
    }

    public IReadOnlyList<string> Header { get; private set; } = [];
    public string Description { get; }
    public long Line { get; private set; }
    public string? RowError { get; private set; }
    public double Progress { get; private set; }
    public string this[int column] => column < values.Length ? values[column] : "";

    public static XlsxTabularReader Open(string path, TabularOptions options)
    {
        var package = XlsxPackage.Open(path);
        try
        {
            var workbook = package.WorkbookPath();
            var sheets = Guard(() => XlsxParts.Sheets(package, workbook));
            if (sheets.Count == 0) throw new ImportFileException(Message.Of<ReadingText>("the workbook has no sheets"));
            var chosen = Choose(sheets, options.Sheet);
            var strings = Guard(() => XlsxParts.SharedStrings(package, XlsxParts.PartOfType(package, workbook, "/sharedStrings")));
            var styles = Guard(() => XlsxParts.DateStyles(package, XlsxParts.PartOfType(package, workbook, "/styles")));
            var reader = XlsxParts.Reader(package, chosen.Path);
            return new XlsxTabularReader(package, reader, strings, styles, package.LengthOf(chosen.Path), chosen.Name);
        }
        catch
        {
            package.Dispose();
            throw;
        }
    }

    private static XlsxParts.SheetInfo Choose(List<XlsxParts.SheetInfo> sheets, string? wanted)
    {
        if (string.IsNullOrWhiteSpace(wanted)) return sheets[0];
        var byName = sheets.FirstOrDefault(s => string.Equals(s.Name, wanted.Trim(), StringComparison.OrdinalIgnoreCase));
        if (byName is not null) return byName;
        if (int.TryParse(wanted, out var number) && number >= 1 && number <= sheets.Count) return sheets[number - 1];
        throw new ImportFileException(Message.Of<ReadingText>("no sheet '{0}' in the workbook; it has: {1}", wanted, string.Join(", ", sheets.Select(s => $"'{s.Name}'"))));
    }

    private string[] ReadHeader()
    {
        var cells = new List<string>();
        while (NextRow(cells))
        {
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            var width = cells.FindLastIndex(c => !string.IsNullOrWhiteSpace(c)) + 1;
            if (width > HeaderNames.MaxColumns)
                throw new ImportFileException(Message.Of<ReadingText>("{0} columns, at most {1}", width, HeaderNames.MaxColumns), Line);
            values = new string[width];
            return HeaderNames.Normalize(cells.GetRange(0, width));
        }
        throw new ImportFileException(Message.Of<ReadingText>("the sheet is empty; the first row should name the columns"));
    }

    private readonly List<string> row = [];
    private readonly System.Text.StringBuilder richText = new();

    public bool Read()
    {
        while (NextRow(row))
        {
            if (row.All(string.IsNullOrWhiteSpace)) continue;
            Array.Fill(values, "");
            RowError = null;
            for (var i = 0; i < row.Count; i++)
            {
                if (i < values.Length) values[i] = row[i];
                else if (row[i].Length > 0)
                {
                    RowError = Message.Of<ReadingText>("a value in column {0}, right of the header's last column {1}", ColumnName(i), ColumnName(values.Length - 1)).Encode();
                    break;
                }
            }
            return true;
        }
        return false;
    }

    /// <summary>The next &lt;row&gt; into <paramref name="cells"/> by column index; false at the end of the sheet.</summary>
    private bool NextRow(List<string> cells)
    {
        cells.Clear();
        try
        {
            while (sheet.Read())
            {
                if (sheet.ElementType != typeof(Row) || !sheet.IsStartElement) continue;
                Line = long.TryParse(XlsxParts.Attribute(sheet, "r"), out var number) ? number : lastRow + 1;
                lastRow = Line;
                ReadCells(cells);
                Progress = sheetLength == 0 ? 1 : Math.Min(1, (double)(package.UnpackedBytes - unpackedBeforeSheet) / sheetLength);
                return true;
            }
            Progress = 1;
            return false;
        }
        catch (XmlException e)
        {
            throw new ImportFileException(Message.Of<ReadingText>("the sheet's XML is damaged: {0}", e.Message), Line);
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException(Message.Of<ReadingText>("the workbook is damaged (the sheet does not unpack); save the file again as .xlsx"), Line);
        }
    }

    private void ReadCells(List<string> cells)
    {
        var next = 0;
        while (sheet.Read())
        {
            if (sheet.ElementType == typeof(Row) && sheet.IsEndElement) return;
            if (sheet.ElementType != typeof(Cell) || !sheet.IsStartElement) continue;
            string? reference = null, type = null, style = null;
            foreach (var attribute in sheet.Attributes)
            {
                switch (attribute.LocalName)
                {
                    case "r": reference = attribute.Value; break;
                    case "t": type = attribute.Value; break;
                    case "s": style = attribute.Value; break;
                }
            }
            var column = reference is null ? next : ColumnIndex(reference);
            if (column < 0 || column >= 16_384) throw new ImportFileException(Message.Of<ReadingText>("cell reference '{0}' is not a column", reference), Line);
            next = column + 1;
            var value = CellText(type, style);
            if (column > HeaderNames.MaxColumns + 1 && value.Length == 0) continue;
            while (cells.Count <= column) cells.Add("");
            cells[column] = value;
        }
    }

    /// <summary>Reads to the cell's end and gives its value as text.</summary>
    private string CellText(string? type, string? style)
    {
        string? raw = null;
        while (sheet.Read())
        {
            if (sheet.ElementType == typeof(Cell) && sheet.IsEndElement) break;
            if (!sheet.IsStartElement) continue;
            if (sheet.ElementType == typeof(CellValue)) raw = sheet.GetText();
            else if (sheet.ElementType == typeof(InlineString)) raw = XlsxParts.ReadRichText(sheet, typeof(InlineString), richText);
        }
        if (raw is null) return "";
        return type switch
        {
            "s" => int.TryParse(raw, out var index) && index >= 0 && index < sharedStrings.Count
                ? sharedStrings[index]
                : throw new ImportFileException(Message.Of<ReadingText>("a cell refers to shared string {0}, which the workbook lacks", raw), Line),
            "b" => raw == "1" ? "TRUE" : "FALSE",
            "inlineStr" or "str" or "e" => raw,
            "d" => raw.Length >= 10 && raw.EndsWith("T00:00:00", StringComparison.Ordinal) ? raw[..10] : raw.Replace('T', ' '),
            _ => Number(raw, style),
        };
    }

    private string Number(string raw, string? style)
    {
        var dateStyle = int.TryParse(style, out var s) && s >= 0 && s < dateStyles.Length ? dateStyles[s] : XlsxParts.DateStyle.None;
        if (dateStyle != XlsxParts.DateStyle.None
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
            && serial is >= 0 and < 2_958_466)
        {
            var moment = DateTime.FromOADate(serial);
            // Excel keeps times as fractions of a day; round to the second it displays.
            moment = new DateTime((moment.Ticks + TimeSpan.TicksPerSecond / 2) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond);
            return dateStyle switch
            {
                XlsxParts.DateStyle.Time => moment.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                _ when moment.TimeOfDay == TimeSpan.Zero => moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                XlsxParts.DateStyle.DateTime => moment.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                _ => moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
        }
        // Excel writes 1E-3 style for some numbers; people expect 0.001.
        if (raw.Contains('E', StringComparison.OrdinalIgnoreCase)
            && decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return number.ToString(CultureInfo.InvariantCulture);
        return raw;
    }

    /// <summary>"D7" → 3: the letters of a cell reference as a 0-based column.</summary>
    public static int ColumnIndex(string reference)
    {
        var column = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            var upper = char.ToUpperInvariant(ch);
            if (upper is < 'A' or > 'Z') break;
            if (++letters > 3) return -1;
            column = column * 26 + (upper - 'A' + 1);
        }
        return letters == 0 ? -1 : column - 1;
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (XmlException e)
        {
            throw new ImportFileException(Message.Of<ReadingText>("the workbook is damaged: {0}", e.Message));
        }
    }

    public void Dispose()
    {
        sheet.Dispose();
        package.Dispose();
    }
}
