using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Clientele.Features.Exports.Formats;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Tests.Exports.Formats;

/// <summary>Exports as downloads through a real ASP.NET Core pipeline, which takes only asynchronous body writes.</summary>
public sealed class ExportResultsTests : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private int _rowsRead;

    public ExportResultsTests()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddProblemDetails();
        _app = builder.Build();
        _app.MapGet("/export", Results<ExportFileResult, ValidationProblem> (string? format, int? rows, bool? fail) =>
            ExportResults.ParseFormat(format) is { } parsed
                ? ExportResults.File(Table(rows ?? 3, fail ?? false), Pivot(), parsed, CultureInfo.GetCultureInfo("ru"), "клиенты", new DateOnly(2026, 11, 23))
                : ExportResults.InvalidFormat(format));
        _app.StartAsync().GetAwaiter().GetResult();
        _http = _app.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    private ExportTable Table(int rows, bool fail) => new("Клиенты",
        [new("Клиент", ExportType.Text), new("Выручка", ExportType.Money)],
        Enumerable.Range(1, rows).Select(i =>
        {
            Interlocked.Increment(ref _rowsRead);
            if (fail && i == rows) throw new InvalidOperationException("The database went away.");
            return new object?[] { $"Клиент {i}", i * 1.5m };
        }));

    private static ExportTable Pivot() => new("Сводная", [new("Итого", ExportType.Money)], [[4.5m]]);

    [Theory]
    [InlineData(null, ExportFormat.Xlsx)]
    [InlineData("", ExportFormat.Xlsx)]
    [InlineData("xlsx", ExportFormat.Xlsx)]
    [InlineData(" XLSX ", ExportFormat.Xlsx)]
    [InlineData("csv", ExportFormat.Csv)]
    [InlineData("Csv", ExportFormat.Csv)]
    public void Formats_are_read_without_regard_to_case(string? value, ExportFormat expected) =>
        Assert.Equal(expected, ExportResults.ParseFormat(value));

    [Theory]
    [InlineData("pdf")]
    [InlineData("xls")]
    [InlineData("xlsx;csv")]
    public void Other_formats_are_refused(string value) => Assert.Null(ExportResults.ParseFormat(value));

    [Fact]
    public async Task An_xlsx_download_has_its_type_a_dated_name_and_both_sheets()
    {
        var response = await _http.GetAsync("/export?format=xlsx&rows=2000");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("клиенты-2026-11-23.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        using var book = Workbook.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Клиенты", "Сводная"], book.SheetNames);
        Assert.Equal("Клиент 2000", book.Text(0, "A2001"));
        Assert.Equal(3000m, decimal.Parse(book.Text(0, "B2001"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_csv_download_is_in_the_users_culture()
    {
        var response = await _http.GetAsync("/export?format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("клиенты-2026-11-23.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("Клиент;Выручка\r\nКлиент 1;1,50\r\nКлиент 2;3,00\r\nКлиент 3;4,50\r\n", Encoding.UTF8.GetString(bytes.AsSpan(3)));
    }

    [Fact]
    public async Task An_unknown_format_is_a_400_problem_naming_the_parameter()
    {
        var response = await _http.GetAsync("/export?format=pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = problem.RootElement.GetProperty("errors").GetProperty("format")[0].GetString();
        Assert.Contains("xlsx or csv", message);
        Assert.Contains("pdf", message);
    }

    [Fact]
    public async Task A_failure_halfway_breaks_the_download_rather_than_ending_it_as_if_complete()
    {
        // Headers are gone by then, so the failure can only show as a broken transfer; a file that simply ends
        // would look like a whole export with fewer rows.
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            var response = await _http.GetAsync("/export?format=csv&rows=50000&fail=true");
            await response.Content.ReadAsByteArrayAsync();
        });
    }

    [Fact]
    public async Task A_client_that_goes_away_stops_the_export()
    {
        using var cancel = new CancellationTokenSource();
        var response = await _http.GetAsync("/export?format=csv&rows=10000000", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        var body = await response.Content.ReadAsStreamAsync(cancel.Token);
        var buffer = new byte[4096];
        Assert.True(await body.ReadAsync(buffer, cancel.Token) > 0);

        await cancel.CancelAsync();
        body.Dispose();
        response.Dispose();

        // The worker stops within a few rows of the abort; left running it would read all ten million.
        var read = Volatile.Read(ref _rowsRead);
        await Task.Delay(500);
        Assert.True(Volatile.Read(ref _rowsRead) - read < 200_000, $"Rows read went from {read} to {_rowsRead} after the client left.");
        Assert.True(Volatile.Read(ref _rowsRead) < 10_000_000);
    }
}
