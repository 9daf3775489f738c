using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Features.Company;
using Clientele.Features.Identity;
using Clientele.Features.Surveys;
using Clientele.Infrastructure.Validation;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Surveys;

/// <summary>
/// Closing the loop: an answer below 10 opens an item for the client's manager, marking it fixed needs what was fixed,
/// the client's next answer closes it, a manager sees and changes their clients' items only, an overdue item is on the
/// owner's day, and the report counts causes with the revenue of the clients behind them and the median time to fix.
/// </summary>
public abstract partial class SurveysTests
{
    private async Task<(long Id, HttpClient Http)> LoopManagerAsync()
    {
        var manager = await App.AddUserAsync(Unique("loop") + "@clientele.test", EmployeeRole.Manager, "Loop Manager");
        return (manager.Id, App.ClientWithToken(await App.IssueTokenAsync(manager.Id, "loop")));
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient http, string path, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return http.SendAsync(request);
    }

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    private async Task<long> DefaultCauseAsync(string key)
    {
        var stored = Message.Of<SurveyText>(key).Encode();
        return await App.ReadAsync(db => db.LoopCauses.Where(c => c.Name == stored).Select(c => c.Id).SingleAsync());
    }

    [Fact]
    public async Task An_answer_below_10_opens_an_item_that_a_fix_and_the_clients_next_answer_close()
    {
        var (managerId, asManager) = await LoopManagerAsync();
        var client = Id(await CreateClientAsync(Unique("Looped "), new { managerId }));
        var foreign = Id(await CreateClientAsync(Unique("Not his ")));
        var today = await App.ReadAsync(async db => (await CompanyDays.OfAsync(db)).Today(TimeProvider.System));

        await JsonAsync(await PostAsync("/api/v1/surveys", new { clientId = client, satisfaction = 10 }), HttpStatusCode.Created);
        var first = Id(await JsonAsync(await PostAsync("/api/v1/surveys", new { clientId = client, satisfaction = 7, missing = "Late delivery" }), HttpStatusCode.Created));
        await JsonAsync(await PostAsync("/api/v1/surveys", new { clientId = foreign, satisfaction = 3 }), HttpStatusCode.Created);

        // The 10 opened nothing; the 7 opened one item, the manager's, due in two weeks.
        var item = Assert.Single(Items(await JsonAsync(await asManager.GetAsync($"/api/v1/loop-items?clientId={client}"))));
        var itemId = Id(item);
        Assert.Equal((first, 7, "Late delivery", managerId, today.AddDays(LoopRules.DueAfterDays), "Open"),
            (item.GetProperty("answerId").GetInt64(), item.GetProperty("satisfaction").GetInt32(), item.GetProperty("missing").GetString(),
             item.GetProperty("ownerId").GetInt64(), DateOnly.Parse(item.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture), item.GetProperty("state").GetString()));
        // A manager's list holds their clients' items only; another's item is 404, to read and to change.
        Assert.All(Items(await JsonAsync(await asManager.GetAsync("/api/v1/loop-items"))), i => Assert.Equal(client, i.GetProperty("clientId").GetInt64()));
        var foreignItem = Id(Assert.Single(Items(await GetJsonAsync($"/api/v1/loop-items?clientId={foreign}"))));
        Assert.Equal(HttpStatusCode.NotFound, (await asManager.GetAsync($"/api/v1/loop-items/{foreignItem}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PatchAsync(asManager, $"/api/v1/loop-items/{foreignItem}", new { fix = "mine now" }, null)).StatusCode);

        // Fixed without saying what was fixed, an unknown cause, an oversized note: refused in Russian, nothing stored.
        var before = await DbSnapshot.TakeAsync(App);
        var refused = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/loop-items/{itemId}") { Content = JsonContent.Create(new { @fixed = true, causeId = 999_999_999, causeNote = new string('ж', 501) }) };
        refused.Headers.AcceptLanguage.ParseAdd("ru");
        var problem = await AssertInvalidAsync(await asManager.SendAsync(refused), "fix");
        Assert.Contains("укажите, что исправлено", problem.GetProperty("errors").GetProperty("fix")[0].GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("causeId", out _) && problem.GetProperty("errors").TryGetProperty("causeNote", out _));
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        var delivery = await DefaultCauseAsync("Delivery");
        var etag = (await asManager.GetAsync($"/api/v1/loop-items/{itemId}")).Headers.ETag!.Tag;
        var fixedItem = await JsonAsync(await PatchAsync(asManager, $"/api/v1/loop-items/{itemId}", new { causeId = delivery, fix = "Second courier on Mondays", @fixed = true }, etag));
        Assert.Equal(("Fixed", "Delivery"), (fixedItem.GetProperty("state").GetString(), fixedItem.GetProperty("cause").GetString()));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PatchAsync(asManager, $"/api/v1/loop-items/{itemId}", new { fix = "stale" }, etag)).StatusCode);

        // Asked again (a new personal link, answered 9): the fixed item closes with that answer, and the 9 opens its own item.
        var (linkId, path) = await LinkAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(linkId, path, new() { ["satisfaction"] = "9" }, Thoughtful)).StatusCode);
        var again = await App.ReadAsync(db => db.SurveyAnswers.Where(a => a.ClientId == client).OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync());
        var closed = await JsonAsync(await asManager.GetAsync($"/api/v1/loop-items/{itemId}"));
        Assert.Equal(("Closed", again), (closed.GetProperty("state").GetString(), closed.GetProperty("closedByAnswerId").GetInt64()));
        var open = Assert.Single(Items(await JsonAsync(await asManager.GetAsync($"/api/v1/loop-items?clientId={client}&state=open"))));
        Assert.Equal((again, managerId), (open.GetProperty("answerId").GetInt64(), open.GetProperty("ownerId").GetInt64()));
        await AssertInvalidAsync(await PatchAsync(asManager, $"/api/v1/loop-items/{itemId}", new { fix = "after the fact" }, null), "fixed");
        await AssertInvalidAsync(await asManager.GetAsync("/api/v1/loop-items?state=someday"), "state");

        // Past its due day and not fixed: overdue in the list's filter and on the owner's day.
        await App.ReadAsync(db => db.LoopItems.Where(i => i.Id == Id(open)).ExecuteUpdateAsync(u => u.SetProperty(i => i.DueOn, today.AddDays(-1))));
        Assert.Equal([Id(open)], Items(await JsonAsync(await asManager.GetAsync($"/api/v1/loop-items?ownerId={managerId}&overdue=true"))).Select(Id));
        var day = await JsonAsync(await asManager.GetAsync("/api/v1/my-day"));
        Assert.Equal([Id(open)], day.GetProperty("overdueItems").EnumerateArray().Select(Id));

        // A cause in use stays; one nobody named goes.
        await AssertInvalidAsync(await SendAsync(HttpMethod.Delete, $"/api/v1/loop-causes/{delivery}"), "id");
        var packaging = await JsonAsync(await PostAsync("/api/v1/loop-causes", new { name = "Packaging" }), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, $"/api/v1/loop-causes/{Id(packaging)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asManager.PostAsJsonAsync("/api/v1/loop-causes", new { name = "Mine" })).StatusCode);
    }

    [Fact]
    public async Task The_loop_report_counts_causes_with_their_clients_revenue_and_the_median_days_to_fix()
    {
        var (managerId, asManager) = await LoopManagerAsync();
        var (price, quality) = (await DefaultCauseAsync("Price"), await DefaultCauseAsync("Product quality"));
        var clients = new List<long>();
        foreach (var revenue in new[] { 1000m, 250m, 40m })
        {
            var client = Id(await CreateClientAsync(Unique("Reported "), new { managerId }));
            await JsonAsync(await PostAsync("/api/v1/purchases", new
            {
                clientId = client, date = DateTime.UtcNow.AddDays(-30), currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price = revenue } },
            }), HttpStatusCode.Created);
            clients.Add(client);
        }
        // Four answers below 10: two of the 1,000 client (price), one of the 250 client (price), one of the 40 client (quality).
        var answers = new List<long>();
        foreach (var client in new[] { clients[0], clients[0], clients[1], clients[2] })
            answers.Add(Id(await JsonAsync(await PostAsync("/api/v1/surveys", new { clientId = client, satisfaction = 5 }), HttpStatusCode.Created)));
        var items = await App.ReadAsync(db => db.LoopItems.Where(i => answers.Contains(i.AnswerId)).OrderBy(i => i.AnswerId).Select(i => i.Id).ToListAsync());
        Assert.Equal(4, items.Count);
        foreach (var (itemId, cause) in items.Zip(new[] { price, price, price, quality }))
            await JsonAsync(await PatchAsync(asManager, $"/api/v1/loop-items/{itemId}", new { causeId = cause, fix = "Done" }, null));
        // The test's hook on the clock: the items are dated back so that the three fixed took 2, 3 and 7 days; the fourth is not fixed.
        var now = DateTime.UtcNow;
        foreach (var (itemId, days) in items.Zip(new[] { 2, 3, 7 }))
            await App.ReadAsync(db => db.LoopItems.Where(i => i.Id == itemId).ExecuteUpdateAsync(u => u.SetProperty(i => i.CreatedAt, now.AddDays(-days)).SetProperty(i => i.FixedAt, now)));

        var report = await JsonAsync(await asManager.GetAsync("/api/v1/loop-items/report"));

        // Price: 3 items, 2 clients, 1,000 + 250 = 1,250; quality: 1 item, 1 client, 40. Median of 2, 3, 7 days = 3.
        Assert.Equal((4, 3, 0, 3.0m), (report.GetProperty("opened").GetInt32(), report.GetProperty("fixed").GetInt32(), report.GetProperty("closed").GetInt32(), report.GetProperty("medianDaysToFix").GetDecimal()));
        Assert.Equal([("Price", 3, 2, 1250m), ("Product quality", 1, 1, 40m)],
            report.GetProperty("causes").EnumerateArray().Select(c => (c.GetProperty("cause").GetString()!, c.GetProperty("items").GetInt32(), c.GetProperty("clients").GetInt32(), c.GetProperty("revenue").GetDecimal())).ToList());
        var german = new HttpRequestMessage(HttpMethod.Get, "/api/v1/loop-items/report");
        german.Headers.AcceptLanguage.ParseAdd("de");
        Assert.Equal("Preis", (await JsonAsync(await asManager.SendAsync(german))).GetProperty("causes")[0].GetProperty("cause").GetString());
        var empty = await JsonAsync(await asManager.GetAsync("/api/v1/loop-items/report?from=2001-01-01&to=2001-12-31"));
        Assert.Equal((0, JsonValueKind.Null), (empty.GetProperty("opened").GetInt32(), empty.GetProperty("medianDaysToFix").ValueKind));
    }
}
