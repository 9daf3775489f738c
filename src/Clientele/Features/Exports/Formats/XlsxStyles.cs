using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Clientele.Features.Exports.Formats;

/// <summary>The workbook's few cell styles; a cell names one by its index into <c>cellXfs</c>.</summary>
internal static class XlsxStyles
{
    public const uint General = 0, Integer = 1, Decimal = 2, Percent = 3, Date = 4, DateTime = 5;
    public const uint Header = 12, WrappedText = 13, QuotedText = 14;

    // Ids below 164 are Excel's built-in formats, which every reader knows: 3 is "#,##0", 4 is "#,##0.00".
    // The codes are written in the file's invariant syntax; Excel and LibreOffice show them with the reader's
    // own separators.
    private const uint PercentFormat = 164, DateFormat = 165, DateTimeFormat = 166;

    // The number format of each value style, in the order of the constants above; the styles of a totals row
    // follow them, the same formats bold under a rule.
    private static readonly uint[] NumberFormats = [0, 3, 4, PercentFormat, DateFormat, DateTimeFormat];

    /// <summary>The bold, ruled variant of a value style, for a totals row.</summary>
    public static uint Total(uint style) => style < NumberFormats.Length ? style + (uint)NumberFormats.Length : style;

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
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(Rule()) { Style = BorderStyleValues.Thin }, new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(Rule()) { Style = BorderStyleValues.Thin }, new BottomBorder(), new DiagonalBorder())) { Count = 3 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
        [
            .. NumberFormats.Select(f => Format(f, font: 0, border: 0)),
            .. NumberFormats.Select(f => Format(f, font: 1, border: 2)),
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true },
            // Text with line breaks shows all its lines only when wrapped; else a reader shows one line of it.
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
            {
                NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true,
            },
            // Text that looks like a formula (FormulaGuard): an inline string is never evaluated as it is, and the quote
            // prefix keeps it text when a reader edits the cell and presses Enter. Wrapped, as it may have lines.
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
            {
                NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true, QuotePrefix = true,
            },
        ]) { Count = (uint)(2 * NumberFormats.Length + 3) },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static Color Rule() => new() { Rgb = "FF808080" };

    private static CellFormat Format(uint numberFormat, uint font, uint border) => new()
    {
        NumberFormatId = numberFormat, FontId = font, FillId = 0, BorderId = border, FormatId = 0,
        ApplyNumberFormat = numberFormat != 0 ? BooleanValue.FromBoolean(true) : null,
        ApplyFont = font != 0 ? BooleanValue.FromBoolean(true) : null,
        ApplyBorder = border != 0 ? BooleanValue.FromBoolean(true) : null,
    };
}
