using System.Globalization;
using System.Net;
using System.Text;
using Clientele.Analytics.Calendar;
using Clientele.Data;
using Clientele.Features.Clients;
using Clientele.Features.Company;
using Clientele.Features.Imports;
using Clientele.Features.LostClients;
using Clientele.Infrastructure.Validation;
using Clientele.Tests.Clients;
using Clientele.Tests.Imports.Engine;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using static Clientele.Tests.Imports.Mapping.RecordImportHarness;

namespace Clientele.Tests.Imports.Records;

/// <summary>
/// The purchase import's set-wise path (ADR 020): rows read and checked a chunk at a time, new records written below EF,
/// many clients refreshed together. What it writes must be what the API and the client-by-client refresh would write.
/// </summary>
public abstract class BulkRecordImportTests(AppFixture fixture) : ApiTest(fixture)
{
    private static DateTime Today => DateTime.UtcNow.Date;
    private static string Dotted(DateTime day) => day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Purchases_of_many_clients_leave_the_derived_rows_a_rebuild_gives_and_win_a_lost_client_back()
    {
        var inns = Enumerable.Range(0, 4).Select(_ => Inn()).ToArray();
        var clients = new List<long>();
        foreach (var inn in inns) clients.Add(Id(await CreateClientAsync(Unique("Bulk buyer "), new { taxId = inn })));
        await JsonAsync(await PostAsync($"/api/v1/clients/{clients[0]}/lost",
            new { reasonCode = "price", lostOn = Today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));

        var rows = new List<string>();
        for (var i = 0; i < 40; i++) rows.Add($"{Dotted(Today.AddDays(-200 + i * 5))};{inns[i % inns.Length]};{100 + i},50;RUB");
        var job = await ImportKit.CreateJobAsync(App, ImportKit.WriteCsv(["Дата;ИНН;Сумма;Валюта", .. rows]), new ImportOptions(ImportKind.Purchases));
        var done = await ImportKit.RunAsync(App, job.Id);

        Assert.Equal(40L, done.RowsCreated);
        Assert.Equal(ClientStatus.Active, await App.ReadAsync(db => db.Clients.Where(c => c.Id == clients[0]).Select(c => c.Status).SingleAsync()));
        Assert.NotNull(await App.ReadAsync(db => db.Set<ClientLoss>().Where(l => l.ClientId == clients[0]).Select(l => l.WonBackOn).SingleAsync()));
        Assert.Equal([10, 10, 10, 10], await App.ReadAsync(db => db.Clients.Where(c => clients.Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.PurchaseCount).ToListAsync()));
        await DerivedRows.AssertEqualToRebuildAsync(App, "a purchase import of many clients");

        await App.ReadAsync(db => ImportJobs.RollbackAsync(db, job.Id, default));
        Assert.Equal(0, await App.ReadAsync(db => db.Purchases.CountAsync(p => clients.Contains(p.ClientId))));
        await DerivedRows.AssertEqualToRebuildAsync(App, "the rollback of a purchase import of many clients");
    }

    [Fact]
    public async Task An_imported_purchase_is_stored_in_the_form_the_api_stores_it()
    {
        var inn = Inn();
        var client = Id(await CreateClientAsync(Unique("Form buyer "), new { taxId = inn }));
        var typed = Id(await JsonAsync(await PostAsync("/api/v1/purchases", new
        {
            clientId = client, date = "2025-03-04T00:00:00Z", currency = "RUB", discount = 10.5m, paidOn = "2025-03-05", number = "F-1",
            lines = new[] { new { description = "Widget", quantity = 2.5m, price = 100.10m } },
        }), HttpStatusCode.Created));
        var csv = ImportKit.WriteCsv("Номер;Дата;ИНН;Товар;Кол-во;Цена;Скидка;Дата оплаты;Валюта",
            $"F-2;04.03.2025;{inn};Widget;2,5;100,10;10,50;05.03.2025;RUB");
        var job = await ImportKit.CreateJobAsync(App, csv, new ImportOptions(ImportKind.Purchases));
        Assert.Equal(1L, (await ImportKit.RunAsync(App, job.Id)).RowsCreated);
        var imported = await App.ReadAsync(db => db.Purchases.Where(p => p.Number == "F-2" && p.ClientId == client).Select(p => p.Id).SingleAsync());

        // Every column as the database holds it (text); moments by their shape: the stamps were taken at different times,
        // and a day in the file is the company's day.
        var (a, b) = (await StoredAsync("Purchases", "Id", typed), await StoredAsync("Purchases", "Id", imported));
        Assert.Equal(Without(a, "Id", "Number"), Without(b, "Id", "Number"));
        var (lineA, lineB) = (await StoredAsync("PurchaseLines", "PurchaseId", typed), await StoredAsync("PurchaseLines", "PurchaseId", imported));
        Assert.Equal(Without(lineA, "Id", "PurchaseId"), Without(lineB, "Id", "PurchaseId"));
        Assert.Equal((typed + "", imported + ""), (lineA["PurchaseId"], lineB["PurchaseId"]));
    }

    [Fact]
    public async Task A_purchase_whose_lines_straddle_two_chunks_of_rows_is_one_purchase()
    {
        var inn = Inn();
        var client = Id(await CreateClientAsync(Unique("Chunk buyer "), new { taxId = inn }));
        // 2,000 rows make a chunk: the last document's two lines are rows 2,000 and 2,001.
        var rows = new List<string>();
        for (var i = 1; i < 2_000; i++) rows.Add($"C-{i};{Dotted(Today.AddDays(-(i % 300) - 1))};{inn};Widget;1;10");
        rows.Add($"C-last;{Dotted(Today.AddDays(-1))};{inn};Widget;1;10");
        rows.Add($"C-last;{Dotted(Today.AddDays(-1))};{inn};Gadget;2;5");
        var job = await ImportKit.CreateJobAsync(App, ImportKit.WriteCsv(["Номер;Дата;ИНН;Товар;Кол-во;Цена", .. rows]), new ImportOptions(ImportKind.Purchases));
        var done = await ImportKit.RunAsync(App, job.Id);

        Assert.Equal((2_001L, 0L), (done.RowsCreated, done.RowsRejected));
        var last = await App.ReadAsync(db => db.Purchases.Where(p => p.ClientId == client && p.Number == "C-last")
            .Select(p => new { p.Total, Lines = p.Lines.Count }).SingleAsync());
        Assert.Equal((20m, 2), (last.Total, last.Lines));
        Assert.Equal(2_000, await App.ReadAsync(db => db.Clients.Where(c => c.Id == client).Select(c => c.PurchaseCount).SingleAsync()));
        Assert.Equal(2_000, await App.ReadAsync(db => db.Set<Features.Imports.Records.ImportCreatedRecord>().CountAsync(r => r.JobId == job.Id)));
    }

    [Fact]
    public async Task A_file_time_without_an_offset_is_the_company_wall_clock_and_counts_in_the_company_month()
    {
        var zoneBefore = await App.ReadAsync(db => db.Set<CompanySettings>().Select(s => s.TimeZone).SingleAsync());
        Assert.Empty((await ChangeZoneAsync("Europe/Moscow")).ToDictionary());
        try
        {
            var inn = Inn();
            var client = Id(await CreateClientAsync(Unique("Moscow buyer "), new { taxId = inn }));
            // 23:30 in Moscow on 31 January is 20:30 UTC; 00:30 on 1 February (a date alone: its first moment too) is still
            // 31 January in UTC, where the import used to count it.
            var csv = ImportKit.WriteCsv("Номер;Дата;ИНН;Сумма;Валюта",
                $"TZ-1;31.01.2025 23:30;{inn};100;RUB", $"TZ-2;01.02.2025 00:30;{inn};1000;RUB", $"TZ-3;01.02.2025;{inn};10000;RUB",
                $"TZ-4;2025-01-31T23:30:00Z;{inn};5;RUB");
            var job = await ImportKit.CreateJobAsync(App, csv, new ImportOptions(ImportKind.Purchases));
            Assert.Equal(4L, (await ImportKit.RunAsync(App, job.Id)).RowsCreated);

            var stored = await App.ReadAsync(db => db.Purchases.Where(p => p.ClientId == client).OrderBy(p => p.Number).Select(p => p.Date).ToListAsync());
            Assert.Equal([new DateTime(2025, 1, 31, 20, 30, 0), new DateTime(2025, 1, 31, 21, 30, 0), new DateTime(2025, 1, 31, 21, 0, 0), new DateTime(2025, 1, 31, 23, 30, 0)], stored);
            var months = await App.ReadAsync(db => db.ClientMonthFigures.Where(m => m.ClientId == client).OrderBy(m => m.Month)
                .Select(m => new { m.Month, m.Revenue }).ToListAsync());
            // The moment given in UTC (23:30Z) is 02:30 on 1 February in Moscow.
            Assert.Equal([(MonthIndex.Of(2025, 1), 100m), (MonthIndex.Of(2025, 2), 11_005m)], months.Select(m => (m.Month, m.Revenue)));
        }
        finally
        {
            Assert.Empty((await ChangeZoneAsync(zoneBefore)).ToDictionary());
        }
    }

    [Fact]
    public async Task A_german_reader_reads_a_bad_rows_reason_in_german_and_the_check_writes_nothing()
    {
        var inn = Inn();
        await CreateClientAsync(Unique("Reason buyer "), new { taxId = inn });
        var csv = ImportKit.WriteCsv("Номер;Дата;ИНН;Товар;Кол-во;Цена", $"R-1;31.02.2025;{inn};Widget;1;10", $"R-2;01.02.2025;{inn};Widget;1;",
            $"R-3;01.02.2025;{inn};Widget;1;zehn");
        var job = await ImportKit.CreateJobAsync(App, csv, new ImportOptions(ImportKind.Purchases));
        var before = await ImportKit.SnapshotAsync(App);
        var report = await ImportKit.DryRunAsync(App, job.Id);
        Assert.Equal(before, await ImportKit.SnapshotAsync(App));

        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de");
        try
        {
            var reasons = ImportReasonText.InReadersLanguage(report).Rows.Where(r => r.Action == ImportRowAction.Reject).ToDictionary(r => r.Line, r => r.Reason);
            Assert.Equal("31.02.2025 ist kein Datum: Februar 2025 hat 28 Tage", reasons[2]);
            Assert.Equal("ist erforderlich.", reasons[3]);
            Assert.Equal("„zehn“ ist kein Betrag", reasons[4]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private async Task<Errors> ChangeZoneAsync(string zone)
    {
        await using var scope = App.Services.CreateSystemScope();
        var services = scope.ServiceProvider;
        return await CompanyTimeZone.ChangeAsync(services.GetRequiredService<ClienteleDb>(), zone, services.GetRequiredService<IStringLocalizer<CompanyText>>());
    }

    private static Dictionary<string, string?> Without(Dictionary<string, string?> row, params string[] columns) =>
        row.Where(c => !columns.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Key is "CreatedAt" or "UpdatedAt" or "Date" ? Shape(c.Value) : c.Value);

    // PostgreSQL's text of a timestamp drops trailing zeros of the fraction (".12345" for ".123450"): the shape leaves the
    // fraction out, or one stamp in ten would differ from the other by its length alone.
    private static string? Shape(string? value) =>
        value is null ? null : new string([.. System.Text.RegularExpressions.Regex.Replace(value, @"\.\d+", "").Select(ch => char.IsAsciiDigit(ch) ? '0' : ch)]);

    /// <summary>One row of <paramref name="table"/> with each column cast to text by the database.</summary>
    private Task<Dictionary<string, string?>> StoredAsync(string table, string keyColumn, long key) => App.ReadAsync(async db =>
    {
        var columns = db.Model.GetEntityTypes().Single(t => t.GetTableName() == table).GetProperties().Select(p => p.GetColumnName()).ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        var select = new StringBuilder("SELECT ");
        select.AppendJoin(", ", columns.Select(c => $"CAST(\"{c}\" AS TEXT)"));
        select.Append(CultureInfo.InvariantCulture, $" FROM \"{table}\" WHERE \"{keyColumn}\" = {key}");
        command.CommandText = select.ToString();
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return columns.Select((c, i) => (c, reader.IsDBNull(i) ? null : reader.GetString(i))).ToDictionary(x => x.c, x => x.Item2);
    });
}

public sealed class BulkRecordImportTestsOnSqlite(SqliteApp fixture) : BulkRecordImportTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class BulkRecordImportTestsOnPostgres(PostgresApp fixture) : BulkRecordImportTests(fixture), IClassFixture<PostgresApp>;
