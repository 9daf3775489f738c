using System.Globalization;
using Clientele.Features.Imports.Reading;
using Clientele.Infrastructure.Validation;

namespace Clientele.Tests.Imports.Reading;

/// <summary>Amounts, dates and yes/no as people type them in Russian, German and English spreadsheets.</summary>
public sealed class ImportValuesTests
{
    [Theory]
    [InlineData("1 234,56 ₽", "1234.56", "RUB")]
    [InlineData("1.234,56 €", "1234.56", "EUR")]
    [InlineData("1,234.56", "1234.56", null)]
    [InlineData("$1,234.56", "1234.56", "USD")]
    [InlineData("1234.56", "1234.56", null)]
    [InlineData("-1 234", "-1234", null)]
    [InlineData("1 234 руб.", "1234", "RUB")]
    [InlineData("500 р.", "500", "RUB")]
    [InlineData("100р", "100", "RUB")]
    [InlineData("1234 RUB", "1234", "RUB")]
    [InlineData("EUR 12,50", "12.50", "EUR")]
    [InlineData("1\u00A0234,56", "1234.56", null)]
    [InlineData("1\u202F234,56 €", "1234.56", "EUR")]
    [InlineData("1'234.50 CHF", "1234.50", "CHF")]
    [InlineData("Fr. 12.50", "12.50", "CHF")]
    [InlineData("(1 234,56)", "-1234.56", null)]
    [InlineData("-$5.00", "-5.00", "USD")]
    [InlineData("1.234", "1234", null)]
    [InlineData("1,234", "1234", null)]
    [InlineData("0,125", "0.125", null)]
    [InlineData("1 234,567", "1234.567", null)]
    [InlineData("1,5", "1.5", null)]
    [InlineData("1.234.567,89", "1234567.89", null)]
    [InlineData("1,234,567", "1234567", null)]
    public void Amounts_parse_as_written(string text, string expected, string? currency)
    {
        Assert.True(ImportValues.TryParseAmount(text, out var amount, out var code, out var error), error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
        Assert.Equal(currency, code);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("abc", "'abc' is not an amount")]
    [InlineData("12 34", "'12 34' is not an amount")]
    [InlineData("1.2.3", "'1.2.3' is not an amount")]
    [InlineData("€", "'€' is not an amount")]
    [InlineData("", "the amount is empty")]
    [InlineData("$ 5 €", "'$ 5 €' names two currencies (USD and EUR)")]
    public void Bad_amounts_say_why(string text, string message)
    {
        Assert.False(ImportValues.TryParseAmount(text, out _, out _, out var error));
        Assert.Equal(message, English(error));
    }

    [Theory]
    [InlineData("05.03.2025", 2025, 3, 5)]
    [InlineData("5.3.25", 2025, 3, 5)]
    [InlineData("2025-03-05", 2025, 3, 5)]
    [InlineData("05/03/2025", 2025, 3, 5)]
    [InlineData("05-03-2025", 2025, 3, 5)]
    [InlineData("5 марта 2025", 2025, 3, 5)]
    [InlineData("5 марта 2025 г.", 2025, 3, 5)]
    [InlineData("1 мая 2024", 2024, 5, 1)]
    [InlineData("5. März 2025", 2025, 3, 5)]
    [InlineData("5. Dez. 2025", 2025, 12, 5)]
    [InlineData("March 5, 2025", 2025, 3, 5)]
    [InlineData("2025-03-05T14:30:00Z", 2025, 3, 5)]
    [InlineData("05.03.2025 14:30", 2025, 3, 5)]
    [InlineData("45721", 2025, 3, 5)]
    [InlineData("29.02.2024", 2024, 2, 29)]
    public void Dates_parse_as_written(string text, int year, int month, int day)
    {
        Assert.True(ImportValues.TryParseDate(text, out var date, out var error), error);
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("31.02.2025", "31.02.2025 is not a date: February 2025 has 28 days")]
    [InlineData("29.02.2025", "29.02.2025 is not a date: February 2025 has 28 days")]
    [InlineData("31.04.2025", "31.04.2025 is not a date: April 2025 has 30 days")]
    [InlineData("01.13.2025", "01.13.2025 is not a date: there is no month 13")]
    [InlineData("5 мартобря 2025", "'5 мартобря 2025' is not a date: 'мартобря' is not a month")]
    [InlineData("12345", "'12345' is not a date (write it as dd.MM.yyyy or yyyy-MM-dd)")]
    [InlineData("yesterday", "'yesterday' is not a date (write it as dd.MM.yyyy or yyyy-MM-dd)")]
    public void Impossible_dates_say_why(string text, string message)
    {
        Assert.False(ImportValues.TryParseDate(text, out _, out var error));
        Assert.Equal(message, English(error));
    }

    [Fact]
    public void Date_times_keep_their_time_and_offset_and_without_one_are_the_company_wall_clock()
    {
        Assert.True(ImportValues.TryParseDateTime("05.03.2025 14:30", out var local, out _));
        Assert.Equal((new DateTime(2025, 3, 5, 14, 30, 0), DateTimeKind.Unspecified), (local, local.Kind));
        Assert.True(ImportValues.TryParseDateTime("2025-03-05T14:30:15+03:00", out var moscow, out _));
        Assert.Equal((new DateTime(2025, 3, 5, 11, 30, 15), DateTimeKind.Utc), (moscow, moscow.Kind));
        Assert.True(ImportValues.TryParseDateTime("2025-03-05T14:30:15Z", out var utc, out _));
        Assert.Equal((new DateTime(2025, 3, 5, 14, 30, 15), DateTimeKind.Utc), (utc, utc.Kind));
        Assert.True(ImportValues.TryParseDateTime("45721.5", out var serial, out _));
        Assert.Equal((new DateTime(2025, 3, 5, 12, 0, 0), DateTimeKind.Unspecified), (serial, serial.Kind));
        Assert.True(ImportValues.TryParseDateTime("2025-03-05", out var midnight, out _));
        Assert.Equal(DateTimeKind.Unspecified, midnight.Kind);
        Assert.False(ImportValues.TryParseDateTime("2025-03-05 25:00", out _, out var error));
        Assert.Equal("'2025-03-05 25:00' has a date but '25:00' is not a time of day", English(error));
    }

    [Theory]
    [InlineData("да", true)]
    [InlineData("Нет", false)]
    [InlineData("ja", true)]
    [InlineData("NEIN", false)]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("x", true)]
    [InlineData("", false)]
    public void Booleans_in_three_languages(string text, bool expected)
    {
        Assert.True(ImportValues.TryParseBool(text, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void A_word_that_is_no_boolean_says_so()
    {
        Assert.False(ImportValues.TryParseBool("vielleicht", out _, out var error));
        Assert.Equal("'vielleicht' is not yes or no (да/нет, ja/nein, yes/no, 1/0, x)", English(error));
    }

    [Fact]
    public void A_bad_date_is_a_kind_a_german_reader_reads_in_german()
    {
        Assert.False(ImportValues.TryParseDate("31.02.2025", out _, out var error));
        var said = Message.Parse(error)!;
        Assert.Equal("31.02.2025 ist kein Datum: Februar 2025 hat 28 Tage", said.Render(CultureInfo.GetCultureInfo("de")));
        Assert.Equal("31.02.2025 — не дата: число дней в месяце «Февраль 2025» — 28", said.Render(CultureInfo.GetCultureInfo("ru")));
    }

    /// <summary>A refusal the readers store as a kind (ADR 028), as an English reader reads it.</summary>
    private static string? English(string? error) => error is null ? null : Message.Parse(error)!.Render(CultureInfo.GetCultureInfo("en"));
}
