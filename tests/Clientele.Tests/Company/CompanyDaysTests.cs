using System.Globalization;
using System.Net;
using Clientele.Analytics.Calendar;
using Clientele.Data;
using Clientele.Features.Company;
using Clientele.Infrastructure.Validation;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Clientele.Tests.Company;

/// <summary>
/// The company's days (ADR 023): with the company's time zone set, a purchase late in the evening or just after midnight
/// lands in the company's day and month in the client's monthly figures, the analytics and the purchases export; a
/// change of zone recounts what was derived; an unknown zone is refused in the reader's language.
/// </summary>
public abstract class CompanyDaysTests(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly int January = MonthIndex.Of(2025, 1), February = MonthIndex.Of(2025, 2);

    private async Task<Errors> ChangeZoneAsync(string? zone)
    {
        await using var scope = App.Services.CreateSystemScope();
        var services = scope.ServiceProvider;
        return await CompanyTimeZone.ChangeAsync(services.GetRequiredService<ClienteleDb>(), zone, services.GetRequiredService<IStringLocalizer<CompanyText>>());
    }

    private async Task<long> BuyerAsync(string at, decimal price)
    {
        var client = Id(await CreateClientAsync(Unique("Buyer ")));
        await JsonAsync(await PostAsync("/api/v1/purchases", new
        {
            clientId = client, date = at, currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price } },
        }), HttpStatusCode.Created);
        return client;
    }

    /// <summary>The months the client's stored monthly figures have purchases in.</summary>
    private Task<int[]> MonthsAsync(long client) => App.ReadAsync(db =>
        db.ClientMonthFigures.Where(m => m.ClientId == client && m.Purchases > 0).OrderBy(m => m.Month).Select(m => m.Month).ToArrayAsync());

    private async Task<decimal> RevenueAsOfAsync(string day) =>
        (await GetJsonAsync($"/api/v1/analytics/summary?asOf={day}")).GetProperty("totals").GetProperty("revenue").GetDecimal();

    private async Task<Dictionary<string, int>> CohortsAsync() =>
        (await GetJsonAsync("/api/v1/analytics/cohorts?asOf=2025-02-28")).GetProperty("cohorts").EnumerateArray()
            .ToDictionary(c => c.GetProperty("month").GetString()!, c => c.GetProperty("size").GetInt32());

    /// <summary>The client's purchases export in German (dates as dd.MM.yyyy HH:mm:ss), between the days when given.</summary>
    private async Task<string> ExportAsync(long client, string? from = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/purchases/export?clientId={client}&format=csv" + (from is null ? "" : $"&from={from}&to=2025-02-28"));
        request.Headers.AcceptLanguage.ParseAdd("de");
        var response = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Purchases_around_midnight_land_in_the_company_month_and_a_change_of_zone_recounts_them()
    {
        Assert.Empty((await ChangeZoneAsync("Europe/Moscow")).ToDictionary());
        // 23:30 in Moscow on 31 January, and 00:30 in Moscow on 1 February — both still 31 January in UTC.
        var lateJanuary = await BuyerAsync("2025-01-31T20:30:00Z", 100m);
        var earlyFebruary = await BuyerAsync("2025-01-31T21:30:00Z", 1000m);

        Assert.Equal([January], await MonthsAsync(lateJanuary));
        Assert.Equal([February], await MonthsAsync(earlyFebruary));
        Assert.Equal(100m, await RevenueAsOfAsync("2025-01-31"));
        Assert.Equal(1100m, await RevenueAsOfAsync("2025-02-01"));
        Assert.Equal(new Dictionary<string, int> { ["2025-01"] = 1, ["2025-02"] = 1 }, await CohortsAsync());
        Assert.Contains(";31.01.2025 23:30:00;", await ExportAsync(lateJanuary));
        Assert.Contains(";01.02.2025 00:30:00;", await ExportAsync(earlyFebruary, from: "2025-02-01"));
        Assert.DoesNotContain("31.01.2025", await ExportAsync(lateJanuary, from: "2025-02-01"));

        // West of Greenwich: 23:30 in New York on 31 January and 00:30 on 1 February are both 1 February in UTC.
        Assert.Empty((await ChangeZoneAsync("America/New_York")).ToDictionary());
        var newYorkJanuary = await BuyerAsync("2025-02-01T04:30:00Z", 10m);
        var newYorkFebruary = await BuyerAsync("2025-02-01T05:30:00Z", 10000m);

        Assert.Equal([January], await MonthsAsync(newYorkJanuary));
        Assert.Equal([February], await MonthsAsync(newYorkFebruary));
        // The change of zone recounted the earlier clients: 21:30 UTC is 16:30 on 31 January in New York.
        Assert.Equal([January], await MonthsAsync(earlyFebruary));
        Assert.Equal(1110m, await RevenueAsOfAsync("2025-01-31"));
        Assert.Equal(new Dictionary<string, int> { ["2025-01"] = 3, ["2025-02"] = 1 }, await CohortsAsync());
        Assert.Contains(";31.01.2025 23:30:00;", await ExportAsync(newYorkJanuary));
        Assert.Contains(";01.02.2025 00:30:00;", await ExportAsync(newYorkFebruary, from: "2025-02-01"));
        Assert.DoesNotContain("31.01.2025", await ExportAsync(newYorkJanuary, from: "2025-02-01"));
        Assert.Contains(";31.01.2025 16:30:00;", await ExportAsync(earlyFebruary));
    }

    [Theory]
    [InlineData("ru", "не известный серверу часовой пояс")]
    [InlineData("de", "keine Zeitzone, die dieser Server kennt")]
    [InlineData("en", "is not a time zone this server knows")]
    public async Task An_unknown_zone_is_refused_in_the_readers_language_and_nothing_changes(string culture, string expected)
    {
        var before = await DbSnapshot.TakeAsync(App);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            foreach (var zone in new[] { "Europe/Atlantis", "Russian Standard Time", "Europe/Moscow'; DROP TABLE x" })
            {
                var errors = (await ChangeZoneAsync(zone)).ToDictionary();
                var message = Assert.Single(errors[CompanyTimeZone.Field]);
                Assert.Contains(expected, message);
                Assert.Contains(zone, message);
            }
            Assert.Single((await ChangeZoneAsync(" ")).ToDictionary()[CompanyTimeZone.Field]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }
}

public sealed class CompanyDaysTestsOnSqlite(SqliteApp fixture) : CompanyDaysTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-2")]
public sealed class CompanyDaysTestsOnPostgres(PostgresApp fixture) : CompanyDaysTests(fixture), IClassFixture<PostgresApp>;
