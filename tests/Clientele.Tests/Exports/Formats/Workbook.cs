using Clientele.Features.Exports.Formats;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Clientele.Tests.Exports.Formats;

/// <summary>An exported workbook read back with the Open XML SDK, as a reader program would open it.</summary>
internal sealed class Workbook : IDisposable
{
    private readonly SpreadsheetDocument _document;

    private Workbook(byte[] bytes) => _document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);

    public static Workbook Write(ExportTable data, ExportTable? pivot = null)
    {
        var output = new WriteOnlyStream();
        XlsxExport.Write(output, data, pivot);
        return Read(output.ToArray());
    }

    public static Workbook Read(byte[] bytes) => new(bytes);

    public SpreadsheetDocument Document => _document;

    public string[] SheetNames => [.. _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    public Worksheet Sheet(int index)
    {
        var sheet = _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ElementAt(index);
        return ((WorksheetPart)_document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    public Cell Cell(int sheet, string reference) =>
        Sheet(sheet).Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference)
        ?? throw new InvalidOperationException($"No cell {reference} on sheet {sheet}.");

    /// <summary>The cell's text as a reader shows it before formatting: an inline string's text or the stored value.</summary>
    public string Text(int sheet, string reference)
    {
        var cell = Cell(sheet, reference);
        return cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.Text!.Text : cell.CellValue?.Text ?? "";
    }

    public CellFormat Format(Cell cell) =>
        _document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    /// <summary>The number format code: a custom one from the workbook, or the built-in ones the export uses.</summary>
    public string NumberFormat(Cell cell)
    {
        var id = Format(cell).NumberFormatId?.Value ?? 0;
        return id switch
        {
            0 => "General",
            3 => "#,##0",
            4 => "#,##0.00",
            _ => _document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
                .Single(f => f.NumberFormatId?.Value == id).FormatCode!.Value!,
        };
    }

    public bool IsBold(Cell cell) =>
        _document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)(Format(cell).FontId?.Value ?? 0)).Bold is not null;

    public void Dispose() => _document.Dispose();
}
