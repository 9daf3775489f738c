using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Pipeline;

/// <summary>Stages and deals: the board's columns, a deal's way to won or lost, the sale it records, who sees it, the forecast.</summary>
public abstract class DealsTests(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<Dictionary<string, long>> StagesAsync()
    {
        var stages = await GetJsonAsync("/api/v1/pipeline-stages?limit=100");
        return stages.GetProperty("items").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => Id(s));
    }

    private async Task<(long Id, HttpClient Http)> NewManagerAsync()
    {
        var user = await App.AddUserAsync(Unique("deals") + "@clientele.test", EmployeeRole.Manager, Unique("Manager "));
        return (user.Id, App.ClientWithToken(await App.IssueTokenAsync(user.Id, "deals")));
    }

    private static async Task<JsonElement> DealAsync(HttpClient http, object body) =>
        await JsonAsync(await http.PostAsJsonAsync("/api/v1/deals", body), HttpStatusCode.Created);

    private static Task<HttpResponseMessage> PatchAsync(HttpClient http, long deal, object body, long? version = null) =>
        SendAsync(http, HttpMethod.Patch, $"/api/v1/deals/{deal}", JsonSerializer.Serialize(body, JsonSerializerOptions.Web), version is { } v ? $"\"{v}\"" : null);

    [Fact]
    public async Task A_new_base_has_the_eight_default_stages_in_order_named_in_the_readers_language()
    {
        // The base's first eight stages are the defaults (another test of the class adds one of its own).
        var english = (await GetJsonAsync("/api/v1/pipeline-stages?limit=100")).GetProperty("items").EnumerateArray().Take(8).ToList();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/pipeline-stages?limit=100");
        request.Headers.AcceptLanguage.ParseAdd("de");
        var german = (await JsonAsync(await Http.SendAsync(request))).GetProperty("items").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();

        Assert.Equal(["New", "Qualified", "Needs identified", "Proposal", "Negotiation", "Contract", "Won", "Lost"],
            english.OrderBy(s => s.GetProperty("position").GetInt32()).Select(s => s.GetProperty("name").GetString()));
        Assert.Equal([10, 20, 30, 50, 70, 90, 100, 0], english.OrderBy(s => s.GetProperty("position").GetInt32()).Select(s => s.GetProperty("probability").GetInt32()));
        Assert.Contains("Verhandlung", german);
        Assert.Equal("Won", english.Single(s => s.GetProperty("name").GetString() == "Won").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Winning_a_deal_records_its_sale_as_a_purchase_that_the_clients_figures_count()
    {
        var stages = await StagesAsync();
        var (_, manager) = await NewManagerAsync();
        var client = Id(await CreateClientAsync(manager, Unique("Deal client ")));
        var deal = await DealAsync(manager, new { clientId = client, title = "Forklift", value = 120_000.50m, currency = "RUB", expectedCloseOn = "2027-01-20" });
        Assert.Equal(stages["New"], deal.GetProperty("stageId").GetInt64());

        var won = await JsonAsync(await PatchAsync(manager, Id(deal), new { stageId = stages["Won"] }, deal.GetProperty("version").GetInt64()));

        var purchaseId = won.GetProperty("purchaseId").GetInt64();
        var purchase = await JsonAsync(await manager.GetAsync($"/api/v1/purchases/{purchaseId}"));
        Assert.Equal((client, 120_000.50m, "RUB", Id(deal).ToString(System.Globalization.CultureInfo.InvariantCulture), "pipeline"),
            (purchase.GetProperty("clientId").GetInt64(), purchase.GetProperty("total").GetDecimal(), purchase.GetProperty("currency").GetString(),
                purchase.GetProperty("number").GetString(), purchase.GetProperty("source").GetString()));
        var figures = await App.ReadAsync(db => db.ClientFigures.AsNoTracking().SingleAsync(f => f.ClientId == client));
        Assert.Equal((1, 120_000.50m), (figures.Purchases, figures.Revenue));

        // Saving the won deal again records nothing more, and it cannot be taken back off "won".
        await JsonAsync(await PatchAsync(manager, Id(deal), new { title = "Forklift, blue" }));
        var before = await DbSnapshot.TakeAsync(App);
        await AssertInvalidAsync(await PatchAsync(manager, Id(deal), new { stageId = stages["Negotiation"] }), "stageId");
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        Assert.Equal(1, await App.ReadAsync(db => db.Purchases.CountAsync(p => p.ClientId == client)));
    }

    [Fact]
    public async Task A_lost_deal_needs_its_reason_and_records_no_sale()
    {
        var stages = await StagesAsync();
        var client = Id(await CreateClientAsync(Unique("Lost deal client ")));
        var deal = await DealAsync(Http, new { clientId = client, title = "Service contract", value = 5_000m, currency = "RUB" });

        var before = await DbSnapshot.TakeAsync(App);
        await AssertInvalidAsync(await PatchAsync(Http, Id(deal), new { stageId = stages["Lost"] }), "lostReason");
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        var lost = await JsonAsync(await PatchAsync(Http, Id(deal), new { stageId = stages["Lost"], lostReason = "Price too high" }));
        Assert.Equal(JsonValueKind.Null, lost.GetProperty("purchaseId").ValueKind);
        Assert.Equal("Lost", lost.GetProperty("outcome").GetString());
        Assert.Equal(0, await App.ReadAsync(db => db.Purchases.CountAsync(p => p.ClientId == client)));
    }

    [Fact]
    public async Task Bad_deals_are_refused_field_by_field_and_change_nothing()
    {
        var client = Id(await CreateClientAsync(Unique("Bad deal client ")));
        var before = await DbSnapshot.TakeAsync(App);

        await AssertInvalidAsync(await PostAsync("/api/v1/deals", new { clientId = client, value = 1m, currency = "RUB" }), "title");
        await AssertInvalidAsync(await PostAsync("/api/v1/deals", new { clientId = client, title = new string('x', 201), value = 1m, currency = "RUB" }), "title");
        await AssertInvalidAsync(await PostAsync("/api/v1/deals", new { clientId = client, title = "X", value = -1m, currency = "RUB" }), "value");
        await AssertInvalidAsync(await PostAsync("/api/v1/deals", new { clientId = client, title = "X", value = 1m, currency = "XXQ" }), "currency");
        await AssertInvalidAsync(await PostAsync("/api/v1/deals", new { clientId = client, title = "X", value = 1m, currency = "RUB", stageId = 999_999 }), "stageId");
        await AssertInvalidAsync(await PostAsync("/api/v1/deals", new { clientId = 999_999_999, title = "X", value = 1m, currency = "RUB" }), "clientId");
        // A currency without a rate to the base cannot be recorded as a sale, so the deal is not won either.
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/deals") { Content = JsonContent.Create(new { clientId = client, title = "X", value = 1m, currency = "JPY", stageId = (await StagesAsync())["Won"] }) };
        request.Headers.AcceptLanguage.ParseAdd("ru");
        var problem = await AssertInvalidAsync(await Http.SendAsync(request), "currency");
        Assert.Matches("[а-я]", problem.GetProperty("errors").GetProperty("currency")[0].GetString());

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task A_manager_sees_and_moves_the_deals_of_their_own_clients_only()
    {
        var (_, mine) = await NewManagerAsync();
        var (_, theirs) = await NewManagerAsync();
        var myClient = Id(await CreateClientAsync(mine, Unique("Mine ")));
        var theirClient = Id(await CreateClientAsync(theirs, Unique("Theirs ")));
        var theirDeal = await DealAsync(theirs, new { clientId = theirClient, title = "Theirs", value = 10m, currency = "RUB" });
        var before = await DbSnapshot.TakeAsync(App);

        Assert.Equal(HttpStatusCode.NotFound, (await mine.GetAsync($"/api/v1/deals/{Id(theirDeal)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PatchAsync(mine, Id(theirDeal), new { title = "Taken" })).StatusCode);
        await AssertInvalidAsync(await mine.PostAsJsonAsync("/api/v1/deals", new { clientId = theirClient, title = "Poach", value = 1m, currency = "RUB" }), "clientId");
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        var myDeal = await DealAsync(mine, new { clientId = myClient, title = "Mine", value = 10m, currency = "RUB" });
        var listed = (await JsonAsync(await mine.GetAsync("/api/v1/deals?limit=500"))).GetProperty("items").EnumerateArray().Select(Id).ToList();
        Assert.Equal([Id(myDeal)], listed);
    }

    [Fact]
    public async Task The_forecast_weighs_each_open_deal_by_its_stages_probability_by_month()
    {
        var stages = await StagesAsync();
        var (me, http) = await NewManagerAsync();
        var client = Id(await CreateClientAsync(http, Unique("Forecast ")));
        await DealAsync(http, new { clientId = client, title = "A", value = 1_000m, currency = "RUB", expectedCloseOn = "2027-03-02", stageId = stages["Qualified"] });
        await DealAsync(http, new { clientId = client, title = "B", value = 2_000m, currency = "RUB", expectedCloseOn = "2027-03-31", stageId = stages["Proposal"] });
        await DealAsync(http, new { clientId = client, title = "C", value = 400m, currency = "RUB", expectedCloseOn = "2027-04-15", stageId = stages["Contract"] });
        await DealAsync(http, new { clientId = client, title = "D", value = 9_999m, currency = "RUB", expectedCloseOn = "2027-03-10", stageId = stages["Lost"], lostReason = "Gone" });

        var rows = (await JsonAsync(await http.GetAsync("/api/v1/deals/forecast"))).EnumerateArray()
            .Select(r => (r.GetProperty("month").GetString(), r.GetProperty("managerId").GetInt64(), r.GetProperty("deals").GetInt32(), r.GetProperty("value").GetDecimal(), r.GetProperty("weighted").GetDecimal()))
            .ToList();

        // March: 1,000 × 20% + 2,000 × 50%; April: 400 × 90%; the lost deal counts nowhere.
        Assert.Equal([("2027-03-01", me, 2, 3_000m, 1_200m), ("2027-04-01", me, 1, 400m, 360m)], rows);
    }

    [Fact]
    public async Task The_owner_edits_the_stages_a_manager_cannot_and_a_stage_with_deals_stays()
    {
        var (_, manager) = await NewManagerAsync();
        var created = await JsonAsync(await PostAsync("/api/v1/pipeline-stages", new { name = "Demo given", position = 35, probability = 40 }), HttpStatusCode.Created);
        var renamed = await JsonAsync(await SendAsync(HttpMethod.Patch, $"/api/v1/pipeline-stages/{Id(created)}", new { probability = 45 }, $"\"{created.GetProperty("version").GetInt64()}\""));
        Assert.Equal(("Demo given", 45), (renamed.GetProperty("name").GetString(), renamed.GetProperty("probability").GetInt32()));
        var client = Id(await CreateClientAsync(Unique("Stage client ")));
        await DealAsync(Http, new { clientId = client, title = "On the new stage", value = 1m, currency = "RUB", stageId = Id(created) });
        var before = await DbSnapshot.TakeAsync(App);

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync("/api/v1/pipeline-stages", new { name = "Mine", position = 1, probability = 1 })).StatusCode);
        await AssertInvalidAsync(await PostAsync("/api/v1/pipeline-stages", new { name = "Sure thing", position = 1, probability = 101 }), "probability");
        await AssertInvalidAsync(await SendAsync(HttpMethod.Delete, $"/api/v1/pipeline-stages/{Id(created)}"), "id");
        await AssertInvalidAsync(await SendAsync(HttpMethod.Patch, $"/api/v1/pipeline-stages/{Id(created)}", new { outcome = "Won" }), "outcome");
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }
}

public sealed class DealsTestsOnSqlite(SqliteApp fixture) : DealsTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-2")]
public sealed class DealsTestsOnPostgres(PostgresApp fixture) : DealsTests(fixture), IClassFixture<PostgresApp>;
