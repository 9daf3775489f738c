using System.Net;
using System.Text.Json;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Purchases;

/// <summary>Purchase totals and the client's running aggregates, kept by every write.</summary>
public abstract class PurchasesTests(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<JsonElement> CreatePurchaseAsync(long clientId, string date, object[] lines, decimal discount = 0, string currency = "RUB", decimal? exchangeRate = null) =>
        await JsonAsync(await PostAsync("/api/v1/purchases", new { clientId, date, currency, exchangeRate, discount, lines }), HttpStatusCode.Created);

    private async Task<(int Count, DateTime? Last)> AggregatesAsync(long clientId)
    {
        var client = await GetJsonAsync($"/api/v1/clients/{clientId}");
        var last = client.GetProperty("lastPurchaseAt");
        return (client.GetProperty("purchaseCount").GetInt32(), last.ValueKind == JsonValueKind.Null ? null : last.GetDateTime().ToUniversalTime());
    }

    private static DateTime Utc(string iso) => DateTime.Parse(iso, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    [Fact]
    public async Task The_total_is_the_lines_less_the_discount_and_cost_of_goods_follows_the_lines()
    {
        var client = Id(await CreateClientAsync(Unique("Buyer ")));
        var product = await JsonAsync(await PostAsync("/api/v1/products", new { name = Unique("Drill "), listPrice = 150m, unitCost = 40.25m }), HttpStatusCode.Created);

        var purchase = await CreatePurchaseAsync(client, "2025-04-10T08:30:00Z",
        [
            new { description = "Delivery", quantity = 2m, price = 100.50m, unitCost = 30m },
            new { productId = Id(product), quantity = 3m, price = 10m },
        ], discount: 11m, currency: "eur", exchangeRate: 92.5m);

        // 2 × 100.50 + 3 × 10 − 11 = 220.00; cost of goods 2 × 30 + 3 × 40.25 (the product's) = 180.75.
        Assert.Equal(220.00m, purchase.GetProperty("total").GetDecimal());
        Assert.Equal(180.75m, purchase.GetProperty("costOfGoods").GetDecimal());
        Assert.Equal("EUR", purchase.GetProperty("currency").GetString());
        Assert.Equal(92.5m, purchase.GetProperty("exchangeRate").GetDecimal());
        var lines = purchase.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([201.00m, 30m], lines.Select(l => l.GetProperty("amount").GetDecimal()));
        Assert.Equal(40.25m, lines[1].GetProperty("unitCost").GetDecimal());
        var stored = await App.ReadAsync(db => db.Purchases.AsNoTracking().SingleAsync(p => p.Id == Id(purchase)));
        Assert.Equal((220.00m, 180.75m), (stored.Total, stored.CostOfGoods));
    }

    [Fact]
    public async Task Replacing_the_lines_recomputes_the_total()
    {
        var client = Id(await CreateClientAsync(Unique("Rebuyer ")));
        var purchase = await CreatePurchaseAsync(client, "2025-04-10T08:30:00Z", [new { description = "A", quantity = 1m, price = 50m }]);

        var patched = await JsonAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/purchases/{Id(purchase)}",
            """{"lines":[{"description":"B","quantity":4,"price":12.5},{"description":"C","quantity":0.5,"price":3}],"discount":0.5}""", ifMatch: "\"1\""));

        Assert.Equal(51.00m, patched.GetProperty("total").GetDecimal());
        Assert.Equal(2, patched.GetProperty("lines").GetArrayLength());
        Assert.Equal(2, await App.ReadAsync(db => db.PurchaseLines.CountAsync(l => l.PurchaseId == Id(purchase))));
    }

    [Fact]
    public async Task The_clients_purchase_count_and_last_purchase_follow_creates_and_deletes()
    {
        var client = Id(await CreateClientAsync(Unique("Regular ")));
        Assert.Equal((0, (DateTime?)null), await AggregatesAsync(client));

        var march = await CreatePurchaseAsync(client, "2025-03-15T10:00:00Z", [new { description = "X", quantity = 1m, price = 5m }]);
        Assert.Equal((1, Utc("2025-03-15T10:00:00Z")), await AggregatesAsync(client));

        var may = await CreatePurchaseAsync(client, "2025-05-20T16:45:00Z", [new { description = "Y", quantity = 1m, price = 5m }]);
        await CreatePurchaseAsync(client, "2025-01-02T00:00:00Z", [new { description = "Z", quantity = 1m, price = 5m }]);
        Assert.Equal((3, Utc("2025-05-20T16:45:00Z")), await AggregatesAsync(client));

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/v1/purchases/{Id(may)}")).StatusCode);
        Assert.Equal((2, Utc("2025-03-15T10:00:00Z")), await AggregatesAsync(client));

        await JsonAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/purchases/{Id(march)}", """{"date":"2024-12-31T23:00:00Z"}"""));
        Assert.Equal((2, Utc("2025-01-02T00:00:00Z")), await AggregatesAsync(client));

        var hasPurchases = await GetJsonAsync($"/api/v1/clients?hasPurchases=true&limit=500");
        Assert.Contains(hasPurchases.GetProperty("items").EnumerateArray(), c => Id(c) == client);
    }

    [Fact]
    public async Task A_refused_purchase_leaves_the_clients_aggregates_alone()
    {
        var client = Id(await CreateClientAsync(Unique("Careful ")));
        var purchase = await CreatePurchaseAsync(client, "2025-03-15T10:00:00Z", [new { description = "X", quantity = 1m, price = 5m }]);
        var before = await DbSnapshot.TakeAsync(App);

        await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/purchases/{Id(purchase)}", """{"date":"2025-06-01T00:00:00Z","paidOn":"2025-05-01"}"""), "paidOn");
        await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/purchases/{Id(purchase)}", """{"clientId":987654}"""), "clientId");

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        Assert.Equal((1, Utc("2025-03-15T10:00:00Z")), await AggregatesAsync(client));
    }

    [Fact]
    public async Task Deleting_a_client_takes_its_purchases_contacts_and_tasks_with_it()
    {
        var client = Id(await CreateClientAsync(Unique("Leaving ")));
        await CreatePurchaseAsync(client, "2025-03-15T10:00:00Z", [new { description = "X", quantity = 1m, price = 5m }]);
        await JsonAsync(await PostAsync("/api/v1/contact-persons", new { clientId = client, name = "Ivan" }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync("/api/v1/tasks", new { clientId = client, title = "Bye", dueAt = "2030-01-01T00:00:00Z" }), HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/v1/clients/{client}")).StatusCode);

        Assert.Empty((await GetJsonAsync($"/api/v1/purchases?clientId={client}")).GetProperty("items").EnumerateArray());
        Assert.Equal(0, await App.ReadAsync(db => db.PurchaseLines.CountAsync(l => !db.Purchases.Any(p => p.Id == l.PurchaseId))));
        Assert.Empty((await GetJsonAsync($"/api/v1/contact-persons?clientId={client}")).GetProperty("items").EnumerateArray());
        Assert.Empty((await GetJsonAsync($"/api/v1/tasks?clientId={client}")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Deleting_a_product_or_a_referrer_keeps_what_pointed_at_it()
    {
        var referrer = Id(await CreateClientAsync(Unique("Referrer ")));
        var referred = Id(await CreateClientAsync(Unique("Referred "), new { referredById = referrer }));
        var product = Id(await JsonAsync(await PostAsync("/api/v1/products", new { name = Unique("Kettle ") }), HttpStatusCode.Created));
        var purchase = await CreatePurchaseAsync(referred, "2025-02-02T10:00:00Z", [new { productId = product, quantity = 1m, price = 9.99m }]);

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/v1/products/{product}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/v1/clients/{referrer}")).StatusCode);

        var kept = await GetJsonAsync($"/api/v1/purchases/{Id(purchase)}");
        Assert.Equal(9.99m, kept.GetProperty("total").GetDecimal());
        Assert.Equal(JsonValueKind.Null, kept.GetProperty("lines")[0].GetProperty("productId").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await GetJsonAsync($"/api/v1/clients/{referred}")).GetProperty("referredById").ValueKind);
    }

    [Fact]
    public async Task An_interaction_may_name_only_a_contact_person_of_its_own_client()
    {
        var mine = Id(await CreateClientAsync(Unique("Mine ")));
        var theirs = Id(await CreateClientAsync(Unique("Theirs ")));
        var theirContact = Id(await JsonAsync(await PostAsync("/api/v1/contact-persons", new { clientId = theirs, name = "Olga" }), HttpStatusCode.Created));
        var before = await DbSnapshot.TakeAsync(App);

        await AssertInvalidAsync(await PostAsync("/api/v1/interactions", new { clientId = mine, contactPersonId = theirContact, kind = 0 }), "contactPersonId");

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        await JsonAsync(await PostAsync("/api/v1/interactions", new { clientId = theirs, contactPersonId = theirContact, kind = 1, text = "Met at the fair" }), HttpStatusCode.Created);
    }
}

public sealed class PurchasesTestsOnSqlite(SqliteApp fixture) : PurchasesTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class PurchasesTestsOnPostgres(PostgresApp fixture) : PurchasesTests(fixture), IClassFixture<PostgresApp>;
