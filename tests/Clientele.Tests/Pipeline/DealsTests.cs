using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Pipeline;

/// <summary>Stages and deals: the board's columns, a deal's way to won or lost, the sale it records, who sees it, the forecast.</summary>
public abstract partial class DealsTests(AppFixture fixture) : ApiTest(fixture)
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
    public async Task Every_move_is_kept_in_the_stage_history_and_the_stage_report_converts_it_per_stage()
    {
        var stages = await StagesAsync();
        var (me, mine) = await NewManagerAsync();
        var (_, theirs) = await NewManagerAsync();
        var client = Id(await CreateClientAsync(mine, Unique("Flow ")));
        var theirClient = Id(await CreateClientAsync(theirs, Unique("Flow theirs ")));

        async Task<long> WalkAsync(HttpClient http, long clientId, params string[] path)
        {
            var deal = await DealAsync(http, new { clientId, title = "Flow", value = 100m, currency = "RUB", stageId = stages[path[0]], lostReason = path[0] == "Lost" ? "Price" : null });
            foreach (var stage in path.Skip(1))
                deal = await JsonAsync(await PatchAsync(http, Id(deal), new { stageId = stages[stage], lostReason = stage == "Lost" ? "Price" : null }));
            return Id(deal);
        }
        var won = await WalkAsync(mine, client, "New", "Qualified", "Proposal", "Won");
        var lost = await WalkAsync(mine, client, "New", "Lost");
        var waiting = await WalkAsync(mine, client, "New", "Qualified");
        var foreign = await WalkAsync(theirs, theirClient, "New", "Lost");
        // A save that does not move the deal adds no visit.
        await JsonAsync(await PatchAsync(mine, waiting, new { title = "Flow, renamed" }));

        var history = await App.ReadAsync(db => db.DealStageChanges.AsNoTracking().Where(c => c.DealId == won).OrderBy(c => c.Id)
            .Select(c => new { c.FromStageId, c.ToStageId, c.ManagerId, c.At }).ToListAsync());
        Assert.Equal([(null, stages["New"]), (stages["New"], stages["Qualified"]), (stages["Qualified"], stages["Proposal"]), (stages["Proposal"], stages["Won"])],
            history.Select(h => (h.FromStageId, h.ToStageId)));
        Assert.All(history, h => Assert.Equal(me, h.ManagerId));
        var dealNow = await App.ReadAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == won));
        Assert.Equal(dealNow.StageEnteredAt, history[^1].At);

        // The moves happened within a second; dated by hand (midday, company days in January 2027) to be counted.
        var dates = new Dictionary<long, int[]> { [won] = [2, 4, 9, 19], [lost] = [3, 5], [waiting] = [6, 8], [foreign] = [2, 3] };
        await App.ReadAsync(async db =>
        {
            foreach (var (deal, days) in dates)
            {
                var ids = await db.DealStageChanges.Where(c => c.DealId == deal).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
                for (var k = 0; k < ids.Count; k++)
                    await db.DealStageChanges.Where(c => c.Id == ids[k]).ExecuteUpdateAsync(u => u.SetProperty(c => c.At, new DateTime(2027, 1, days[k], 12, 0, 0, DateTimeKind.Utc)));
            }
            return 0;
        });

        static Dictionary<string, JsonElement> ByName(JsonElement report) =>
            report.GetProperty("stages").EnumerateArray().ToDictionary(r => r.GetProperty("stageName").GetString()!);
        static (int, int, int, int, double?, double?, double?, double?) Figures(JsonElement r) =>
            (r.GetProperty("entered").GetInt32(), r.GetProperty("movedOn").GetInt32(), r.GetProperty("lost").GetInt32(), r.GetProperty("stillThere").GetInt32(),
                Number(r.GetProperty("conversionToNext")), Number(r.GetProperty("conversionToWon")), Number(r.GetProperty("medianDays")), Number(r.GetProperty("averageDays")));
        static double? Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();

        var report = ByName(await JsonAsync(await mine.GetAsync("/api/v1/deals/stage-report?from=2027-01-01&to=2027-01-31")));
        // New: three of mine (the other manager's is not mine to see); two moved on, one lost; one was won after it.
        // Days 2 (won), 2 (lost), 2 (waiting) → median and mean 2.
        Assert.Equal((3, 2, 1, 0, 0.6667, 0.3333, 2.0, 2.0), Figures(report["New"]));
        // Qualified: the won deal left after 5 days, the waiting one is still there.
        Assert.Equal((2, 1, 0, 1, 0.5, 0.5, 5.0, 5.0), Figures(report["Qualified"]));
        Assert.Equal((1, 1, 0, 0, 1.0, 1.0, 10.0, 10.0), Figures(report["Proposal"]));
        Assert.Equal((1, 0, 0, 1, null, null, null, null), Figures(report["Won"]));
        Assert.Equal((1, 0, 0, 1, null, null, null, null), Figures(report["Lost"]));

        // The owner sees both managers, and may ask for one; a period after the visits counts nothing.
        Assert.Equal(4, ByName(await GetJsonAsync("/api/v1/deals/stage-report?from=2027-01-01&to=2027-01-31"))["New"].GetProperty("entered").GetInt32());
        Assert.Equal(3, ByName(await GetJsonAsync($"/api/v1/deals/stage-report?from=2027-01-01&to=2027-01-31&managerId={me}"))["New"].GetProperty("entered").GetInt32());
        Assert.Equal(0, ByName(await GetJsonAsync("/api/v1/deals/stage-report?from=2027-01-07&to=2027-01-31"))["New"].GetProperty("entered").GetInt32());
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/deals/stage-report?from=2027-02-01&to=2027-01-01"), "from");
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/deals/stage-report?from=someday"), "from");
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
