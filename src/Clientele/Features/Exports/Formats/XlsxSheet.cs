using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Clientele.Features.Exports.Formats;

/// <summary>
/// Writes one worksheet element by element (SAX style): only the first rows are held, to size the columns, so a
/// long export costs the same memory as a short one.
/// </summary>
internal static class XlsxSheet
{
    private const int SampleRows = 100;

    /// <summary>Writes the sheet and returns how many data rows it has under the filter (a totals row is not).</summary>
    public static int Write(Stream part, ExportTable table, bool selected, CancellationToken cancellationToken)
    {
        var columns = table.Columns;
        using var rows = table.Rows.GetEnumerator();
        var sample = new List<object?[]>(SampleRows);
        while (sample.Count < SampleRows && rows.MoveNext()) sample.Add(rows.Current);

        using var xml = OpenXmlWriter.Create(part);
        var cells = new XlsxCells(xml, columns.Count);
        xml.WriteStartElement(new Worksheet());
        xml.WriteElement(FrozenHeader(selected));
        if (columns.Count > 0) xml.WriteElement(new Columns(ColumnWidths(columns, sample)));
        xml.WriteStartElement(new SheetData());

        cells.StartRow(1);
        for (var c = 0; c < columns.Count; c++) cells.Text(c, columns[c].Header, XlsxStyles.Header);
        cells.EndRow();

        var count = 0;
        // Held back one row when the last one is the totals, which only the end of the rows tells.
        object?[]? held = null;
        foreach (var row in sample) Take(row);
        while (rows.MoveNext()) Take(rows.Current);
        if (held is not null) WriteRow(held, totals: true);

        xml.WriteEndElement();
        var filtered = table.LastRowIsTotal && count > 0 ? count - 1 : count;
        if (columns.Count > 0) xml.WriteElement(new AutoFilter { Reference = FilterRange(columns.Count, filtered) });
        xml.WriteEndElement();
        return filtered;

        void Take(object?[] row)
        {
            if (!table.LastRowIsTotal)
            {
                WriteRow(row, totals: false);
                return;
            }
            if (held is not null) WriteRow(held, totals: false);
            held = row;
        }

        void WriteRow(object?[] row, bool totals)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (row.Length > columns.Count)
                throw new InvalidOperationException($"Row {count + 1} of '{table.Title}' has {row.Length} values for {columns.Count} columns.");
            count++;
            cells.StartRow(count + 1, totals, XlsxCells.Lines(row));
            for (var c = 0; c < row.Length; c++) cells.Value(c, row[c], columns[c].Type);
            cells.EndRow();
        }
    }

    /// <summary>The header and the filtered data rows, as A1:H101; also the range of the workbook's filter name.</summary>
    public static string FilterRange(int columns, int dataRows, bool absolute = false)
    {
        var (letter, row) = (XlsxCells.Letters(columns - 1), dataRows + 1);
        return absolute ? $"$A$1:${letter}${row}" : $"A1:{letter}{row}";
    }

    private static SheetViews FrozenHeader(bool selected) => new(
        new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { TabSelected = selected, WorkbookViewId = 0 });

    /// <summary>Widths in characters from the header and the first rows: wide enough to read, capped so a long
    /// note does not push every other column off the screen.</summary>
    private static IEnumerable<Column> ColumnWidths(IReadOnlyList<ExportColumn> columns, List<object?[]> sample)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            // Room for the autofilter's drop-down arrow beside the bold header.
            var chars = columns[c].Header.Length + 3;
            foreach (var row in sample)
                if (c < row.Length) chars = Math.Max(chars, DisplayLength(row[c], columns[c].Type));
            var index = (uint)(c + 1);
            yield return new Column { Min = index, Max = index, Width = Math.Clamp(chars + 2, 6, 60), CustomWidth = true };
        }
    }

    private static int DisplayLength(object? value, ExportType type) => (value, type) switch
    {
        (null, _) => 0,
        (DateOnly or DateTime, ExportType.Date) => 10,
        (DateOnly or DateTime, ExportType.DateTime) => 17,
        (string text, _) => text.Split('\n').Max(line => line.Length),
        (IFormattable number, ExportType.Integer) => number.ToString("#,##0", CultureInfo.InvariantCulture).Length,
        (IFormattable number, ExportType.Decimal or ExportType.Money) => number.ToString("#,##0.00", CultureInfo.InvariantCulture).Length,
        (IFormattable number, ExportType.Percent) => number.ToString("0.0%", CultureInfo.InvariantCulture).Length,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Length ?? 0,
    };
}
