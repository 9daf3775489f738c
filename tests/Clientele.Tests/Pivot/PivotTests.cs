using System.Globalization;
using System.Net;
using System.Text.Json;
using Clientele.Tests.Exports.Formats;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Pivot;

/// <summary>The pivot over a small hand-computed base; its own database, since a pivot sums the whole base.</summary>
public abstract class PivotTests(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly DateTime ThisMonth = new(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime LastMonth = ThisMonth.AddMonths(-1).AddDays(14);
    private static string Label(DateTime d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private async Task SeedAsync()
    {
        var existing = await GetJsonAsync("/api/v1/pivot?rows=role&columns=&measure=purchases");
        if (existing.GetProperty("grandTotal").GetDecimal() > 0) return;
        var dealer = Id(await CreateClientAsync("Pivot dealer", new { role = "Dealer", region = "Nord" }));
        var end = Id(await CreateClientAsync("Pivot end customer", new { role = "EndCustomer", region = "Süd" }));
        var category = Id(await JsonAsync(await PostAsync("/api/v1/product-categories", new { name = Unique("Tools ") }), HttpStatusCode.Created));
        var product = Id(await JsonAsync(await PostAsync("/api/v1/products", new { name = Unique("Drill "), categoryId = category, unitCost = 60m }), HttpStatusCode.Created));
        async Task BuyAsync(long client, DateTime date, object line) =>
            await JsonAsync(await PostAsync("/api/v1/purchases", new { clientId = client, date, currency = "RUB", lines = new[] { line } }), HttpStatusCode.Created);
        await BuyAsync(dealer, ThisMonth, new { productId = product, quantity = 1m, price = 100m });
        await BuyAsync(dealer, LastMonth, new { description = "Service", quantity = 1m, price = 50m, unitCost = 20m });
        await BuyAsync(end, LastMonth, new { description = "Service", quantity = 1m, price = 30m, unitCost = 10m });
    }

    private Task<JsonElement> PivotAsync(string query) =>
        GetJsonAsync($"/api/v1/pivot?{query}&from={Label(LastMonth)}&to={Label(ThisMonth)}");

    private static decimal?[][] Cells(JsonElement pivot) =>
        [.. pivot.GetProperty("cells").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.Null ? (decimal?)null : c.GetDecimal()).ToArray())];

    private static decimal[] Numbers(JsonElement pivot, string name) => [.. pivot.GetProperty(name).EnumerateArray().Select(x => x.GetDecimal())];

    [Fact]
    public async Task Revenue_by_role_and_month_sums_cells_and_totals()
    {
        await SeedAsync();
        var pivot = await PivotAsync("rows=role&columns=month&measure=revenue");

        Assert.Equal([["Dealer"], ["EndCustomer"]], pivot.GetProperty("rowKeys").Deserialize<string[][]>());
        Assert.Equal([[Label(LastMonth)], [Label(ThisMonth)]], pivot.GetProperty("columnKeys").Deserialize<string[][]>());
        Assert.Equal([[50m, 100m], [30m, null]], Cells(pivot));
        Assert.Equal([150m, 30m], Numbers(pivot, "rowTotals"));
        Assert.Equal([80m, 100m], Numbers(pivot, "columnTotals"));
        Assert.Equal(180m, pivot.GetProperty("grandTotal").GetDecimal());
    }

    [Fact]
    public async Task Client_counts_are_distinct_in_every_total()
    {
        await SeedAsync();
        var pivot = await PivotAsync("rows=region&columns=month&measure=clients");

        Assert.Equal([1m, 1m], Numbers(pivot, "rowTotals"));
        Assert.Equal([2m, 1m], Numbers(pivot, "columnTotals"));
        Assert.Equal(2m, pivot.GetProperty("grandTotal").GetDecimal());
    }

    [Fact]
    public async Task Margin_by_product_category_comes_from_the_lines()
    {
        await SeedAsync();
        var pivot = await PivotAsync("rows=category&columns=&measure=margin");

        var rows = pivot.GetProperty("rowKeys").Deserialize<string[][]>()!;
        var cells = Cells(pivot);
        var tools = Array.FindIndex(rows, r => r[0].StartsWith("Tools ", StringComparison.Ordinal));
        var none = Array.FindIndex(rows, r => r[0] == "");
        Assert.Equal(100m - 60m, cells[tools][0]);
        Assert.Equal(50m - 20m + 30m - 10m, cells[none][0]);
    }

    [Theory]
    [InlineData("rows=colour", "rows")]
    [InlineData("rows=role&columns=role", "columns")]
    [InlineData("measure=profit", "measure")]
    [InlineData("from=2026-13", "from")]
    [InlineData("from=2026-11&to=2026-01", "from")]
    [InlineData("rows=role,region,manager,channel", "rows")]
    public async Task Bad_pivot_requests_are_refused_naming_the_field(string query, string field) =>
        await AssertInvalidAsync(await Http.GetAsync($"/api/v1/pivot?{query}"), field);

    [Fact]
    public async Task The_pivot_downloads_as_a_workbook_with_facts_and_pivot_sheets_in_the_users_language()
    {
        await SeedAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/pivot/export?rows=role&columns=month&measure=revenue&from={Label(LastMonth)}&to={Label(ThisMonth)}&format=xlsx");
        request.Headers.AcceptLanguage.ParseAdd("ru");
        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var book = Workbook.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Данные", "Сводная таблица"], book.SheetNames);
        Assert.Equal("Роль", book.Text(1, "A1"));
        Assert.Equal("Дилер", book.Text(1, "A2"));
        Assert.Equal("Сумма", book.Text(1, "A4"));
    }

    [Fact]
    public async Task The_pivot_facts_are_a_client_list_under_export_control_and_a_marketer_who_may_not_see_purchases_gets_the_pivot_alone()
    {
        await SeedAsync();
        var control = new Clientele.Tests.Exports.Control.ExportControlKit(App);
        var path = $"/api/v1/pivot/export?rows=role&columns=month&measure=revenue&from={Label(LastMonth)}&to={Label(ThisMonth)}";
        var clients = await App.ReadAsync(db => db.Purchases.Select(p => p.ClientId).Distinct().ToListAsync());

        // The marketer: the aggregate only, no row per client.
        var marketer = await control.UserAsync(Clientele.Features.Identity.EmployeeRole.Marketer, "Pivot Marketer");
        using (var response = await marketer.Http.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var book = Workbook.Read(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(["Pivot table"], book.SheetNames);
            Assert.Equal("Role", book.Text(0, "A1"));
        }

        // The owner: the facts are a client list, with a canary among them and the clients named on the trail.
        using (var request = new HttpRequestMessage(HttpMethod.Get, path))
        {
            request.Headers.AcceptLanguage.ParseAdd("en");
            using var response = await Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var exportId = Clientele.Tests.Exports.Control.ExportControlKit.FileExportId(response);
            using var book = Workbook.Read(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(["Data", "Pivot table"], book.SheetNames);
            var record = await control.RecordAsync(exportId);
            Assert.Equal(clients.Count, record!.ClientCount);
            Assert.Single(await control.CanariesAsync(exportId));
            var named = await App.ReadAsync(db => db.Set<Clientele.Features.Audit.AuditEntry>().Where(e => e.Action == Clientele.Features.Audit.AuditAction.Exported
                    && e.Detail!.StartsWith(exportId))
                .Join(db.Set<Clientele.Features.Audit.AuditEntryClient>(), e => e.Id, c => c.EntryId, (e, c) => c.ClientId).ToListAsync());
            Assert.Equal(clients.Order(), named.Order());
        }

        // Over the owner's limit, another role's pivot download waits for the owner's approval like any client list.
        await control.SetThresholdAsync(1);
        try
        {
            var analyst = await control.UserAsync(Clientele.Features.Identity.EmployeeRole.Analyst, "Pivot Analyst");
            var held = await AssertProblemAsync(await analyst.Http.GetAsync(path), HttpStatusCode.Forbidden);
            Assert.Equal("awaitingApproval", held.GetProperty("exportStatus").GetString());
        }
        finally
        {
            await control.SetThresholdAsync(Clientele.Features.Exports.Control.ExportSettings.DefaultThreshold);
        }
    }

    [Fact]
    public async Task An_export_in_an_unknown_format_is_refused() =>
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/pivot/export?format=pdf"), "format");

    [Fact]
    public async Task The_analytics_client_list_downloads_as_csv_with_one_row_per_client()
    {
        await SeedAsync();
        var csv = await Http.GetStringAsync("/api/v1/analytics/export/clients?format=csv");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var total = (await GetJsonAsync("/api/v1/analytics/clients?limit=1")).GetProperty("total").GetInt32();
        // The header, one row per client and the export's canary clients (its watermark).
        Assert.Equal(total + 1 + Clientele.Features.Exports.Control.CanaryFactory.CountFor(total), lines.Length);
        Assert.StartsWith("Client id,Name,ABC class", lines[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/api/v1/analytics/export/nonsense")).StatusCode);
    }
}

public sealed class PivotTestsOnSqlite(SqliteApp fixture) : PivotTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-2")]
public sealed class PivotTestsOnPostgres(PostgresApp fixture) : PivotTests(fixture), IClassFixture<PostgresApp>;

/// <summary>The clients grid as a download, with the grid's filters.</summary>
public abstract class ClientsExportTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task The_download_holds_the_filtered_clients_with_translated_headers()
    {
        var word = Unique("Exportable");
        await CreateClientAsync($"{word} one", new { role = "Dealer" });
        await CreateClientAsync($"{word} two", new { role = "EndCustomer" });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/clients/export?format=xlsx&q={word}&role=Dealer");
        request.Headers.AcceptLanguage.ParseAdd("de");
        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var book = Workbook.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("Kunden-ID", book.Text(0, "A1"));
        Assert.Equal($"{word} one", book.Text(0, "B2"));
        Assert.Equal("Händler", book.Text(0, "D2"));
        // Below the one client: the export's canary, a fictitious client (its watermark); then nothing.
        var canary = book.Text(0, "B3");
        Assert.NotEqual($"{word} two", canary);
        Assert.True(await App.ReadAsync(db => db.Set<Clientele.Features.Exports.Control.ExportCanary>().AnyAsync(c => c.Name == canary)));
        Assert.Throws<InvalidOperationException>(() => book.Text(0, "B4"));
    }

    [Fact]
    public async Task An_unknown_format_is_refused() =>
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/clients/export?format=doc"), "format");
}

public sealed class ClientsExportTestsOnSqlite(SqliteApp fixture) : ClientsExportTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class ClientsExportTestsOnPostgres(PostgresApp fixture) : ClientsExportTests(fixture), IClassFixture<PostgresApp>;
