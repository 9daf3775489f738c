using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clientele.Features.Imports;
using Clientele.Tests.Imports.Engine;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Clientele.Tests.Imports.Mapping.RecordImportHarness;

namespace Clientele.Tests.Imports;

/// <summary>
/// The monthly 1C export imported again and again over HTTP: the same documents count once, a changed document is
/// updated in place and its import's rollback puts the old values back, and a file with a reused number or a line
/// without a price is refused row by row with nothing written. On both providers: matching compares decimals and dates
/// the providers store differently.
/// </summary>
public abstract class ReimportTests(AppFixture fixture) : ApiTest(fixture)
{
    static ReimportTests() =>
        Environment.SetEnvironmentVariable(ImportUploads.FolderVariable, Path.Combine(Path.GetTempPath(), "clientele-test-uploads"));

    private async Task<JsonElement> UploadAsync(string csv, string query = "") =>
        await JsonAsync(await Http.PostAsync("/api/v1/imports?kind=purchases&fileName=sales.csv" + query,
            new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }), HttpStatusCode.Created);

    /// <summary>Runs a checked upload in the background runner and waits for its end (the job's status, not a clock).</summary>
    private async Task<long> ImportAsync(JsonElement checkedUpload)
    {
        var id = checkedUpload.GetProperty("jobId").GetInt64();
        await JsonAsync(await PostAsync($"/api/v1/imports/{id}/run", new { }), HttpStatusCode.Accepted);
        var until = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var job = await GetJsonAsync($"/api/v1/imports/{id}");
            var status = job.GetProperty("status").GetString();
            if (status is not ("Queued" or "Running"))
            {
                Assert.Equal("Completed", status);
                return id;
            }
            Assert.True(DateTime.UtcNow < until, $"import {id} still {status} after 90 s");
            await Task.Delay(100);
        }
    }

    private Task<decimal> RevenueAsync(long clientId) =>
        App.ReadAsync(db => db.ClientFigures.Where(f => f.ClientId == clientId).Select(f => f.Revenue).SingleAsync());

    private Task<List<(string Number, decimal Total, DateOnly? PaidOn)>> PurchasesAsync(long clientId) => App.ReadAsync(async db =>
        (await db.Purchases.AsNoTracking().Where(p => p.ClientId == clientId).OrderBy(p => p.Number).Select(p => new { p.Number, p.Total, p.PaidOn }).ToListAsync())
            .Select(p => (p.Number!, p.Total, p.PaidOn)).ToList());

    private static (long Line, string Action, string? Field, string? Reason)[] Rows(JsonElement report) =>
        [.. report.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("line").GetInt64(), r.GetProperty("action").GetString()!,
            r.GetProperty("field").GetString(), r.GetProperty("reason").GetString())).OrderBy(r => r.Item1)];

    [Fact]
    public async Task The_same_export_counts_once_a_changed_document_is_updated_and_its_rollback_restores_the_old_values()
    {
        var inn = Inn();
        var client = Id(await CreateClientAsync(Unique("Реимпорт "), new { taxId = inn }));
        var january = $"""
            Номер;Дата;ИНН;Сумма;Дата оплаты
            R-1;15.01.2025;{inn};1000,50;20.01.2025
            R-2;16.01.2025;{inn};500;

            """;
        var first = await UploadAsync(january);
        Assert.Equal((2, 0, 0), (first.GetProperty("create").GetInt32(), first.GetProperty("update").GetInt32(), first.GetProperty("unchanged").GetInt32()));
        await ImportAsync(first);
        Assert.Equal(1500.50m, await RevenueAsync(client));

        // The same export again: nothing new, nothing changed, the revenue as it was.
        var again = await UploadAsync(january);
        Assert.Equal((0, 0, 2, 0), (again.GetProperty("create").GetInt32(), again.GetProperty("update").GetInt32(),
            again.GetProperty("unchanged").GetInt32(), again.GetProperty("reject").GetInt32()));
        Assert.All(Rows(again), r => Assert.Equal("Skip", r.Action));
        await ImportAsync(again);
        Assert.Equal(1500.50m, await RevenueAsync(client));
        Assert.Equal(2, (await PurchasesAsync(client)).Count);

        // The next export: R-1's total and paid date corrected, R-2 as it was.
        var corrected = await UploadAsync($"""
            Номер;Дата;ИНН;Сумма;Дата оплаты
            R-1;15.01.2025;{inn};1200;25.01.2025
            R-2;16.01.2025;{inn};500,00;

            """);
        Assert.Equal((0, 1, 1), (corrected.GetProperty("create").GetInt32(), corrected.GetProperty("update").GetInt32(), corrected.GetProperty("unchanged").GetInt32()));
        var update = Assert.Single(Rows(corrected), r => r.Action == "Update");
        Assert.Equal((2L, "changed: total, paid_on"), (update.Line, update.Reason));
        Assert.Equal(1500.50m, await RevenueAsync(client));
        var correctedJob = await ImportAsync(corrected);
        Assert.Equal(1700m, await RevenueAsync(client));
        Assert.Equal([("R-1", 1200m, new DateOnly(2025, 1, 25)), ("R-2", 500m, null)], await PurchasesAsync(client));

        // A row without a number that the base already has (same client, day and total) is reported, not added.
        var unnumbered = await UploadAsync($"""
            Дата;ИНН;Сумма
            16.01.2025;{inn};500
            17.01.2025;{inn};70

            """);
        Assert.Equal((1, 1), (unnumbered.GetProperty("create").GetInt32(), unnumbered.GetProperty("review").GetInt32()));
        Assert.Equal((2L, "Review"), Rows(unnumbered).Select(r => (r.Line, r.Action)).Single());

        var rolledBack = await JsonAsync(await PostAsync($"/api/v1/imports/{correctedJob}/rollback", new { }));
        Assert.Equal("RolledBack", rolledBack.GetProperty("status").GetString());
        Assert.Equal(1500.50m, await RevenueAsync(client));
        Assert.Equal([("R-1", 1000.50m, new DateOnly(2025, 1, 20)), ("R-2", 500m, null)], await PurchasesAsync(client));
    }

    [Fact]
    public async Task A_number_reused_for_another_client_and_a_line_without_a_price_are_named_and_nothing_is_written()
    {
        var (innA, innB) = (Inn(), Inn());
        var a = Id(await CreateClientAsync(Unique("Альфа "), new { taxId = innA }));
        var b = Id(await CreateClientAsync(Unique("Бета "), new { taxId = innB }));
        var bad = await UploadAsync($"""
            Номер;Дата;ИНН;Товар;Кол-во;Цена
            B-1;15.01.2025;{innA};Widget;1;100
            B-2;15.01.2025;{innB};Widget;1;100
            B-1;16.01.2025;{innB};Widget;2;50
            B-3;17.01.2025;{innA};Widget;1;

            """);
        Assert.Equal((2, 2), (bad.GetProperty("create").GetInt32(), bad.GetProperty("reject").GetInt32()));
        var rows = Rows(bad);
        Assert.Equal([(4L, "Reject", "number", "number B-1 is used for another client on line 2"), (5L, "Reject", "price", "is required.")], rows);
        var id = bad.GetProperty("jobId").GetInt64();
        var before = await ImportKit.SnapshotAsync(App);

        var refused = await AssertProblemAsync(await PostAsync($"/api/v1/imports/{id}/run", new { skipInvalid = false }), HttpStatusCode.Conflict);
        Assert.Contains("rejected", refused.GetProperty("title").GetString());
        Assert.Equal(before, await ImportKit.SnapshotAsync(App));
        Assert.Equal(0, await App.ReadAsync(db => db.Purchases.CountAsync(p => p.ClientId == a || p.ClientId == b)));
    }

    [Fact]
    public async Task A_1C_sales_report_finds_clients_by_code_first_and_documents_by_the_number_in_their_presentation()
    {
        var code = Unique("К-");
        var innOther = Inn();
        var byCode = Id(await CreateClientAsync(Unique("По коду "), new { externalCode = code }));
        var byInn = Id(await CreateClientAsync(Unique("По ИНН "), new { taxId = innOther }));
        var number = Unique("00УТ-");
        var report = await UploadAsync($"""
            Регистратор;Период;Код контрагента;ИНН/КПП;Контрагент;Номенклатура;Количество;Цена
            Реализация товаров и услуг {number}1 от 15.01.2025 12:00:00;15.01.2025;{code};{innOther}/773601001;Неважно;Widget;2;100
            Реализация товаров и услуг {number}1 от 15.01.2025 12:00:00;15.01.2025;{code};{innOther}/773601001;Неважно;Gadget;1;50
            Реализация товаров и услуг {number}2 от 16.01.2025 10:00:00;16.01.2025;;{innOther}/773601001;Другой;Widget;1;100

            """, "&preset=1c-sales");
        Assert.Equal((3, 0), (report.GetProperty("create").GetInt32(), report.GetProperty("reject").GetInt32()));
        Assert.Equal("client_code", report.GetProperty("map").GetProperty("Код контрагента").GetString());
        await ImportAsync(report);
        var stored = await App.ReadAsync(async db => await db.Purchases.AsNoTracking().Where(p => p.Number!.StartsWith(number))
            .OrderBy(p => p.Number).Select(p => new { p.Number, p.ClientId, p.Total, Lines = p.Lines.Count }).ToListAsync());
        Assert.Equal([(number + "1", byCode, 250m, 2), (number + "2", byInn, 100m, 1)], stored.Select(p => (p.Number!, p.ClientId, p.Total, p.Lines)));
    }
}

public sealed class ReimportTestsOnSqlite(SqliteApp fixture) : ReimportTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class ReimportTestsOnPostgres(PostgresApp fixture) : ReimportTests(fixture), IClassFixture<PostgresApp>;
