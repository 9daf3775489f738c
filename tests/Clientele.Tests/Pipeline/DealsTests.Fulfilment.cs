using System.Globalization;
using System.Net;
using System.Text.Json;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Pipeline;

/// <summary>
/// The sale stage (ADR 045): a deal's contract, deliveries and problems, their refusals, the report per manager and my
/// day. Every day is a few days from the company's today, so a test that runs across midnight counts the same.
/// </summary>
public abstract partial class DealsTests
{
    private static string D(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient http, string path, object body) =>
        SendAsync(http, HttpMethod.Post, path, JsonSerializer.Serialize(body, JsonSerializerOptions.Web));

    [Fact]
    public async Task The_sale_stage_is_measured_from_contracts_deliveries_and_problems_in_each_managers_scope()
    {
        var (managerId, manager) = await NewManagerAsync();
        var (otherId, other) = await NewManagerAsync();
        var deal = Id(await DealAsync(manager, new { clientId = Id(await CreateClientAsync(manager, Unique("Sale "))), title = "Boiler", value = 900m, currency = "RUB" }));
        var foreignDeal = Id(await DealAsync(other, new { clientId = Id(await CreateClientAsync(other, Unique("Foreign "))), title = "Pump", value = 500m, currency = "RUB" }));
        var today = DateOnly.Parse((await GetJsonAsync("/api/v1/deals/fulfilment-report")).GetProperty("today").GetString()!, CultureInfo.InvariantCulture);

        // Refused, naming the field, and nothing written: no contract yet, a bad contract, another manager's deal.
        var before = await DbSnapshot.TakeAsync(App);
        var noContract = await AssertInvalidAsync(await PostJsonAsync(manager, "/api/v1/deal-deliveries", new { dealId = deal, promisedOn = D(today.AddDays(-3)) }), "dealId");
        Assert.Contains("contract", noContract.GetProperty("errors").GetProperty("dealId")[0].GetString());
        await AssertInvalidAsync(await PostJsonAsync(manager, "/api/v1/deal-contracts", new { dealId = deal, number = " ", signedOn = D(today.AddDays(-20)) }), "number");
        await AssertInvalidAsync(await PostJsonAsync(manager, "/api/v1/deal-contracts", new { dealId = deal, number = new string('7', 51), signedOn = D(today.AddDays(-20)) }), "number");
        await AssertInvalidAsync(await PostJsonAsync(manager, "/api/v1/deal-contracts", new { dealId = deal, number = "C-1", signedOn = D(today.AddDays(5)) }), "signedOn");
        await AssertInvalidAsync(await PostJsonAsync(manager, "/api/v1/deal-contracts", new { dealId = foreignDeal, number = "C-9", signedOn = D(today.AddDays(-20)) }), "dealId");
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        var contract = await JsonAsync(await PostJsonAsync(manager, "/api/v1/deal-contracts", new { dealId = deal, number = "C-1", signedOn = D(today.AddDays(-20)) }), HttpStatusCode.Created);
        before = await DbSnapshot.TakeAsync(App);
        await AssertInvalidAsync(await PostJsonAsync(manager, "/api/v1/deal-contracts", new { dealId = deal, number = "C-2", signedOn = D(today.AddDays(-20)) }), "dealId");
        var early = await AssertInvalidAsync(await PostJsonAsync(manager, "/api/v1/deal-deliveries", new { dealId = deal, promisedOn = D(today.AddDays(-3)), deliveredOn = D(today.AddDays(-25)) }), "deliveredOn");
        Assert.Contains(D(today.AddDays(-20)), early.GetProperty("errors").GetProperty("deliveredOn")[0].GetString());
        await AssertInvalidAsync(await PostJsonAsync(manager, "/api/v1/deal-deliveries", new { dealId = deal, promisedOn = D(today.AddDays(-21)) }), "promisedOn");
        await AssertInvalidAsync(await PostJsonAsync(manager, "/api/v1/deal-deliveries", new { dealId = deal, promisedOn = D(today.AddDays(-3)), deliveredOn = D(today.AddDays(4)) }), "deliveredOn");
        await AssertInvalidAsync(await PostJsonAsync(manager, "/api/v1/deal-problems", new { dealId = deal, text = new string('x', 1001), raisedOn = D(today.AddDays(-3)) }), "text");
        await AssertInvalidAsync(await PostJsonAsync(manager, "/api/v1/deal-problems", new { dealId = deal, text = "Late invoice", raisedOn = D(today.AddDays(-3)), resolvedOn = D(today.AddDays(-4)) }), "resolvedOn");
        await AssertInvalidAsync(await SendAsync(manager, HttpMethod.Patch, $"/api/v1/deal-contracts/{Id(contract)}", $$"""{"dealId":{{foreignDeal}}}""", $"\"{contract.GetProperty("version").GetInt64()}\""), "dealId");
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        async Task<JsonElement> AddAsync(HttpClient http, string what, object body) => await JsonAsync(await PostJsonAsync(http, $"/api/v1/deal-{what}", body), HttpStatusCode.Created);
        await AddAsync(manager, "deliveries", new { dealId = deal, what = "First batch", promisedOn = D(today.AddDays(-10)), deliveredOn = D(today.AddDays(-10)) }); // on time
        await AddAsync(manager, "deliveries", new { dealId = deal, promisedOn = D(today.AddDays(-8)), deliveredOn = D(today.AddDays(-6)) });                      // late, kept
        var open = await AddAsync(manager, "deliveries", new { dealId = deal, what = "Boiler itself", promisedOn = D(today.AddDays(-5)) });                          // late, open
        await AddAsync(manager, "deliveries", new { dealId = deal, promisedOn = D(today.AddDays(10)) });                                                            // not due
        var problem = await AddAsync(manager, "problems", new { dealId = deal, text = "Wrong valve", raisedOn = D(today.AddDays(-7)) });
        await AddAsync(manager, "problems", new { dealId = deal, text = "Invoice late", raisedOn = D(today.AddDays(-9)), resolvedOn = D(today.AddDays(-4)) });
        await AddAsync(other, "contracts", new { dealId = foreignDeal, number = "P-1", signedOn = D(today.AddDays(-15)) });
        await AddAsync(other, "deliveries", new { dealId = foreignDeal, promisedOn = D(today.AddDays(-4)) });
        await AddAsync(other, "problems", new { dealId = foreignDeal, text = "Noise", raisedOn = D(today.AddDays(-3)) });

        var period = $"from={D(today.AddDays(-30))}&to={D(today.AddDays(-1))}";
        static (int, int, double?, int, int, int) Figures(JsonElement r) => (r.GetProperty("due").GetInt32(), r.GetProperty("onTime").GetInt32(),
            r.GetProperty("onTimeShare").ValueKind == JsonValueKind.Null ? null : r.GetProperty("onTimeShare").GetDouble(),
            r.GetProperty("lateOpen").GetInt32(), r.GetProperty("problemsRaised").GetInt32(), r.GetProperty("problemsOpen").GetInt32());
        // Due 3 (−10, −8, −5), on time 1: a third; one late and open; two problems raised, one open.
        var mine = (3, 1, (double?)(1.0 / 3), 1, 2, 1);
        var asOwner = await GetJsonAsync($"/api/v1/deals/fulfilment-report?managerId={managerId}&{period}");
        Assert.Equal(mine, Figures(Assert.Single(asOwner.GetProperty("byManager").EnumerateArray())));
        Assert.Equal(mine, Figures(asOwner.GetProperty("total")));
        var asManager = await JsonAsync(await manager.GetAsync($"/api/v1/deals/fulfilment-report?{period}"));
        Assert.Equal(mine, Figures(asManager.GetProperty("total")));
        Assert.Equal(0, (await JsonAsync(await manager.GetAsync($"/api/v1/deals/fulfilment-report?managerId={otherId}&{period}"))).GetProperty("total").GetProperty("lateOpen").GetInt32());
        var everyone = await GetJsonAsync($"/api/v1/deals/fulfilment-report?{period}");
        Assert.Equal((1, 0, (double?)0.0, 1, 1, 1), Figures(everyone.GetProperty("byManager").EnumerateArray().Single(r => r.GetProperty("managerId").ValueKind == JsonValueKind.Number && r.GetProperty("managerId").GetInt64() == otherId)));
        await AssertInvalidAsync(await Http.GetAsync($"/api/v1/deals/fulfilment-report?from={D(today)}&to={D(today.AddDays(-1))}"), "from");

        // The late delivery is on its manager's morning, the other manager's is not; another manager cannot read the contract.
        var late = (await JsonAsync(await manager.GetAsync("/api/v1/my-day"))).GetProperty("lateDeliveries").EnumerateArray().ToList();
        Assert.Equal([Id(open)], late.Select(l => l.GetProperty("id").GetInt64()));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/deal-contracts/{Id(contract)}")).StatusCode);
        Assert.Empty((await JsonAsync(await other.GetAsync($"/api/v1/deal-deliveries?dealId={deal}"))).GetProperty("items").EnumerateArray());

        // The ETag rule: a stale version is refused; the current one records the delivery and my day lets it go.
        var version = open.GetProperty("version").GetInt64();
        Assert.Equal(HttpStatusCode.PreconditionFailed,
            (await SendAsync(manager, HttpMethod.Patch, $"/api/v1/deal-deliveries/{Id(open)}", $$"""{"deliveredOn":"{{D(today.AddDays(-1))}}"}""", $"\"{version + 1}\"")).StatusCode);
        var kept = await JsonAsync(await SendAsync(manager, HttpMethod.Patch, $"/api/v1/deal-deliveries/{Id(open)}", $$"""{"deliveredOn":"{{D(today.AddDays(-1))}}"}""", $"\"{version}\""));
        Assert.Equal(version + 1, kept.GetProperty("version").GetInt64());
        Assert.Empty((await JsonAsync(await manager.GetAsync("/api/v1/my-day"))).GetProperty("lateDeliveries").EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent,
            (await SendAsync(manager, HttpMethod.Delete, $"/api/v1/deal-problems/{Id(problem)}", null, $"\"{problem.GetProperty("version").GetInt64()}\"")).StatusCode);
        Assert.Equal((3, 1, (double?)(1.0 / 3), 0, 1, 0), Figures((await JsonAsync(await manager.GetAsync($"/api/v1/deals/fulfilment-report?{period}"))).GetProperty("total")));
    }
}
