using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Clientele.Tests.Pipeline;

/// <summary>"Can we afford this client?" on a deal, read by managers whose scope holds exactly the clients made here.</summary>
public abstract partial class DealsTests
{
    private static async Task<JsonElement> AffordabilityAsync(HttpClient http, long deal, string language = "en")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/deals/{deal}/affordability");
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await JsonAsync(await http.SendAsync(request));
    }

    private static async Task BuyAsync(HttpClient http, long client, DateTime date, decimal price, decimal unitCost) =>
        await JsonAsync(await http.PostAsJsonAsync("/api/v1/purchases", new
        {
            clientId = client, date, currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price, unitCost } },
        }), HttpStatusCode.Created);

    private static async Task ServeAsync(HttpClient http, long client, DateTime date, decimal amount, decimal? hours = null, decimal? hourlyRate = null) =>
        await JsonAsync(await http.PostAsJsonAsync("/api/v1/service-costs", new
        {
            clientId = client, date = DateOnly.FromDateTime(date), amount, hours, hourlyRate, currency = "RUB", category = hours is null ? "Delivery" : "ManagerTime",
        }), HttpStatusCode.Created);

    [Fact]
    public async Task Affordability_weighs_the_margin_against_the_channels_cac_and_similar_clients_costs_and_hides_them()
    {
        // Everything within the last year, so each peer counts as buying one year: its yearly figures are its totals.
        var today = DateTime.UtcNow.Date.AddHours(12);
        var acquired = DateOnly.FromDateTime(today.AddDays(-40));
        var channel = Id(await JsonAsync(await PostAsync("/api/v1/channels", new { name = Unique("Afford channel ") }), HttpStatusCode.Created));
        await JsonAsync(await SendAsync(HttpMethod.Put, $"/api/v1/channel-spend/{channel}/{acquired:yyyy-MM}", """{"amount":8000}"""));
        var (me, manager) = await NewManagerAsync();
        var card = new { managerId = me, acquisitionChannelId = channel, acquiredOn = acquired };

        // Three buying clients of the channel:  rate 3,000/10,000 = 0.30, 5,000/20,000 = 0.25, 2,400/6,000 = 0.40 → 0.30;
        // cost to serve 600, 400, 900 → 600; purchases 2, 1, 3 → 2. Cost to serve per purchase 600 / 2 = 300.
        foreach (var (purchases, price, cost, serve) in new[] { (2, 5_000m, 3_500m, 600m), (1, 20_000m, 15_000m, 400m), (3, 2_000m, 1_200m, 900m) })
        {
            var peer = Id(await CreateClientAsync(manager, Unique("Afford peer "), card));
            for (var k = 0; k < purchases; k++) await BuyAsync(manager, peer, today.AddDays(-30 + k), price, cost);
            await ServeAsync(manager, peer, today.AddDays(-20), serve);
        }
        // The prospect: 4 hours × 250 logged winning it. The channel won four clients that month: CAC 8,000 / 4 = 2,000;
        // acquisition 2,000 + 1,000 = 3,000.
        var prospect = Id(await CreateClientAsync(manager, Unique("Afford prospect "), card));
        await ServeAsync(manager, prospect, today.AddDays(-5), 1_000m, 4m, 250m);
        var big = Id(await DealAsync(manager, new { clientId = prospect, title = "Big order", value = 20_000m, currency = "RUB" }));
        var mid = Id(await DealAsync(manager, new { clientId = prospect, title = "Mid order", value = 2_000m, currency = "RUB" }));
        var small = Id(await DealAsync(manager, new { clientId = prospect, title = "Small order", value = 800m, currency = "RUB" }));

        // 20,000 × 0.30 = 6,000; 6,000 − 300 ≥ 3,000: the first deal pays. First year 6,000 × 2 − 3,000 − 600 = 8,400.
        var first = await AffordabilityAsync(manager, big);
        Assert.Equal(("PaysOffWithFirstDeal", 1, 0.3m, "SimilarClients", 6_000m), (first.GetProperty("verdict").GetString(), first.GetProperty("paybackPurchases").GetInt32(),
            first.GetProperty("marginRate").GetDecimal(), first.GetProperty("marginSource").GetString(), first.GetProperty("firstDealMargin").GetDecimal()));
        Assert.Equal((3_000m, 2_000m, 1_000m, 4m, 600m, 2m, 300m, 8_400m), (first.GetProperty("acquisitionCost").GetDecimal(), first.GetProperty("channelCac").GetDecimal(),
            first.GetProperty("costsSoFar").GetDecimal(), first.GetProperty("hoursSoFar").GetDecimal(), first.GetProperty("yearlyCostToServe").GetDecimal(),
            first.GetProperty("purchasesPerYear").GetDecimal(), first.GetProperty("costToServePerPurchase").GetDecimal(), first.GetProperty("firstYearResult").GetDecimal()));
        Assert.Equal(("SameChannel", 3, false), (first.GetProperty("similarBasis").GetString(), first.GetProperty("similarClients").GetInt32(), first.GetProperty("tooFewSimilarClients").GetBoolean()));
        Assert.Equal("Pays off with the first deal; the channel's acquisition cost is 2,000 RUB.", first.GetProperty("summary").GetString());
        Assert.Empty(first.GetProperty("warnings").EnumerateArray());
        // Similar clients are medians and a count: the only client id in the answer is the deal's own, no peer's name is in it.
        Assert.DoesNotContain("Afford peer", first.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["clientId", "similarClients", "tooFewSimilarClients"], first.EnumerateObject().Select(p => p.Name).Where(n => n.Contains("lient", StringComparison.Ordinal)));
        Assert.Equal(["explanations", "warnings"], first.EnumerateObject().Where(p => p.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Object && p.Name != "capacity").Select(p => p.Name).Order());
        Assert.All(first.GetProperty("explanations").EnumerateObject(), e => Assert.Equal(JsonValueKind.String, e.Value.ValueKind));

        // 2,000 × 0.30 = 600, less 300 to serve = 300 a purchase: 3,000 / 300 = 10 purchases.
        var after = await AffordabilityAsync(manager, mid, "ru");
        Assert.Equal(("PaysOffAfterPurchases", 10), (after.GetProperty("verdict").GetString(), after.GetProperty("paybackPurchases").GetInt32()));
        Assert.StartsWith("Окупается после 10 покупок такого размера; стоимость привлечения в канале — 2", after.GetProperty("summary").GetString());

        // 800 × 0.30 = 240 < 300 to serve: never pays back. First year 240 × 2 − 3,000 − 600 = −3,120.
        var loss = await AffordabilityAsync(manager, small);
        Assert.Equal(("LossMaker", JsonValueKind.Null, -3_120m), (loss.GetProperty("verdict").GetString(), loss.GetProperty("paybackPurchases").ValueKind, loss.GetProperty("firstYearResult").GetDecimal()));
        Assert.Contains("This deal would make a loss-making client.", loss.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));

        // Another manager has one buying client: too few to take a median of, so none is given, and over a capacity of 1.
        var (_, other) = await NewManagerAsync();
        var lone = Id(await CreateClientAsync(other, Unique("Lone buyer ")));
        await BuyAsync(other, lone, today.AddDays(-10), 50_000m, 10_000m);
        var newcomer = Id(await CreateClientAsync(other, Unique("Newcomer ")));
        var guess = Id(await DealAsync(other, new { clientId = newcomer, title = "First try", value = 50_000m, currency = "RUB" }));
        await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/analytics/managers-load/settings", """{"uncontactedDaysA":30,"capacity":1}"""));
        try
        {
            var few = await AffordabilityAsync(other, guess);
            Assert.Equal(("Unknown", true, 1, JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null), (few.GetProperty("verdict").GetString(),
                few.GetProperty("tooFewSimilarClients").GetBoolean(), few.GetProperty("similarClients").GetInt32(), few.GetProperty("marginRate").ValueKind,
                few.GetProperty("yearlyCostToServe").ValueKind, few.GetProperty("similarBasis").ValueKind));
            Assert.DoesNotContain("Lone buyer", few.GetRawText(), StringComparison.Ordinal);
            var capacity = few.GetProperty("capacity");
            Assert.True(capacity.GetProperty("exceeded").GetBoolean());
            Assert.Equal(1, capacity.GetProperty("capacity").GetInt32());
            Assert.Equal(2, few.GetProperty("warnings").GetArrayLength());
        }
        finally
        {
            await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/analytics/managers-load/settings", """{"uncontactedDaysA":30,"capacity":150}"""));
        }

        // Each manager is refused the other's deal as the deal itself is refused; the owner reads both.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/deals/{big}/affordability")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/deals/{guess}/affordability")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/api/v1/deals/999999999/affordability")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync($"/api/v1/deals/{guess}/affordability")).StatusCode);
    }
}
