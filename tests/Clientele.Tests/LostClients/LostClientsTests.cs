using System.Net;
using System.Text.Json;
using Clientele.Tests.Infrastructure;
using static Clientele.Tests.LostClients.LostClientsKit;

namespace Clientele.Tests.LostClients;

/// <summary>Marking clients lost and won back through the API, with the lists of reasons and competitors.</summary>
public abstract class LostClientsTests(AppFixture fixture) : ApiTest(fixture)
{
    private LostClientsKit Lost => new(App);

    [Fact]
    public async Task Marking_lost_sets_the_status_records_the_loss_adds_the_competitor_and_writes_the_timeline()
    {
        var client = Id(await CreateClientAsync(Unique("Leaving "), new { status = "Active" }));
        var competitorName = Unique("Rival ");
        var lostOn = Today.AddDays(-3);

        var loss = await JsonAsync(await Lost.MarkAsync(client, new { reasonCode = "price", competitorName, lostOn = Day(lostOn), comment = "They found it cheaper" }));

        Assert.Equal("price", loss.GetProperty("reasonCode").GetString());
        Assert.Equal(competitorName, loss.GetProperty("competitor").GetString());
        var json = await GetJsonAsync($"/api/v1/clients/{client}");
        Assert.Equal("Lost", json.GetProperty("status").GetString());
        Assert.Equal(Day(lostOn), json.GetProperty("lostOn").GetString());
        Assert.Equal("Price", json.GetProperty("churnReason").GetString());
        Assert.Equal(competitorName, json.GetProperty("competitor").GetString());
        Assert.Equal(loss.GetProperty("clientVersion").GetInt64(), json.GetProperty("version").GetInt64());
        var competitors = await GetJsonAsync("/api/v1/competitors");
        Assert.Single(competitors.EnumerateArray(), c => c.GetProperty("name").GetString() == competitorName);
        var notes = (await GetJsonAsync($"/api/v1/interactions?clientId={client}")).GetProperty("items");
        var note = Assert.Single(notes.EnumerateArray());
        Assert.Equal("Note", note.GetProperty("kind").GetString());
        Assert.Contains("They found it cheaper", note.GetProperty("text").GetString());

        // The same competitor named in another case is the same entry, not a second one.
        var other = Id(await CreateClientAsync(Unique("Also leaving ")));
        var second = await JsonAsync(await Lost.MarkAsync(other, new { reasonCode = "competitor-offer", competitorName = competitorName.ToUpperInvariant() }));
        Assert.Equal(loss.GetProperty("competitorId").GetInt64(), second.GetProperty("competitorId").GetInt64());
        Assert.Equal(Day(Today), second.GetProperty("lostOn").GetString());
    }

    [Theory]
    [InlineData("""{"competitorName":"X"}""", "reasonId")]
    [InlineData("""{"reasonId":999999}""", "reasonId")]
    [InlineData("""{"reasonCode":"bored"}""", "reasonCode")]
    [InlineData("""{"reasonCode":"price","reasonId":1}""", "reasonId")]
    [InlineData("""{"reasonCode":"price","competitorId":999999}""", "competitorId")]
    [InlineData("""{"reasonCode":"price","lostOn":"2999-01-01"}""", "lostOn")]
    [InlineData("""{"reasonCode":"price","lostOn":"1900-01-01"}""", "lostOn")]
    public async Task Bad_input_is_refused_naming_the_field_and_changes_nothing(string body, string field)
    {
        var client = Id(await CreateClientAsync(Unique("Stays ")));
        var before = await DbSnapshot.TakeAsync(App);

        await AssertInvalidAsync(await SendAsync(HttpMethod.Post, $"/api/v1/clients/{client}/lost", body), field);

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task Too_long_texts_a_loss_before_the_last_purchase_an_unknown_client_and_a_stale_version_are_refused()
    {
        var client = Id(await CreateClientAsync(Unique("Stays ")));
        await Lost.BuyAsync(client, Today.AddDays(-5), 100m);
        var before = await DbSnapshot.TakeAsync(App);

        await AssertInvalidAsync(await Lost.MarkAsync(client, new { reasonCode = "price", comment = new string('x', 2001) }), "comment");
        await AssertInvalidAsync(await Lost.MarkAsync(client, new { reasonCode = "price", competitorName = new string('x', 201) }), "competitorName");
        await AssertInvalidAsync(await Lost.MarkAsync(client, new { reasonCode = "price", lostOn = Day(Today.AddDays(-30)) }), "lostOn");
        await AssertProblemAsync(await Lost.MarkAsync(999_999_999, new { reasonCode = "price" }), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Lost.MarkAsync(client, new { reasonCode = "price" }, ifMatch: "\"12345\""), HttpStatusCode.PreconditionFailed);
        await AssertProblemAsync(await SendAsync(HttpMethod.Delete, $"/api/v1/clients/{client}/lost"), HttpStatusCode.Conflict);
        await AssertProblemAsync(await SendAsync(HttpMethod.Delete, "/api/v1/clients/999999999/lost"), HttpStatusCode.NotFound);

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task Won_back_by_hand_or_by_a_later_purchase_closes_the_loss_and_keeps_it_in_the_history()
    {
        var byHand = Id(await CreateClientAsync(Unique("Returns ")));
        await Lost.BuyAsync(byHand, Today.AddDays(-40), 100m);
        var version = (await JsonAsync(await Lost.MarkAsync(byHand, new { reasonCode = "service" }))).GetProperty("clientVersion").GetInt64();

        var closed = await JsonAsync(await SendAsync(HttpMethod.Delete, $"/api/v1/clients/{byHand}/lost", ifMatch: $"\"{version}\""));

        Assert.Equal(Day(Today), closed.GetProperty("wonBackOn").GetString());
        var json = await GetJsonAsync($"/api/v1/clients/{byHand}");
        Assert.Equal("Active", json.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("lostOn").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("churnReason").ValueKind);
        var history = await GetJsonAsync($"/api/v1/clients/{byHand}/losses");
        Assert.Equal("service", Assert.Single(history.EnumerateArray()).GetProperty("reasonCode").GetString());

        var byPurchase = Id(await CreateClientAsync(Unique("Buys again ")));
        await Lost.BuyAsync(byPurchase, Today.AddDays(-60), 100m);
        await JsonAsync(await Lost.MarkAsync(byPurchase, new { reasonCode = "price", lostOn = Day(Today.AddDays(-20)) }));
        await Lost.BuyAsync(byPurchase, Today.AddDays(-30), 50m);   // entered late, from before the loss: still lost
        Assert.Equal("Lost", (await GetJsonAsync($"/api/v1/clients/{byPurchase}")).GetProperty("status").GetString());

        await Lost.BuyAsync(byPurchase, Today.AddDays(-2), 70m);

        Assert.Equal("Active", (await GetJsonAsync($"/api/v1/clients/{byPurchase}")).GetProperty("status").GetString());
        var loss = Assert.Single((await GetJsonAsync($"/api/v1/clients/{byPurchase}/losses")).EnumerateArray());
        Assert.Equal(Day(Today.AddDays(-2)), loss.GetProperty("wonBackOn").GetString());
    }

    [Fact]
    public async Task The_client_api_with_free_texts_still_works_and_files_the_loss_under_the_lists()
    {
        var competitor = Unique("Legacy rival ");
        var client = Id(await CreateClientAsync(Unique("Old caller "),
            new { status = "Lost", lostOn = Day(Today.AddDays(-1)), churnReason = "price", competitor }));
        var vague = Id(await CreateClientAsync(Unique("Vague "), new { status = "Lost", lostOn = Day(Today), churnReason = "the moon was wrong" }));
        var russian = Id(await CreateClientAsync(Unique("Russian "), new { status = "Lost", lostOn = Day(Today), churnReason = "Цена" }));

        var loss = Assert.Single((await GetJsonAsync($"/api/v1/clients/{client}/losses")).EnumerateArray());
        Assert.Equal("price", loss.GetProperty("reasonCode").GetString());
        Assert.Equal(competitor, loss.GetProperty("competitor").GetString());
        Assert.Equal("price", Assert.Single((await GetJsonAsync($"/api/v1/clients/{russian}/losses")).EnumerateArray()).GetProperty("reasonCode").GetString());
        var other = Assert.Single((await GetJsonAsync($"/api/v1/clients/{vague}/losses")).EnumerateArray());
        Assert.Equal("other", other.GetProperty("reasonCode").GetString());
        Assert.Equal("the moon was wrong", other.GetProperty("comment").GetString());

        await JsonAsync(await SendAsync(HttpMethod.Patch, $"/api/v1/clients/{client}", """{"status":"Active","lostOn":null}"""));
        Assert.Equal(Day(Today), Assert.Single((await GetJsonAsync($"/api/v1/clients/{client}/losses")).EnumerateArray()).GetProperty("wonBackOn").GetString());
    }

    [Fact]
    public async Task The_owner_keeps_the_reasons_managers_add_competitors_and_the_owner_merges_duplicates()
    {
        var reasonName = Unique("Too far ");
        var reason = await JsonAsync(await SendAsync(HttpMethod.Post, "/api/v1/churn-reasons", $$"""{"name":"{{reasonName}}"}"""), HttpStatusCode.Created);
        await AssertProblemAsync(await SendAsync(HttpMethod.Post, "/api/v1/churn-reasons", $$"""{"name":"{{reasonName.ToUpperInvariant()}}"}"""), HttpStatusCode.Conflict);
        var price = (await GetJsonAsync("/api/v1/churn-reasons")).EnumerateArray().Single(r => r.GetProperty("code").GetString() == "price");
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, $"/api/v1/churn-reasons/{Id(price)}", """{"name":"Cost"}"""), "name");
        await AssertOwnerOnlyAsync(HttpMethod.Post, "/api/v1/churn-reasons", """{"name":"Sneaky"}""");
        await JsonAsync(await SendAsync(HttpMethod.Put, $"/api/v1/churn-reasons/{Id(reason)}", """{"isActive":false}"""));
        var client = Id(await CreateClientAsync(Unique("Far ")));
        await AssertInvalidAsync(await Lost.MarkAsync(client, new { reasonId = Id(reason) }), "reasonId");

        var manager = await ManagerAsync();
        var duplicate = await JsonAsync(await SendAsync(manager, HttpMethod.Post, "/api/v1/competitors", $$"""{"name":"{{Unique("MegaSnab ")}}"}"""), HttpStatusCode.Created);
        var survivor = await JsonAsync(await SendAsync(HttpMethod.Post, "/api/v1/competitors", $$"""{"name":"{{Unique("Mega-Snab ")}}"}"""), HttpStatusCode.Created);
        await JsonAsync(await Lost.MarkAsync(client, new { reasonCode = "price", competitorId = Id(duplicate) }));
        await AssertOwnerOnlyAsync(HttpMethod.Post, $"/api/v1/competitors/{Id(duplicate)}/merge", $$"""{"intoId":{{Id(survivor)}}}""");

        await JsonAsync(await SendAsync(HttpMethod.Post, $"/api/v1/competitors/{Id(duplicate)}/merge", $$"""{"intoId":{{Id(survivor)}}}"""));

        var loss = Assert.Single((await GetJsonAsync($"/api/v1/clients/{client}/losses")).EnumerateArray());
        Assert.Equal(Id(survivor), loss.GetProperty("competitorId").GetInt64());
        Assert.Equal(survivor.GetProperty("name").GetString(), (await GetJsonAsync($"/api/v1/clients/{client}")).GetProperty("competitor").GetString());
        // The duplicate's name still finds the survivor.
        var again = Id(await CreateClientAsync(Unique("Next ")));
        var next = await JsonAsync(await Lost.MarkAsync(again, new { reasonCode = "price", competitorName = duplicate.GetProperty("name").GetString() }));
        Assert.Equal(Id(survivor), next.GetProperty("competitorId").GetInt64());
    }
}

public sealed class LostClientsTestsOnSqlite(SqliteApp fixture) : LostClientsTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-2")]
public sealed class LostClientsTestsOnPostgres(PostgresApp fixture) : LostClientsTests(fixture), IClassFixture<PostgresApp>;
