using System.Globalization;
using System.Text;
using Clientele.Features.Exports.Formats;

namespace Clientele.Tests.Exports.Formats;

public sealed class CsvExportTests
{
    private static readonly ExportColumn[] Columns =
    [
        new("Клиент", ExportType.Text),
        new("Покупок", ExportType.Integer),
        new("Выручка", ExportType.Money),
        new("Доля", ExportType.Percent),
        new("Дата", ExportType.Date),
        new("Изменён", ExportType.DateTime),
    ];

    private static byte[] Bytes(CultureInfo culture, params object?[][] rows)
    {
        var output = new WriteOnlyStream();
        CsvExport.Write(output, new ExportTable("Clients", Columns, rows), culture);
        return output.ToArray();
    }

    private static string[] Lines(string culture, params object?[][] rows)
    {
        var text = Encoding.UTF8.GetString(Bytes(CultureInfo.GetCultureInfo(culture), rows).AsSpan(3));
        Assert.EndsWith("\r\n", text);
        return text[..^2].Split("\r\n");
    }

    [Fact]
    public void Starts_with_the_UTF8_byte_order_mark_so_Excel_reads_Cyrillic()
    {
        var bytes = Bytes(CultureInfo.GetCultureInfo("ru"), ["Ёжик", 1, 1m, 0.5, null, null]);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("Клиент;", Encoding.UTF8.GetString(bytes.AsSpan(3)));
    }

    [Theory]
    [InlineData("ru", "Клиент;Покупок;Выручка;Доля;Дата;Изменён", "ООО Рога;1234567;1234567,50;0,125;01.03.2025;01.03.2025 14:05:09")]
    [InlineData("de", "Клиент;Покупок;Выручка;Доля;Дата;Изменён", "ООО Рога;1234567;1234567,50;0,125;01.03.2025;01.03.2025 14:05:09")]
    [InlineData("en", "Клиент,Покупок,Выручка,Доля,Дата,Изменён", "ООО Рога,1234567,1234567.50,0.125,3/1/2025,3/1/2025 14:05:09")]
    public void Delimiter_decimal_separator_and_dates_follow_the_culture_without_grouping(string culture, string header, string row)
    {
        var lines = Lines(culture, ["ООО Рога", 1234567L, 1234567.50m, 0.125, new DateOnly(2025, 3, 1), new DateTime(2025, 3, 1, 14, 5, 9)]);

        Assert.Equal([header, row], lines);
    }

    [Fact]
    public void Money_has_two_decimals_at_least_whatever_scale_the_value_kept() =>
        Assert.Equal([";;1234,50;;;", ";;0,125;;;", ";;7,00;;;"], Lines("de", [null, null, 1234.5m, null, null, null], [null, null, 0.125m, null, null, null], [null, null, 7m, null, null, null])[1..]);

    [Fact]
    public void Negative_numbers_use_the_ASCII_minus_in_every_culture()
    {
        // Swedish formats a minus as U+2212, which Excel does not read as a number.
        var lines = Lines("sv", [null, -3, -1.5m, -0.25, null, null]);

        Assert.Equal(";-3;-1,50;-0,25;;", lines[1]);
    }

    [Fact]
    public void Fields_with_the_delimiter_quotes_or_line_breaks_are_quoted_and_quotes_doubled()
    {
        var lines = Lines("ru", ["a;b", null, null, null, null, null], ["say \"hi\"", null, null, null, null, null], ["a,b", null, null, null, null, null]);

        Assert.Equal("\"a;b\";;;;;", lines[1]);
        Assert.Equal("\"say \"\"hi\"\"\";;;;;", lines[2]);
        // A comma is no delimiter in a Russian file.
        Assert.Equal("a,b;;;;;", lines[3]);
        Assert.Equal("\"a,b\",,,,,", Lines("en", ["a,b", null, null, null, null, null])[1]);
    }

    [Fact]
    public void An_embedded_newline_stays_inside_its_quoted_field()
    {
        var bytes = Bytes(CultureInfo.GetCultureInfo("en"), ["line 1\nline 2\r\nline 3", 1, null, null, null, null]);

        Assert.Equal("Клиент,Покупок,Выручка,Доля,Дата,Изменён\r\n\"line 1\nline 2\r\nline 3\",1,,,,\r\n", Encoding.UTF8.GetString(bytes.AsSpan(3)));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+7 913 000-00-00", "'+7 913 000-00-00")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=cmd", "'\t=cmd")]
    [InlineData("a=b", "a=b")]
    public void Text_a_spreadsheet_would_run_as_a_formula_gets_an_apostrophe(string text, string written) =>
        Assert.Equal(written, Lines("de", [text, null, null, null, null, null])[1].Split(';')[0]);

    [Fact]
    public void A_guarded_field_that_needs_quotes_has_the_apostrophe_inside_them() =>
        Assert.Equal("\"'=HYPERLINK(\"\"http://evil\"\";\"\"x\"\")\";;;;;", Lines("ru", ["=HYPERLINK(\"http://evil\";\"x\")", null, null, null, null, null])[1]);

    [Fact]
    public void Numbers_are_not_guarded_and_missing_values_are_empty_fields()
    {
        var lines = Lines("en", [null, -5, -2.5m, null, null, null], ["x"]);

        Assert.Equal(",-5,-2.50,,,", lines[1]);
        Assert.Equal("x,,,,,", lines[2]);
    }

    [Fact]
    public void The_output_stream_is_left_open()
    {
        var output = new MemoryStream();

        CsvExport.Write(output, new ExportTable("T", Columns, []), CultureInfo.InvariantCulture);

        Assert.True(output.CanWrite);
    }
}
