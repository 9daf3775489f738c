using Clientele.Features.Exports.Formats;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Clientele.Tests.Exports.Formats;

public sealed class XlsxExportTests
{
    private static ExportTable Clients(string title = "Клиенты") => new(title,
    [
        new("Клиент", ExportType.Text),
        new("Покупок", ExportType.Integer),
        new("Выручка", ExportType.Money),
        new("Доля", ExportType.Percent),
        new("Первая покупка", ExportType.Date),
        new("Изменён", ExportType.DateTime),
        new("Средний чек", ExportType.Decimal),
    ],
    [
        ["ООО «Ромашка»", 12, 1234567.5m, 0.125, new DateOnly(2025, 1, 1), new DateTime(2025, 1, 1, 12, 0, 0), 102880.625m],
        ["=HYPERLINK(\"http://x\")", 3L, -10m, 1m, null, new DateTime(2024, 2, 29, 18, 30, 0), null],
    ]);

    [Fact]
    public void Russian_headers_and_text_survive_in_a_bold_header_row()
    {
        using var book = Workbook.Write(Clients());

        Assert.Equal("Клиент", book.Text(0, "A1"));
        Assert.Equal("Первая покупка", book.Text(0, "E1"));
        Assert.Equal("ООО «Ромашка»", book.Text(0, "A2"));
        Assert.True(book.IsBold(book.Cell(0, "A1")));
        Assert.False(book.IsBold(book.Cell(0, "A2")));
    }

    [Fact]
    public void Numbers_are_numeric_cells_with_their_number_formats()
    {
        using var book = Workbook.Write(Clients());

        AssertNumber(book, "B2", "12", "#,##0");
        AssertNumber(book, "B3", "3", "#,##0");
        AssertNumber(book, "C2", "1234567.5", "#,##0.00");
        AssertNumber(book, "C3", "-10", "#,##0.00");
        AssertNumber(book, "D2", "0.125", "0.0%");
        AssertNumber(book, "G2", "102880.625", "#,##0.00");
    }

    [Fact]
    public void Dates_are_serial_numbers_with_a_date_format()
    {
        using var book = Workbook.Write(Clients());

        // Excel counts days from 1899-12-30: 2025-01-01 is day 45658, noon is half a day.
        AssertNumber(book, "E2", "45658", "yyyy-mm-dd");
        AssertNumber(book, "F2", "45658.5", "yyyy-mm-dd hh:mm");
        // 2024-02-29 is 45351; 18:30 is 0.7708333... of a day.
        Assert.Equal(45351.770833, double.Parse(book.Text(0, "F3"), System.Globalization.CultureInfo.InvariantCulture), 6);
    }

    [Fact]
    public void Text_that_looks_like_a_formula_stays_text_and_nulls_leave_no_cell()
    {
        using var book = Workbook.Write(Clients());

        var cell = book.Cell(0, "A3");
        Assert.Equal(CellValues.InlineString, cell.DataType?.Value);
        Assert.Null(cell.CellFormula);
        Assert.Equal("=HYPERLINK(\"http://x\")", book.Text(0, "A3"));
        Assert.DoesNotContain(book.Sheet(0).Descendants<Cell>(), c => c.CellReference == "E3" || c.CellReference == "G3");
    }

    [Fact]
    public void Text_that_looks_like_a_formula_keeps_a_quote_prefix_so_editing_the_cell_does_not_make_it_one_and_numbers_stay_numbers()
    {
        using var book = Workbook.Write(new ExportTable("T", [new("Name", ExportType.Text), new("Amount", ExportType.Money)],
            [["=1+2", -10m], ["+7 916 000", null], ["-minus", null], ["@SUM(A1)", null], ["\t=1", null], ["\r=1", null], ["plain", null]]));

        foreach (var reference in new[] { "A2", "A3", "A4", "A5", "A6", "A7" })
        {
            var cell = book.Cell(0, reference);
            Assert.Equal(CellValues.InlineString, cell.DataType?.Value);
            Assert.Null(cell.CellFormula);
            Assert.True(book.Format(cell).QuotePrefix?.Value, reference);
        }
        Assert.Equal("=1+2", book.Text(0, "A2"));
        Assert.NotEqual(true, book.Format(book.Cell(0, "A8")).QuotePrefix?.Value);
        var amount = book.Cell(0, "B2");
        Assert.Null(amount.DataType);
        Assert.Equal("-10", amount.CellValue?.Text);
        Assert.NotEqual(true, book.Format(amount).QuotePrefix?.Value);
    }

    [Fact]
    public void The_header_is_frozen_filtered_and_the_columns_sized()
    {
        using var book = Workbook.Write(Clients());
        var sheet = book.Sheet(0);

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State?.Value);
        Assert.Equal(1d, pane.VerticalSplit?.Value);
        Assert.Equal("A1:G3", sheet.Descendants<AutoFilter>().Single().Reference?.Value);
        var filterRange = book.Document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single();
        Assert.Equal("_xlnm._FilterDatabase", filterRange.Name?.Value);
        Assert.Equal("'Клиенты'!$A$1:$G$3", filterRange.Text);
        var widths = sheet.Descendants<Column>().Select(c => c.Width!.Value).ToArray();
        Assert.Equal(7, widths.Length);
        Assert.All(widths, w => Assert.InRange(w, 6, 60));
        // "1,234,567.50" is wider than its header "Выручка".
        Assert.True(widths[2] >= 12, $"Revenue column is {widths[2]} wide.");
    }

    [Fact]
    public void A_totals_row_is_bold_keeps_its_number_format_and_stays_out_of_the_filter()
    {
        var table = new ExportTable("Итоги", [new("Менеджер", ExportType.Text), new("Выручка", ExportType.Money)], [["Анна", 1m], ["Борис", 2m], ["Итого", 3m]])
        {
            LastRowIsTotal = true,
        };

        using var book = Workbook.Write(table);

        Assert.False(book.IsBold(book.Cell(0, "B3")));
        Assert.True(book.IsBold(book.Cell(0, "A4")));
        Assert.True(book.IsBold(book.Cell(0, "B4")));
        Assert.Equal("#,##0.00", book.NumberFormat(book.Cell(0, "B4")));
        Assert.Equal("A1:B3", book.Sheet(0).Descendants<AutoFilter>().Single().Reference?.Value);
        Assert.Equal("'Итоги'!$A$1:$B$3", book.Document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single().Text);
    }

    [Fact]
    public void Text_with_line_breaks_is_wrapped_so_every_line_shows()
    {
        var table = new ExportTable("T", [new("Note", ExportType.Text)], [["one line"], ["line 1\nline 2"]]);

        using var book = Workbook.Write(table);

        Assert.NotEqual(true, book.Format(book.Cell(0, "A2")).Alignment?.WrapText?.Value);
        Assert.True(book.Format(book.Cell(0, "A3")).Alignment?.WrapText?.Value);
        Assert.Equal("line 1\nline 2", book.Text(0, "A3"));
        var rows = book.Sheet(0).Descendants<Row>().ToArray();
        Assert.Null(rows[1].Height);
        Assert.Equal(30d, rows[2].Height?.Value);
        Assert.True(rows[2].CustomHeight?.Value);
    }

    [Fact]
    public void With_a_pivot_the_workbook_has_two_sheets_named_after_the_titles()
    {
        var pivot = new ExportTable("Сводная: выручка по месяцам", [new("Менеджер", ExportType.Text), new("2025-01", ExportType.Money)], [["Анна", 10m]]);

        using var book = Workbook.Write(Clients(), pivot);

        Assert.Equal(["Клиенты", "Сводная- выручка по месяцам"], book.SheetNames);
        Assert.Equal("Менеджер", book.Text(1, "A1"));
        Assert.Equal("Анна", book.Text(1, "A2"));
        AssertNumber(book, "B2", "10", "#,##0.00", sheet: 1);
    }

    [Fact]
    public void Without_a_pivot_there_is_one_sheet()
    {
        using var book = Workbook.Write(Clients());

        Assert.Equal(["Клиенты"], book.SheetNames);
    }

    [Fact]
    public void The_file_passes_the_Open_XML_schema_validation()
    {
        var pivot = new ExportTable("Pivot", [new("Manager", ExportType.Text), new("Total", ExportType.Money)], [["Ann", 1m]]);
        using var book = Workbook.Write(Clients(), pivot);

        var errors = new OpenXmlValidator(FileFormatVersions.Office2007).Validate(book.Document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToArray();

        Assert.Empty(errors);
    }

    [Fact]
    public void Characters_XML_cannot_carry_are_dropped_and_overlong_text_is_cut_to_what_Excel_takes()
    {
        var table = new ExportTable("T", [new("Note", ExportType.Text)], [["a\u0001b\u000Bc 😀"], [new string('x', 40000)], ["  padded  "]]);

        using var book = Workbook.Write(table);

        Assert.Equal("abc 😀", book.Text(0, "A2"));
        Assert.Equal(32767, book.Text(0, "A3").Length);
        Assert.Equal("  padded  ", book.Text(0, "A4"));
    }

    [Fact]
    public void A_value_of_another_type_than_its_column_is_written_as_text()
    {
        var table = new ExportTable("T", [new("Amount", ExportType.Money), new("Day", ExportType.Date)], [["n/a", 5m], [new DateOnly(1890, 5, 1), new DateOnly(1890, 5, 1)]]);

        using var book = Workbook.Write(table);

        Assert.Equal(CellValues.InlineString, book.Cell(0, "A2").DataType?.Value);
        Assert.Equal("5", book.Text(0, "B2"));
        Assert.Equal(CellValues.InlineString, book.Cell(0, "B2").DataType?.Value);
        // Before 1900 Excel has no serial number for a date.
        Assert.Equal("1890-05-01", book.Text(0, "B3"));
    }

    [Fact]
    public void A_row_longer_than_the_columns_is_a_bug_and_stops_the_export()
    {
        var table = new ExportTable("T", [new("A", ExportType.Text)], [["a", "b"]]);

        var error = Assert.Throws<InvalidOperationException>(() => XlsxExport.Write(new WriteOnlyStream(), table));
        Assert.Contains("Row 1", error.Message);
    }

    [Fact]
    public void The_output_stream_is_left_open_for_the_caller()
    {
        var output = new MemoryStream();

        XlsxExport.Write(output, Clients());

        Assert.True(output.CanWrite);
        Assert.True(output.Length > 0);
    }

    private static void AssertNumber(Workbook book, string reference, string value, string format, int sheet = 0)
    {
        var cell = book.Cell(sheet, reference);
        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number, $"{reference} is {cell.DataType?.Value}");
        Assert.Equal(value, cell.CellValue?.Text);
        Assert.Equal(format, book.NumberFormat(cell));
    }
}
