using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Clientele.Infrastructure.Export;

/// <summary>The workbook's few cell styles; a cell names one by its index into <c>cellXfs</c>.</summary>
internal static class XlsxStyles
{
    public const uint General = 0, Header = 1, Integer = 2, Decimal = 3, Percent = 4, Date = 5, DateTime = 6;

    // Ids below 164 are Excel's built-in formats, which every reader knows: 3 is "#,##0", 4 is "#,##0.00".
    // The codes are written in the file's invariant syntax; Excel and LibreOffice show them with the reader's
    // own separators.
    private const uint PercentFormat = 164, DateFormat = 165, DateTimeFormat = 166;

    public static uint For(ExportType type) => type switch
    {
        ExportType.Integer => Integer,
        ExportType.Decimal or ExportType.Money => Decimal,
        ExportType.Percent => Percent,
        ExportType.Date => Date,
        ExportType.DateTime => DateTime,
        _ => General,
    };

    public static Stylesheet Build() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = PercentFormat, FormatCode = "0.0%" },
            new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = DateTimeFormat, FormatCode = "yyyy-mm-dd hh:mm" }) { Count = 3 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        // Excel insists on the first two fills being "none" and "gray125", whatever the workbook uses.
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(),
                new BottomBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin }, new DiagonalBorder())) { Count = 2 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            Format(0),
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true },
            Format(3),
            Format(4),
            Format(PercentFormat),
            Format(DateFormat),
            Format(DateTimeFormat)) { Count = 7 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static CellFormat Format(uint numberFormat) => new()
    {
        NumberFormatId = numberFormat, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0,
        ApplyNumberFormat = numberFormat != 0 ? BooleanValue.FromBoolean(true) : null,
    };
}
