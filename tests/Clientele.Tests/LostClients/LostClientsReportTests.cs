using System.Net;
using System.Text.Json;
using Clientele.Tests.Infrastructure;
using static Clientele.Tests.LostClients.LostClientsKit;

namespace Clientele.Tests.LostClients;

/// <summary>The lost report, the win-back list and the retention breakdown on small hand-built bases.</summary>
public abstract partial class LostClientsReportTests(AppFixture fixture) : ApiTest(fixture)
{
    private LostClientsKit Lost => new(App);

    private static decimal Money(JsonElement e, string name) => e.GetProperty(name).GetDecimal();

    [Fact]
    public async Task The_report_counts_losses_by_reason_competitor_period_and_manager_with_the_revenue_of_the_12_months_before()
    {
        var manager = await Lost.ManagerIdAsync();
        var rival = Unique("Rival ");
        // Lost on the 15th of a month three months back; its window is that month and the eleven before.
        var month = new DateOnly(Today.Year, Today.Month, 15).AddMonths(-3);
        var a = Id(await CreateClientAsync(Unique("A "), new { managerId = manager }));
        await Lost.BuyAsync(a, month.AddDays(-5), 1000m);              // in the window
        await Lost.BuyAsync(a, month.AddMonths(-11).AddDays(-14), 300m); // first day of the window's first month
        await Lost.BuyAsync(a, month.AddMonths(-12), 5000m);           // a month before the window
        var b = Id(await CreateClientAsync(Unique("B "), new { managerId = manager }));
        await Lost.BuyAsync(b, month.AddMonths(-2), 200m);
        var c = Id(await CreateClientAsync(Unique("C "), new { managerId = manager }));
        await Lost.BuyAsync(c, month.AddMonths(-1), 50m);
        await JsonAsync(await Lost.MarkAsync(a, new { reasonCode = "price", competitorName = rival, lostOn = Day(month) }));
        await JsonAsync(await Lost.MarkAsync(b, new { reasonCode = "price", lostOn = Day(month.AddDays(1)) }));
        await JsonAsync(await Lost.MarkAsync(c, new { reasonCode = "quality", competitorName = rival, lostOn = Day(month.AddMonths(2)) }));
        // Won back since, but lost in the period all the same.
        await JsonAsync(await SendAsync(HttpMethod.Delete, $"/api/v1/clients/{c}/lost"));

        var from = Day(month.AddMonths(-1));
        var report = await GetJsonAsync($"/api/v1/analytics/lost?managerId={manager}&from={from}&to={Day(Today)}");

        Assert.Equal(3, report.GetProperty("count").GetInt32());
        Assert.Equal(1550m, Money(report, "revenueLost"));
        var byReason = report.GetProperty("byReason").EnumerateArray().Select(r => (r.GetProperty("code").GetString(), r.GetProperty("count").GetInt32(), Money(r, "revenueLost"))).ToList();
        Assert.Equal([("price", 2, 1500m), ("quality", 1, 50m)], byReason);
        var byCompetitor = report.GetProperty("byCompetitor").EnumerateArray().Select(r => (r.GetProperty("name").GetString(), r.GetProperty("count").GetInt32(), Money(r, "revenueLost"))).ToList();
        Assert.Equal([(rival, 2, 1350m), ("", 1, 200m)], byCompetitor);
        var byPeriod = report.GetProperty("byPeriod").EnumerateArray().Select(p => (p.GetProperty("period").GetString(), p.GetProperty("count").GetInt32())).ToList();
        Assert.Equal([(month.ToString("yyyy-MM"), 2), (month.AddMonths(2).ToString("yyyy-MM"), 1)], byPeriod);
        var byManager = Assert.Single(report.GetProperty("byManager").EnumerateArray());
        Assert.Equal((manager, 3), (byManager.GetProperty("id").GetInt64(), byManager.GetProperty("count").GetInt32()));
        Assert.Contains(report.GetProperty("clients").EnumerateArray(), r => r.GetProperty("clientId").GetInt64() == c && r.GetProperty("wonBackOn").ValueKind == JsonValueKind.String);

        var quarters = await GetJsonAsync($"/api/v1/analytics/lost?managerId={manager}&from={from}&to={Day(Today)}&by=quarter");
        Assert.Equal(3, quarters.GetProperty("byPeriod").EnumerateArray().Sum(p => p.GetProperty("count").GetInt32()));
        Assert.All(quarters.GetProperty("byPeriod").EnumerateArray(), p => Assert.Matches(@"^\d{4}-Q[1-4]$", p.GetProperty("period").GetString()));
        var narrow = await GetJsonAsync($"/api/v1/analytics/lost?managerId={manager}&from={Day(month)}&to={Day(month)}");
        Assert.Equal((1, 1300m), (narrow.GetProperty("count").GetInt32(), Money(narrow, "revenueLost")));
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-05-01&to=2026-04-01", "from")]
    [InlineData("by=week", "by")]
    public async Task Bad_report_filters_are_400_naming_the_field(string query, string field)
    {
        await AssertInvalidAsync(await Http.GetAsync($"/api/v1/analytics/lost?{query}"), field);
        await AssertInvalidAsync(await Http.GetAsync($"/api/v1/analytics/lost/export?{query}"), field);
    }

    [Fact]
    public async Task The_win_back_list_ranks_by_contribution_and_leaves_out_the_moved_the_closed_the_unprofitable_and_the_won_back()
    {
        var manager = await Lost.ManagerIdAsync();
        async Task<long> LostAsync(string name, decimal price, decimal unitCost, string reason, int monthsAgo = 2)
        {
            var id = Id(await CreateClientAsync(Unique(name), new { managerId = manager }));
            await Lost.BuyAsync(id, Today.AddMonths(-monthsAgo), price, unitCost);
            await JsonAsync(await Lost.MarkAsync(id, new { reasonCode = reason, lostOn = Day(Today.AddDays(-1)) }));
            return id;
        }
        var small = await LostAsync("Small ", 1000m, 700m, "price");
        var big = await LostAsync("Big ", 5000m, 1000m, "competitor-offer");
        await LostAsync("Moved ", 9000m, 0m, "moved");
        await LostAsync("Closed ", 9000m, 0m, "closed");
        await LostAsync("Loss-maker ", 1000m, 1500m, "service");
        var back = await LostAsync("Back ", 8000m, 0m, "price");
        await JsonAsync(await SendAsync(HttpMethod.Delete, $"/api/v1/clients/{back}/lost"));
        // Bought long ago: the 12 months up to its last purchase still count.
        var old = await LostAsync("Old ", 3000m, 0m, "quality", monthsAgo: 30);

        var list = await GetJsonAsync($"/api/v1/analytics/win-back?managerId={manager}");

        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([big, old, small], items.Select(i => i.GetProperty("clientId").GetInt64()));
        Assert.Equal([1, 2, 3], items.Select(i => i.GetProperty("rank").GetInt32()));
        Assert.Equal([4000m, 3000m, 300m], items.Select(i => Money(i, "contribution12Months")));
        Assert.Equal("competitor-offer", items[0].GetProperty("reasonCode").GetString());
        Assert.Equal(manager, items[0].GetProperty("managerId").GetInt64());

        var csv = await Http.GetAsync($"/api/v1/analytics/win-back/export?format=csv&managerId={manager}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        // The header, the three clients and the export's canary client (its watermark).
        Assert.Equal(1 + 3 + Clientele.Features.Exports.Control.CanaryFactory.CountFor(3), (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var xlsx = await Http.GetAsync($"/api/v1/analytics/lost/export?managerId={manager}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync())[..2]));
    }

    [Fact]
    public async Task The_retention_breakdown_gives_each_managers_clients_their_own_rate_and_the_total_equals_the_summary()
    {
        var manager = await Lost.ManagerIdAsync();
        var year = Today.Year;
        // Halfway into this year, so every date of this year is in the past whatever the day.
        var thisYear = new DateOnly(year, 1, 1).AddDays((Today.DayNumber - new DateOnly(year, 1, 1).DayNumber) / 2);
        async Task<long> ClientAsync(params DateOnly[] purchases)
        {
            var id = Id(await CreateClientAsync(Unique("R "), new { managerId = manager }));
            foreach (var day in purchases) await Lost.BuyAsync(id, day, 100m);
            return id;
        }
        await ClientAsync(new DateOnly(year - 1, 3, 10), thisYear);   // kept
        await ClientAsync(new DateOnly(year - 1, 1, 10));             // gone by the end of this year
        await ClientAsync(new DateOnly(year - 1, 6, 10), thisYear);   // kept
        await ClientAsync(thisYear);                                  // new
        // Another manager's client, gone before this year began: its group had clients at the start of last year only,
        // yet reports this year like every other group.
        var gone = Id(await CreateClientAsync(Unique("Gone "), new { managerId = await Lost.ManagerIdAsync() }));
        await Lost.BuyAsync(gone, new DateOnly(year - 2, 6, 10), 100m);

        var breakdown = await GetJsonAsync("/api/v1/analytics/retention/breakdown?by=manager");

        var row = breakdown.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == manager.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((4, year, 3, 3, 1), (row.GetProperty("clients").GetInt32(), row.GetProperty("year").GetInt32(), row.GetProperty("atStart").GetInt32(),
            row.GetProperty("atEnd").GetInt32(), row.GetProperty("new").GetInt32()));
        Assert.Equal(2.0 / 3, row.GetProperty("rate").GetDouble(), 9);
        Assert.Equal(1.0 / 3, row.GetProperty("churnRate").GetDouble(), 9);
        Assert.Equal(2.0 / 3, row.GetProperty("activeBothRate").GetDouble(), 9);
        var groups = breakdown.GetProperty("groups").EnumerateArray().ToList();
        var total = breakdown.GetProperty("total");
        Assert.All(groups, g => Assert.Equal(year, g.GetProperty("year").GetInt32()));
        Assert.Equal(total.GetProperty("atStart").GetInt32(), groups.Sum(g => g.GetProperty("atStart").GetInt32()));
        Assert.Equal(total.GetProperty("atEnd").GetInt32(), groups.Sum(g => g.GetProperty("atEnd").GetInt32()));
        var summary = await GetJsonAsync("/api/v1/analytics/summary");
        Assert.Equal(summary.GetProperty("retentionRate").GetDouble(), total.GetProperty("rate").GetDouble(), 9);
        foreach (var by in new[] { "channel", "segment", "abc" })
        {
            var other = await GetJsonAsync($"/api/v1/analytics/retention/breakdown?by={by}");
            Assert.Equal(total.GetProperty("atEnd").GetInt32(), other.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("atEnd").GetInt32()));
        }
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/analytics/retention/breakdown?by=region"), "by");
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/analytics/retention/breakdown?by=abc&asOf=never"), "asOf");
    }
}

public sealed class LostClientsReportTestsOnSqlite(SqliteApp fixture) : LostClientsReportTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-5")]
public sealed class LostClientsReportTestsOnPostgres(PostgresApp fixture) : LostClientsReportTests(fixture), IClassFixture<PostgresApp>;
