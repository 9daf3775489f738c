using System.Globalization;
using System.Net;
using System.Text.Json;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Loyalty;

/// <summary>
/// The loyalty ladder through the API: stages and paths from purchases, interactions, scores, referrals and marks;
/// the funnel on a past day only this class's clients lived in; bad input refused with the database unchanged.
/// </summary>
public abstract class LoyaltyTests(AppFixture fixture) : ApiTest(fixture)
{
    private static string Iso(DateTime day) => day.ToString("yyyy-MM-ddT10:00:00Z", CultureInfo.InvariantCulture);
    private static DateTime Day(string yyyyMmDd) => DateTime.ParseExact(yyyyMmDd, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task BuyAsync(long clientId, DateTime day) =>
        await JsonAsync(await PostAsync("/api/v1/purchases", new { clientId, date = Iso(day), currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price = 100m } } }),
            HttpStatusCode.Created);

    private async Task TouchAsync(long clientId, DateTime day, int? score = null) =>
        await JsonAsync(await PostAsync("/api/v1/interactions", new { clientId, kind = "Call", direction = "Outbound", occurredAt = Iso(day), score }), HttpStatusCode.Created);

    private async Task<long> ClientAsync(string acquiredOn, object? extra = null)
    {
        var body = JsonSerializer.SerializeToNode(extra ?? new { }, JsonSerializerOptions.Web)!.AsObject();
        body["acquiredOn"] = acquiredOn;
        return Id(await CreateClientAsync(Unique("Loyal "), body));
    }

    private async Task<(string Stage, string Since, (string Date, string Stage)[] Path)> LoyaltyAsync(long clientId)
    {
        var json = await GetJsonAsync($"/api/v1/clients/{clientId}/loyalty");
        return (json.GetProperty("stage").GetString()!, json.GetProperty("since").GetString()!,
            [.. json.GetProperty("path").EnumerateArray().Select(s => (s.GetProperty("date").GetString()!, s.GetProperty("stage").GetString()!))]);
    }

    [Fact]
    public async Task A_client_climbs_falls_silent_and_comes_back_on_its_path()
    {
        var client = await ClientAsync("2010-01-01");
        await TouchAsync(client, Day("2010-01-05"));
        await BuyAsync(client, Day("2010-02-01"));
        await BuyAsync(client, Day("2010-03-01"));
        await BuyAsync(client, Day("2010-03-20"));
        await TouchAsync(client, Day("2010-03-25"), score: 9);
        var recent = DateTime.UtcNow.Date.AddDays(-1);
        await BuyAsync(client, recent);

        var (stage, since, path) = await LoyaltyAsync(client);

        // Silent after 20 March 2010 for longer than max(90, 3 × median(28, 19)) days: lost on the 91st day, back with the new purchase.
        Assert.Equal(
            [("2010-01-01", "Prospect"), ("2010-01-05", "Aware"), ("2010-02-01", "FirstPurchase"), ("2010-03-01", "Repeat"), ("2010-03-20", "Regular"),
             ("2010-03-25", "Advocate"), ("2010-06-19", "Lost"), (recent.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Advocate")], path);
        Assert.Equal(("Advocate", recent.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), (stage, since));
    }

    [Fact]
    public async Task The_funnel_counts_converts_and_keeps_by_stage_on_a_past_day()
    {
        var prospect = await ClientAsync("2003-01-01");
        var aware = await ClientAsync("2003-01-01");
        await TouchAsync(aware, Day("2003-01-10"));
        var advocate = await ClientAsync("2003-01-01");
        foreach (var day in new[] { "2003-02-01", "2003-03-01", "2003-04-01" }) await BuyAsync(advocate, Day(day));
        var referred = await ClientAsync("2003-04-15", new { referredById = advocate });
        var lost = await ClientAsync("2003-01-01", new { status = "Lost", lostOn = "2003-03-01" });
        await BuyAsync(lost, Day("2003-02-01"));
        Assert.NotEqual(prospect, referred);

        var ladder = await GetJsonAsync("/api/v1/analytics/ladder?asOf=2003-05-01");

        var counts = ladder.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!, s => s.GetProperty("clients").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["Prospect"] = 2, ["Aware"] = 1, ["FirstPurchase"] = 0, ["Repeat"] = 0, ["Regular"] = 0, ["Advocate"] = 1, ["Lost"] = 1 }, counts);
        Assert.Equal(5, ladder.GetProperty("clients").GetInt32());
        var steps = ladder.GetProperty("conversions").EnumerateArray().Select(s => (s.GetProperty("reached").GetInt32(), s.GetProperty("converted").GetInt32())).ToArray();
        Assert.Equal([(5, 3), (3, 2), (2, 1), (1, 1), (1, 1)], steps);
        Assert.Equal(0.6, ladder.GetProperty("conversions")[0].GetProperty("rate").GetDouble(), 9);

        // On 1 February the advocate-to-be and the lost one had just bought once; by 1 May one of them is lost.
        var quarter = ladder.GetProperty("retention").EnumerateArray().Single(p => p.GetProperty("months").GetInt32() == 3);
        var first = quarter.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "FirstPurchase");
        Assert.Equal((2, 1, 0.5, 0.5), (first.GetProperty("atStart").GetInt32(), first.GetProperty("kept").GetInt32(),
            first.GetProperty("retentionRate").GetDouble(), first.GetProperty("churnRate").GetDouble()));
        Assert.Equal(12, ladder.GetProperty("trend").GetArrayLength());

        var advocates = await GetJsonAsync("/api/v1/analytics/ladder/clients?stage=advocate&asOf=2003-05-01");
        Assert.Equal(1, advocates.GetProperty("total").GetInt32());
        Assert.Equal((advocate, "2003-04-15"), (advocates.GetProperty("items")[0].GetProperty("id").GetInt64(), advocates.GetProperty("items")[0].GetProperty("since").GetString()));

        var csv = await Http.GetAsync("/api/v1/analytics/ladder/export?format=csv&asOf=2003-05-01");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType?.ToString());
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 7, lines.Length);
        var xlsx = await Http.GetAsync("/api/v1/analytics/ladder/export?asOf=2003-05-01");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync())[..2]));
    }

    [Fact]
    public async Task The_advocate_mark_lifts_a_regular_and_clearing_it_lowers_it_again()
    {
        var client = await ClientAsync("2020-01-01");
        var today = DateTime.UtcNow.Date;
        foreach (var daysAgo in new[] { 30, 20, 10 }) await BuyAsync(client, today.AddDays(-daysAgo));
        Assert.Equal("Regular", (await LoyaltyAsync(client)).Stage);

        Assert.Equal(HttpStatusCode.NoContent, (await Http.PutAsync($"/api/v1/clients/{client}/advocate", null)).StatusCode);
        var marked = await LoyaltyAsync(client);
        Assert.Equal(("Advocate", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), (marked.Stage, marked.Since));
        Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            (await GetJsonAsync($"/api/v1/clients/{client}/loyalty")).GetProperty("advocateMarkedOn").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/v1/clients/{client}/advocate")).StatusCode);
        Assert.Equal("Regular", (await LoyaltyAsync(client)).Stage);
        Assert.DoesNotContain(("Advocate"), (await LoyaltyAsync(client)).Path.Select(p => p.Stage));
    }

    [Fact]
    public async Task A_manager_s_lost_mark_holds_until_the_next_purchase()
    {
        var client = await ClientAsync("2021-01-01");
        var today = DateTime.UtcNow.Date;
        await BuyAsync(client, today.AddDays(-20));
        await JsonAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/clients/{client}",
            JsonSerializer.Serialize(new { status = "Lost", lostOn = today.AddDays(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }), contentType: "application/merge-patch+json"));
        Assert.Equal("Lost", (await LoyaltyAsync(client)).Stage);

        await BuyAsync(client, today);

        Assert.Equal("Repeat", (await LoyaltyAsync(client)).Stage);
    }

    [Fact]
    public async Task The_churn_model_s_day_from_the_nightly_rebuild_makes_lost_until_the_next_purchase()
    {
        var client = await ClientAsync("2019-01-01");
        var today = DateTime.UtcNow.Date;
        foreach (var daysAgo in new[] { 40, 30, 20 }) await BuyAsync(client, today.AddDays(-daysAgo));
        var judged = DateOnly.FromDateTime(today.AddDays(-5));

        await App.ReadAsync(async db =>
        {
            await Clientele.Features.Loyalty.LoyaltyRebuild.RunAsync(db, CancellationToken.None, new Dictionary<long, DateOnly> { [client] = judged });
            return 0;
        });

        var (stage, since, _) = await LoyaltyAsync(client);
        Assert.Equal(("Lost", judged.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), (stage, since));
        Assert.Equal(judged.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (await GetJsonAsync($"/api/v1/clients/{client}/loyalty")).GetProperty("modelLostFrom").GetString());
        await BuyAsync(client, today);
        Assert.Equal("Regular", (await LoyaltyAsync(client)).Stage);
    }

    [Fact]
    public async Task The_owner_s_thresholds_change_every_path_and_bad_ones_are_refused()
    {
        var client = await ClientAsync("2022-01-01");
        var today = DateTime.UtcNow.Date;
        await BuyAsync(client, today.AddDays(-20));
        await BuyAsync(client, today.AddDays(-10));
        Assert.Equal("Repeat", (await LoyaltyAsync(client)).Stage);

        var before = await DbSnapshot.TakeAsync(App);
        var bad = await SendAsync(HttpMethod.Put, "/api/v1/loyalty/settings", """{"regularPurchases":1,"lapseFactor":0.5}""");
        await AssertInvalidAsync(bad, "regularPurchases");
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        await AssertOwnerOnlyAsync(HttpMethod.Put, "/api/v1/loyalty/settings", """{"regularPurchases":2}""");

        try
        {
            var saved = await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/loyalty/settings", """{"regularPurchases":2}"""));
            Assert.Equal((2, 9), (saved.GetProperty("regularPurchases").GetInt32(), saved.GetProperty("promoterScore").GetInt32()));
            Assert.Equal("Regular", (await LoyaltyAsync(client)).Stage);
        }
        finally
        {
            await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/loyalty/settings", """{"regularPurchases":3}"""));
        }
        Assert.Equal("Repeat", (await LoyaltyAsync(client)).Stage);
    }

    [Fact]
    public async Task Bad_input_is_named_and_changes_nothing()
    {
        var client = await ClientAsync("2023-01-01");
        var before = await DbSnapshot.TakeAsync(App);

        await AssertInvalidAsync(await PostAsync("/api/v1/interactions", new { clientId = client, kind = "Call", direction = "Outbound", score = 11 }), "score");
        await AssertInvalidAsync(await PostAsync("/api/v1/interactions", new { clientId = client, kind = "Call", direction = "Outbound", score = -1 }), "score");
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/analytics/ladder?asOf=2003-13-01"), "asOf");
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/analytics/ladder/clients?stage=Royalty"), "stage");
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/analytics/ladder/clients?stage=3"), "stage");
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/analytics/ladder/export?format=pdf"), "format");
        await AssertProblemAsync(await Http.GetAsync("/api/v1/clients/999999999/loyalty"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Http.PutAsync("/api/v1/clients/999999999/advocate", null), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Http.DeleteAsync("/api/v1/clients/999999999/advocate"), HttpStatusCode.NotFound);

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task A_score_is_stored_and_returned_with_the_interaction()
    {
        var client = await ClientAsync("2024-01-01");
        var created = await JsonAsync(await PostAsync("/api/v1/interactions", new { clientId = client, kind = "Call", direction = "Outbound", score = 7 }), HttpStatusCode.Created);
        Assert.Equal(7, (await GetJsonAsync($"/api/v1/interactions/{Id(created)}")).GetProperty("score").GetInt32());
        Assert.Equal("Aware", (await LoyaltyAsync(client)).Stage);
    }
}

public sealed class LoyaltyTestsOnSqlite(SqliteApp fixture) : LoyaltyTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-5")]
public sealed class LoyaltyTestsOnPostgres(PostgresApp fixture) : LoyaltyTests(fixture), IClassFixture<PostgresApp>;
