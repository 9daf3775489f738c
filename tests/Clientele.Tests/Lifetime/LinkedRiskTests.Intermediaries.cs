using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Lifetime;

/// <summary>
/// Intermediaries (issues 21 and 23, ADR 044) in the linked-risk class's app, so that they cost no app start of their own:
/// a client served through an intermediary (and the refusals of a self link, a cycle, an end customer and a hidden one,
/// with the database unchanged), a deal's intermediary, the partner report's figures by hand for the owner, two managers,
/// an analyst and a marketer, the chain on the card, and "served by the same dealer" among the linked-loss flags.
/// </summary>
public abstract partial class LinkedRiskTests
{
    private static readonly string LongAgo = DateTime.UtcNow.AddMonths(-8).ToString("O", CultureInfo.InvariantCulture);

    private async Task BuyAsync(long clientId, string date, decimal price, decimal unitCost) =>
        await JsonAsync(await PostAsync("/api/v1/purchases", new
        {
            clientId, date, currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price, unitCost } },
        }), HttpStatusCode.Created);

    private static async Task<Dictionary<string, JsonElement>> RowsAsync(HttpClient http)
    {
        var report = await JsonAsync(await http.GetAsync("/api/v1/analytics/partners"));
        return report.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("id") is { ValueKind: JsonValueKind.Number } id ? id.GetInt64().ToString(CultureInfo.InvariantCulture) : "unseen");
    }

    private static (int Clients, int Active, int Lost, int Buying, decimal Revenue, decimal Contribution) Figures(JsonElement row) =>
        (row.GetProperty("clients").GetInt32(), row.GetProperty("active").GetInt32(), row.GetProperty("lost").GetInt32(), row.GetProperty("buying").GetInt32(),
         row.GetProperty("revenue").GetDecimal(), row.GetProperty("contribution").GetDecimal());

    private static decimal? Own(JsonElement row) => row.GetProperty("ownRevenue") is { ValueKind: JsonValueKind.Number } own ? own.GetDecimal() : null;

    [Fact]
    public async Task Clients_served_through_a_dealer_show_the_chain_count_in_the_partner_report_and_are_flagged_when_one_leaves()
    {
        var first = await UserAsync("pfirst", EmployeeRole.Manager);
        var second = await UserAsync("psecond", EmployeeRole.Manager);
        var analyst = await UserAsync("panalyst", EmployeeRole.Analyst);
        var marketer = await UserAsync("pmarketer", EmployeeRole.Marketer);
        // The distributor (second's) serves the dealer (first's); the dealer serves two of first's clients and one of second's.
        var distributor = await ClientAsync("Distributor Centre", second.Id, role: "Distributor");
        var dealer = await ClientAsync("Dealer South", first.Id, servedThroughId: distributor.Id, role: "Dealer");
        var near = await ClientAsync("Near", first.Id, servedThroughId: dealer.Id);
        var leaving = await ClientAsync("Leaving", first.Id, servedThroughId: dealer.Id);
        var far = await ClientAsync("Far", second.Id, servedThroughId: dealer.Id);
        var plain = await ClientAsync("Plain", first.Id);

        // Refused, each with its reason, and nothing written: an end customer, itself, a cycle, a dealer turned end customer
        // while it serves clients, and — for a manager — an intermediary they do not see (it is "no client", not named).
        var before = await DbSnapshot.TakeAsync(App);
        using (var russian = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/clients/{near.Id}") { Content = JsonContent.Create(new { servedThroughId = plain.Id }) })
        {
            russian.Headers.AcceptLanguage.ParseAdd("ru");
            var refused = await AssertInvalidAsync(await Http.SendAsync(russian), "servedThroughId");
            Assert.Equal($"клиент {plain.Id} — конечный покупатель; обслуживать других клиентов может только дилер, дистрибьютор, агент или партнёр.",
                refused.GetProperty("errors").GetProperty("servedThroughId")[0].GetString());
        }
        await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/clients/{dealer.Id}", $$"""{"servedThroughId":{{dealer.Id}}}"""), "servedThroughId");
        var cycle = await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/clients/{distributor.Id}", $$"""{"servedThroughId":{{dealer.Id}}}"""), "servedThroughId");
        Assert.Contains("circle", cycle.GetProperty("errors").GetProperty("servedThroughId")[0].GetString());
        await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/clients/{dealer.Id}", """{"role":"EndCustomer"}"""), "role");
        await AssertInvalidAsync(await SendAsync(second.Http, HttpMethod.Patch, $"/api/v1/clients/{far.Id}", $$"""{"servedThroughId":{{plain.Id}}}"""), "servedThroughId");
        await AssertInvalidAsync(await second.Http.PostAsJsonAsync("/api/v1/clients", new { name = Unique("Hidden "), servedThroughId = dealer.Id }), "servedThroughId");
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        // The second manager edits their client served through a dealer they do not see: the link is kept as it was.
        var renamed = await JsonAsync(await SendAsync(second.Http, HttpMethod.Patch, $"/api/v1/clients/{far.Id}", """{"city":"Rostov"}""", ifMatch: "\"1\""));
        Assert.Equal(dealer.Id, renamed.GetProperty("servedThroughId").GetInt64());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(second.Http, HttpMethod.Patch, $"/api/v1/clients/{far.Id}", """{"city":"Azov"}""", ifMatch: "\"1\"")).StatusCode);

        // A deal takes its client's intermediary unless it names one; an end customer is no intermediary for a deal either.
        var deal = await JsonAsync(await PostAsync("/api/v1/deals", new { clientId = near.Id, title = "Spring order", value = 1000m, currency = "RUB" }), HttpStatusCode.Created);
        Assert.Equal(dealer.Id, deal.GetProperty("intermediaryId").GetInt64());
        await AssertInvalidAsync(await PostAsync("/api/v1/deals", new { clientId = near.Id, title = "Odd", value = 1m, currency = "RUB", intermediaryId = plain.Id }), "intermediaryId");
        var direct = await JsonAsync(await PostAsync("/api/v1/deals", new { clientId = plain.Id, title = "Via the distributor", value = 1m, currency = "RUB", intermediaryId = distributor.Id }),
            HttpStatusCode.Created);
        Assert.Equal(distributor.Id, direct.GetProperty("intermediaryId").GetInt64());

        // Purchases (price, unit cost): in the period near 5000/3000 and, 8 months back, 7000/0 (outside); leaving 2000/500;
        // far 3000/1000; the dealer's own 1000/600. Then leaving is lost (10 days ago).
        await BuyAsync(near.Id, Recently, 5000m, 3000m);
        await BuyAsync(near.Id, LongAgo, 7000m, 0m);
        await BuyAsync(leaving.Id, Recently, 2000m, 500m);
        await BuyAsync(far.Id, Recently, 3000m, 1000m);
        await BuyAsync(dealer.Id, Recently, 1000m, 600m);
        var lostOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await JsonAsync(await PostAsync($"/api/v1/clients/{leaving.Id}/lost", new { reasonCode = "price", lostOn }));

        // The owner, by hand: the dealer serves 3 (2 active, 1 lost, 3 buying), revenue 5000 + 2000 + 3000 = 10000, contribution
        // 2000 + 1500 + 2000 = 5500, its own 1000 apart; the distributor serves the dealer: 1 client, 1000, 400, own 0.
        var owner = await RowsAsync(Http);
        Assert.Equal((3, 2, 1, 3, 10000m, 5500m), Figures(owner[$"{dealer.Id}"]));
        Assert.Equal((1000m, "Dealer"), (Own(owner[$"{dealer.Id}"])!.Value, owner[$"{dealer.Id}"].GetProperty("role").GetString()!));
        Assert.Equal((1, 1, 0, 1, 1000m, 400m), Figures(owner[$"{distributor.Id}"]));
        Assert.Equal(0m, Own(owner[$"{distributor.Id}"]));
        Assert.False(owner.ContainsKey("unseen"));
        // The first manager: their two clients through the dealer (7000, 3500) and the dealer itself through a distributor they
        // do not see — one row without a name; nothing of the second manager's leaks, not even as a count.
        var mine = await RowsAsync(first.Http);
        Assert.Equal((2, 1, 1, 2, 7000m, 3500m), Figures(mine[$"{dealer.Id}"]));
        Assert.Equal((1, 1, 0, 1, 1000m, 400m), Figures(mine["unseen"]));
        var mineBody = await (await first.Http.GetAsync("/api/v1/analytics/partners")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(distributor.Name, mineBody, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"id\":{distributor.Id},", mineBody, StringComparison.Ordinal);
        // The second manager: the distributor serves none of their clients (counted, not listed); their one client through the hidden dealer.
        var theirs = await RowsAsync(second.Http);
        Assert.False(theirs.ContainsKey($"{distributor.Id}"));
        Assert.Equal(1, (await JsonAsync(await second.Http.GetAsync("/api/v1/analytics/partners"))).GetProperty("idleIntermediaries").GetInt32());
        Assert.Equal((1, 1, 0, 1, 3000m, 2000m), Figures(theirs["unseen"]));
        Assert.DoesNotContain(dealer.Name, await (await second.Http.GetAsync("/api/v1/analytics/partners")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The analyst: the owner's figures with names masked; the marketer may not read money per partner.
        var masked = await RowsAsync(analyst.Http);
        Assert.Equal((3, 2, 1, 3, 10000m, 5500m), Figures(masked[$"{dealer.Id}"]));
        Assert.Equal($"Client #{dealer.Id}", masked[$"{dealer.Id}"].GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.Http.GetAsync("/api/v1/analytics/partners")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.Http.GetAsync("/api/v1/analytics/partners/export")).StatusCode);
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/analytics/partners?from=2026-13"), "from");
        var csv = await Http.GetAsync("/api/v1/analytics/partners/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains(dealer.Name, await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The list filtered by the intermediary: the owner's three, the first manager's two.
        var served = await JsonAsync(await Http.GetAsync($"/api/v1/clients?servedThrough={dealer.Id}"));
        Assert.Equal(new[] { near.Id, leaving.Id, far.Id }.Order(), served.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).Order());
        Assert.Equal(2, (await JsonAsync(await first.Http.GetAsync($"/api/v1/clients?servedThrough={dealer.Id}"))).GetProperty("items").GetArrayLength());

        // The card, as the server renders it: the chain for the owner; the first manager sees the distributor unnamed.
        Assert.Contains($"{dealer.Name}</a> <span class=\"chain-role\"", await CardAsync(Http, near.Id, "ru"));
        var ownerCard = await CardAsync(Http, near.Id, "ru");
        Assert.Contains("Обслуживается через", ownerCard);
        Assert.Contains(distributor.Name, ownerCard);
        var firstCard = await CardAsync(first.Http, near.Id, "de");
        Assert.Contains("ein Vermittler, den Sie nicht betreuen", firstCard);
        Assert.DoesNotContain(distributor.Name, firstCard);
        Assert.Contains("betreut 2 Kunden", await CardAsync(first.Http, dealer.Id, "de"));

        // Issue 23: the lost client's dealer's other active clients are flagged, "served by the same dealer"; the second manager
        // sees their client flagged without the dealer or the lost client named.
        var flags = (await JsonAsync(await Http.GetAsync("/api/v1/clients/linked-risk"))).GetProperty("items").EnumerateArray()
            .Where(r => r.GetProperty("lostClientId") is { ValueKind: JsonValueKind.Number } l && l.GetInt64() == leaving.Id)
            .ToDictionary(r => r.GetProperty("clientId").GetInt64());
        Assert.Equal(new[] { near.Id, far.Id }.Order(), flags.Keys.Order());
        Assert.All(flags.Values, f => Assert.Equal(("SameDealer", dealer.Id), (f.GetProperty("link").GetString(), f.GetProperty("viaClientId").GetInt64())));
        var farFlag = (await JsonAsync(await second.Http.GetAsync("/api/v1/clients/linked-risk"))).GetProperty("items").EnumerateArray().Single(r => r.GetProperty("clientId").GetInt64() == far.Id);
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (farFlag.GetProperty("viaClientId").ValueKind, farFlag.GetProperty("lostClientId").ValueKind));
    }

    private async Task<string> CardAsync(HttpClient http, long clientId, string language)
    {
        using var card = new HttpRequestMessage(HttpMethod.Get, $"/clients/{clientId}");
        card.Headers.AcceptLanguage.ParseAdd(language);
        return WebUtility.HtmlDecode(await (await http.SendAsync(card)).Content.ReadAsStringAsync());
    }
}
