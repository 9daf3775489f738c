using System.Net;
using System.Text;
using System.Text.Json;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Conventions;

/// <summary>A POST retried with the same <c>Idempotency-Key</c> creates nothing twice.</summary>
public abstract class IdempotencyTests(AppFixture fixture) : ApiTest(fixture)
{
    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient http, string path, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return http.SendAsync(request);
    }

    private Task<int> CountClientsNamedAsync(string name) => App.ReadAsync(db => db.Clients.CountAsync(c => c.Name == name));

    [Fact]
    public async Task The_same_post_twice_creates_one_client_and_replays_the_first_answer()
    {
        var key = Unique("key-");
        var name = Unique("Idempotent ");

        var first = await PostWithKeyAsync(Http, "/api/v1/clients", key, new { name, city = "Perm" });
        var second = await PostWithKeyAsync(Http, "/api/v1/clients", key, new { name, city = "Perm" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(["true"], second.Headers.GetValues("Idempotent-Replayed"));
        Assert.NotNull(first.Headers.Location);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var firstBody = await JsonAsync(first, HttpStatusCode.Created);
        var secondBody = await JsonAsync(second, HttpStatusCode.Created);
        Assert.True(JsonElement.DeepEquals(firstBody, secondBody), $"{firstBody}\n!=\n{secondBody}");
        Assert.Equal(1, await CountClientsNamedAsync(name));
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_422_and_creates_nothing()
    {
        var key = Unique("key-");
        var name = Unique("Original ");
        await JsonAsync(await PostWithKeyAsync(Http, "/api/v1/clients", key, new { name }), HttpStatusCode.Created);
        var before = await DbSnapshot.TakeAsync(App);

        var reused = await PostWithKeyAsync(Http, "/api/v1/clients", key, new { name = name + " changed" });

        await AssertProblemAsync(reused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task The_same_key_on_another_endpoint_is_422()
    {
        var key = Unique("key-");
        var client = Id(await JsonAsync(await PostWithKeyAsync(Http, "/api/v1/clients", key, new { name = Unique("Keyed ") }), HttpStatusCode.Created));
        var before = await DbSnapshot.TakeAsync(App);

        var elsewhere = await PostWithKeyAsync(Http, "/api/v1/tasks", key, new { clientId = client, title = "Call", dueAt = "2030-01-01T09:00:00Z" });

        await AssertProblemAsync(elsewhere, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task Different_keys_or_no_key_create_separate_records()
    {
        var name = Unique("Twice ");

        await JsonAsync(await PostWithKeyAsync(Http, "/api/v1/clients", Unique("a-"), new { name }), HttpStatusCode.Created);
        await JsonAsync(await PostWithKeyAsync(Http, "/api/v1/clients", Unique("b-"), new { name }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync("/api/v1/clients", new { name }), HttpStatusCode.Created);

        Assert.Equal(3, await CountClientsNamedAsync(name));
    }

    [Fact]
    public async Task A_key_belongs_to_its_user()
    {
        var key = Unique("shared-");
        var name = Unique("Per user ");
        var other = await App.AddUserAsync(Unique("m") + "@clientele.test", EmployeeRole.Manager, "Max Manager");
        var otherHttp = App.ClientWithToken(await App.IssueTokenAsync(other.Id, "idem"));

        var mine = await JsonAsync(await PostWithKeyAsync(Http, "/api/v1/clients", key, new { name }), HttpStatusCode.Created);
        var theirs = await PostWithKeyAsync(otherHttp, "/api/v1/clients", key, new { name });

        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.False(theirs.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(Id(mine), Id(await JsonAsync(theirs, HttpStatusCode.Created)));
        Assert.Equal(2, await CountClientsNamedAsync(name));
    }

    [Fact]
    public async Task A_replayed_purchase_counts_once_on_its_client()
    {
        var client = Id(await CreateClientAsync(Unique("Buyer ")));
        var key = Unique("order-");
        var body = new { clientId = client, date = "2025-05-05T12:00:00Z", currency = "RUB", lines = new[] { new { description = "Tea", quantity = 1, price = 100 } } };

        await JsonAsync(await PostWithKeyAsync(Http, "/api/v1/purchases", key, body), HttpStatusCode.Created);
        await JsonAsync(await PostWithKeyAsync(Http, "/api/v1/purchases", key, body), HttpStatusCode.Created);

        Assert.Equal(1, await App.ReadAsync(db => db.Purchases.CountAsync(p => p.ClientId == client)));
        Assert.Equal(1, (await GetJsonAsync($"/api/v1/clients/{client}")).GetProperty("purchaseCount").GetInt32());
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_create_one_client()
    {
        var key = Unique("race-");
        var name = Unique("Raced ");

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostWithKeyAsync(Http, "/api/v1/clients", key, new { name })));

        // The later ones wait for the first and replay its answer.
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Equal(3, answers.Count(a => a.Headers.Contains("Idempotent-Replayed")));
        Assert.Single(answers.Select(a => a.Headers.Location).Distinct());
        Assert.Equal(1, await CountClientsNamedAsync(name));
    }

    [Fact]
    public async Task A_key_longer_than_200_characters_is_400()
    {
        var before = await DbSnapshot.TakeAsync(App);

        await AssertInvalidAsync(await PostWithKeyAsync(Http, "/api/v1/clients", new string('k', 201), new { name = "Too long key" }), "Idempotency-Key");

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }
}

public sealed class IdempotencyTestsOnSqlite(SqliteApp fixture) : IdempotencyTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class IdempotencyTestsOnPostgres(PostgresApp fixture) : IdempotencyTests(fixture), IClassFixture<PostgresApp>;
