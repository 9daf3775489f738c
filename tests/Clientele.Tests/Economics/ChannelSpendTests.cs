using System.Net;
using System.Text.Json;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Economics;

/// <summary>Channel spend per month and its share in the acquisition cost of the clients the channel brought.</summary>
public abstract class ChannelSpendTests(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<long> ChannelAsync() =>
        Id(await JsonAsync(await PostAsync("/api/v1/channels", new { name = Unique("Fair ") }), HttpStatusCode.Created));

    private async Task<Dictionary<long, decimal>> AcquisitionCostsAsync(long channelId)
    {
        var page = await GetJsonAsync($"/api/v1/analytics/clients?channelId={channelId}&limit=500");
        return page.GetProperty("items").EnumerateArray().ToDictionary(Id, c => c.GetProperty("acquisitionCost").GetDecimal());
    }

    [Fact]
    public async Task Spend_is_shared_evenly_by_the_clients_the_channel_brought_that_month()
    {
        var channel = await ChannelAsync();
        var a = Id(await CreateClientAsync(Unique("March A "), new { acquisitionChannelId = channel, acquiredOn = "2025-03-03" }));
        var b = Id(await CreateClientAsync(Unique("March B "), new { acquisitionChannelId = channel, acquiredOn = "2025-03-20", acquisitionCost = 100m }));
        var c = Id(await CreateClientAsync(Unique("March C "), new { acquisitionChannelId = channel, acquiredOn = "2025-03-31" }));
        var april = Id(await CreateClientAsync(Unique("April "), new { acquisitionChannelId = channel, acquiredOn = "2025-04-01" }));
        Assert.Equal(new Dictionary<long, decimal> { [a] = 0, [b] = 100, [c] = 0, [april] = 0 }, await AcquisitionCostsAsync(channel));

        var row = await JsonAsync(await SendAsync(HttpMethod.Put, $"/api/v1/channel-spend/{channel}/2025-03", """{"amount":1000.00}"""));

        Assert.Equal(("2025-03", 1000.00m), (row.GetProperty("month").GetString(), row.GetProperty("amount").GetDecimal()));
        // 1000 / 3 = 333.33 each, on top of B's own cost; April's client is in another month's cohort.
        Assert.Equal(new Dictionary<long, decimal> { [a] = 333.33m, [b] = 433.33m, [c] = 333.33m, [april] = 0 }, await AcquisitionCostsAsync(channel));

        await JsonAsync(await SendAsync(HttpMethod.Put, $"/api/v1/channel-spend/{channel}/2025-03", """{"amount":300}"""));
        Assert.Equal(new Dictionary<long, decimal> { [a] = 100, [b] = 200, [c] = 100, [april] = 0 }, await AcquisitionCostsAsync(channel));
        Assert.Equal(1, await App.ReadAsync(db => db.ChannelSpend.CountAsync(s => s.ChannelId == channel)));

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, $"/api/v1/channel-spend/{channel}/2025-03")).StatusCode);
        Assert.Equal(new Dictionary<long, decimal> { [a] = 0, [b] = 100, [c] = 0, [april] = 0 }, await AcquisitionCostsAsync(channel));
        await AssertProblemAsync(await SendAsync(HttpMethod.Delete, $"/api/v1/channel-spend/{channel}/2025-03"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_list_gives_the_months_asked_for()
    {
        var channel = await ChannelAsync();
        foreach (var (month, amount) in new[] { ("2024-12", 1m), ("2025-01", 2m), ("2025-06", 3m), ("2026-01", 4m) })
            await JsonAsync(await SendAsync(HttpMethod.Put, $"/api/v1/channel-spend/{channel}/{month}", $$"""{"amount":{{amount}}}"""));

        var year = await GetJsonAsync("/api/v1/channel-spend?from=2025-01&to=2025-12");
        var all = await GetJsonAsync("/api/v1/channel-spend");

        Assert.Equal("RUB", year.GetProperty("currency").GetString());
        Assert.Equal(["2025-01", "2025-06"], Mine(year, channel).Select(r => r.GetProperty("month").GetString()));
        Assert.Equal([1m, 2m, 3m, 4m], Mine(all, channel).Select(r => r.GetProperty("amount").GetDecimal()));

        static IEnumerable<JsonElement> Mine(JsonElement list, long channel) =>
            list.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("channelId").GetInt64() == channel);
    }

    public static TheoryData<string, string, string> BadSpend => new()
    {
        { "2025-13", """{"amount":1}""", "month" },
        { "2025-3", """{"amount":1}""", "month" },
        { "1989-12", """{"amount":1}""", "month" },
        { "march", """{"amount":1}""", "month" },
        { "2025-03", """{"amount":-0.01}""", "amount" },
        { "2025-03", """{"amount":1.005}""", "amount" },
        { "2025-03", """{"amount":1000000000000.01}""", "amount" },
        { "2025-03", """{}""", "amount" },
        { "2025-03", """{"amount":"lots"}""", "amount" },
    };

    [Theory]
    [MemberData(nameof(BadSpend))]
    public async Task Bad_spend_is_400_naming_the_field_and_changes_nothing(string month, string json, string field)
    {
        var channel = await ChannelAsync();
        var before = await DbSnapshot.TakeAsync(App);

        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, $"/api/v1/channel-spend/{channel}/{month}", json), field);

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task Bad_months_in_the_list_query_are_400()
    {
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/channel-spend?from=2025-1"), "from");
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/channel-spend?from=2025-06&to=2025-01"), "to");
    }

    [Fact]
    public async Task An_unknown_channel_is_404_and_changes_nothing()
    {
        var before = await DbSnapshot.TakeAsync(App);

        await AssertProblemAsync(await SendAsync(HttpMethod.Put, "/api/v1/channel-spend/987654/2025-03", """{"amount":1}"""), HttpStatusCode.NotFound);

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task Only_the_owner_changes_spend()
    {
        var channel = await ChannelAsync();
        await JsonAsync(await SendAsync(HttpMethod.Put, $"/api/v1/channel-spend/{channel}/2025-05", """{"amount":10}"""));

        await AssertOwnerOnlyAsync(HttpMethod.Put, $"/api/v1/channel-spend/{channel}/2025-05", """{"amount":99}""");
        await AssertOwnerOnlyAsync(HttpMethod.Delete, $"/api/v1/channel-spend/{channel}/2025-05");
        Assert.Equal(HttpStatusCode.OK, (await (await ManagerAsync()).GetAsync("/api/v1/channel-spend")).StatusCode);
    }
}

public sealed class ChannelSpendTestsOnSqlite(SqliteApp fixture) : ChannelSpendTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-3")]
public sealed class ChannelSpendTestsOnPostgres(PostgresApp fixture) : ChannelSpendTests(fixture), IClassFixture<PostgresApp>;
