using System.Net;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Economics;

/// <summary>The owner's exchange-rate table, and that a rate values only what is written after it.</summary>
public abstract class ExchangeRatesTests(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<decimal> PurchaseRateAsync(long clientId, string date, string currency)
    {
        var purchase = await JsonAsync(await PostAsync("/api/v1/purchases",
            new { clientId, date, currency, lines = new[] { new { description = "Box", quantity = 1m, price = 10m } } }), HttpStatusCode.Created);
        return purchase.GetProperty("exchangeRate").GetDecimal();
    }

    [Fact]
    public async Task A_rate_values_later_purchases_and_leaves_earlier_ones_alone()
    {
        var client = Id(await CreateClientAsync(Unique("Euro buyer ")));

        var set = await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/exchange-rates/chf/2024-01-01", """{"rate":95.1234}"""));
        Assert.Equal(("CHF", "2024-01-01", 95.1234m), (set.GetProperty("currency").GetString(), set.GetProperty("validFrom").GetString(), set.GetProperty("rate").GetDecimal()));
        var first = await JsonAsync(await PostAsync("/api/v1/purchases",
            new { clientId = client, date = "2024-02-01T10:00:00Z", currency = "CHF", lines = new[] { new { description = "Box", quantity = 1m, price = 10m } } }), HttpStatusCode.Created);
        Assert.Equal(95.1234m, first.GetProperty("exchangeRate").GetDecimal());

        await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/exchange-rates/CHF/2024-01-01", """{"rate":100}"""));

        Assert.Equal(95.1234m, (await GetJsonAsync($"/api/v1/purchases/{Id(first)}")).GetProperty("exchangeRate").GetDecimal());
        Assert.Equal(100m, await PurchaseRateAsync(client, "2024-02-02T10:00:00Z", "CHF"));
        Assert.Equal(1, await App.ReadAsync(db => db.ExchangeRates.CountAsync(r => r.Currency == "CHF")));

        var list = await GetJsonAsync("/api/v1/exchange-rates?currency=chf");
        Assert.Equal("RUB", list.GetProperty("baseCurrency").GetString());
        Assert.Equal([100m], list.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("rate").GetDecimal()));
    }

    [Fact]
    public async Task The_latest_rate_on_or_before_the_day_applies_and_a_deleted_rate_is_gone()
    {
        var client = Id(await CreateClientAsync(Unique("Krona buyer ")));
        await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/exchange-rates/SEK/2024-01-01", """{"rate":8.5}"""));
        await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/exchange-rates/SEK/2024-03-01", """{"rate":9}"""));

        Assert.Equal(8.5m, await PurchaseRateAsync(client, "2024-02-29T23:00:00Z", "SEK"));
        Assert.Equal(9m, await PurchaseRateAsync(client, "2024-03-01T08:00:00Z", "SEK"));
        var list = await GetJsonAsync("/api/v1/exchange-rates?currency=SEK");
        Assert.Equal(["2024-03-01", "2024-01-01"], list.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("validFrom").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, "/api/v1/exchange-rates/SEK/2024-03-01")).StatusCode);
        Assert.Equal(8.5m, await PurchaseRateAsync(client, "2024-03-02T08:00:00Z", "SEK"));
        await AssertProblemAsync(await SendAsync(HttpMethod.Delete, "/api/v1/exchange-rates/SEK/2024-03-01"), HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string, string> BadRates => new()
    {
        { "EURO/2025-01-01", """{"rate":1}""", "currency" },
        { "XXY/2025-01-01", """{"rate":1}""", "currency" },
        { "RUB/2025-01-01", """{"rate":1}""", "currency" },
        { "EUR/2025-02-30", """{"rate":1}""", "validFrom" },
        { "EUR/01.02.2025", """{"rate":1}""", "validFrom" },
        { "EUR/2025-01-01", """{"rate":0}""", "rate" },
        { "EUR/2025-01-01", """{"rate":-2}""", "rate" },
        { "EUR/2025-01-01", """{"rate":1.1234567}""", "rate" },
        { "EUR/2025-01-01", """{"rate":1000001}""", "rate" },
        { "EUR/2025-01-01", """{}""", "rate" },
    };

    [Theory]
    [MemberData(nameof(BadRates))]
    public async Task A_bad_rate_is_400_naming_the_field_and_changes_nothing(string path, string json, string field)
    {
        var before = await DbSnapshot.TakeAsync(App);

        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, "/api/v1/exchange-rates/" + path, json), field);

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task Only_the_owner_changes_rates()
    {
        await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/exchange-rates/USD/2025-01-01", """{"rate":90}"""));

        await AssertOwnerOnlyAsync(HttpMethod.Put, "/api/v1/exchange-rates/USD/2025-01-01", """{"rate":91}""");
        await AssertOwnerOnlyAsync(HttpMethod.Delete, "/api/v1/exchange-rates/USD/2025-01-01");
        Assert.Equal(HttpStatusCode.OK, (await (await ManagerAsync()).GetAsync("/api/v1/exchange-rates")).StatusCode);
    }

    [Fact]
    public async Task The_summary_says_that_stored_rates_are_not_rewritten()
    {
        var document = await GetJsonAsync("/openapi/v1.json");

        var put = document.GetProperty("paths").GetProperty("/api/v1/exchange-rates/{currency}/{validFrom}").GetProperty("put");
        Assert.Contains("written afterwards", put.GetProperty("summary").GetString());
    }
}

public sealed class ExchangeRatesTestsOnSqlite(SqliteApp fixture) : ExchangeRatesTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-5")]
public sealed class ExchangeRatesTestsOnPostgres(PostgresApp fixture) : ExchangeRatesTests(fixture), IClassFixture<PostgresApp>;
