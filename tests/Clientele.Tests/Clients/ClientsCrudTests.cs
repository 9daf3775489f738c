using System.Net;
using System.Text.Json;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Clients;

public abstract class ClientsCrudTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Create_answers_201_with_location_and_etag_and_the_stored_client()
    {
        var response = await PostAsync("/api/v1/clients", new { name = "  ООО Ромашка  ", email = " Info@Romashka.RU ", phone = "8 (916) 123-45-67", taxId = "7707083893", tags = new[] { "vip", "opt" } });
        var created = await JsonAsync(response, HttpStatusCode.Created);

        var id = Id(created);
        Assert.EndsWith($"/api/v1/clients/{id}", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("ООО Ромашка", created.GetProperty("name").GetString());
        Assert.Equal("info@romashka.ru", created.GetProperty("email").GetString());
        Assert.Equal("+79161234567", created.GetProperty("phone").GetString());
        Assert.Equal(1, created.GetProperty("version").GetInt64());

        var fetched = await Http.GetAsync(response.Headers.Location);
        var json = await JsonAsync(fetched);
        Assert.Equal("\"1\"", fetched.Headers.ETag?.Tag);
        Assert.Equal(["opt", "vip"], json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var stored = await App.ReadAsync(db => db.Clients.SingleAsync(c => c.Id == id));
        Assert.Equal("+79161234567", stored.Phone);
        Assert.Equal("ооо ромашка", stored.NameKey);
    }

    [Fact]
    public async Task Put_with_current_if_match_replaces_the_client_and_bumps_the_version()
    {
        var id = Id(await CreateClientAsync("Alpha GmbH", new { city = "Berlin", country = "de" }));

        var response = await SendAsync(HttpMethod.Put, $"/api/v1/clients/{id}", new { name = "Alpha AG", city = "München" }, ifMatch: "\"1\"");
        var updated = await JsonAsync(response);

        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal(2, updated.GetProperty("version").GetInt64());
        Assert.Equal("Alpha AG", updated.GetProperty("name").GetString());
        Assert.Equal("München", updated.GetProperty("city").GetString());
        // PUT replaces: what the body leaves out is gone.
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("country").ValueKind);
        var stored = await App.ReadAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(("Alpha AG", 2L, (string?)null), (stored.Name, stored.Version, stored.Country));
    }

    [Fact]
    public async Task Put_and_patch_with_a_stale_if_match_answer_412_and_change_nothing()
    {
        var id = Id(await CreateClientAsync("Beta LLC"));
        await JsonAsync(await SendAsync(HttpMethod.Patch, $"/api/v1/clients/{id}", new { city = "Kazan" }, ifMatch: "\"1\""));
        var before = await DbSnapshot.TakeAsync(App);

        var put = await SendAsync(HttpMethod.Put, $"/api/v1/clients/{id}", new { name = "Beta Overwritten" }, ifMatch: "\"1\"");
        var problem = await AssertProblemAsync(put, HttpStatusCode.PreconditionFailed);
        Assert.Contains("2", problem.GetProperty("detail").GetString());
        await AssertProblemAsync(await SendAsync(HttpMethod.Patch, $"/api/v1/clients/{id}", new { name = "Beta Patched" }, ifMatch: "\"1\""), HttpStatusCode.PreconditionFailed);
        await AssertProblemAsync(await SendAsync(HttpMethod.Patch, $"/api/v1/clients/{id}", new { name = "Beta Patched" }, ifMatch: "garbage"), HttpStatusCode.PreconditionFailed);

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        var current = await GetJsonAsync($"/api/v1/clients/{id}");
        Assert.Equal(("Beta LLC", "Kazan", 2L), (current.GetProperty("name").GetString(), current.GetProperty("city").GetString(), current.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task Patch_changes_only_the_given_fields_and_null_removes_one()
    {
        var id = Id(await CreateClientAsync("Gamma OOO", new { city = "Omsk", region = "Omsk oblast", email = "gamma@example.ru", notes = "keep me", tags = new[] { "a" } }));

        var response = await SendJsonAsync(HttpMethod.Patch, $"/api/v1/clients/{id}",
            """{"city":"Tomsk","email":null,"status":"Active"}""", contentType: "application/merge-patch+json");
        var patched = await JsonAsync(response);

        Assert.Equal("Tomsk", patched.GetProperty("city").GetString());
        Assert.Equal(JsonValueKind.Null, patched.GetProperty("email").ValueKind);
        Assert.Equal("Active", patched.GetProperty("status").GetString());
        Assert.Equal("Gamma OOO", patched.GetProperty("name").GetString());
        Assert.Equal("Omsk oblast", patched.GetProperty("region").GetString());
        Assert.Equal("keep me", patched.GetProperty("notes").GetString());
        Assert.Equal(["a"], patched.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var stored = await App.ReadAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(("Tomsk", (string?)null, "keep me"), (stored.City, stored.Email, stored.Notes));
        // The search terms follow the patch: the removed e-mail no longer finds the client.
        var byEmail = await GetJsonAsync("/api/v1/clients?q=gamma@example.ru");
        Assert.Empty(byEmail.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Patch_with_a_value_of_the_wrong_type_is_a_400_naming_the_field()
    {
        var id = Id(await CreateClientAsync("Delta KG"));
        var before = await DbSnapshot.TakeAsync(App);

        await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/clients/{id}", """{"acquisitionCost":"lots"}"""), "acquisitionCost");
        await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/clients/{id}", """["not","an","object"]"""), "body");

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task Delete_answers_204_then_the_client_is_404()
    {
        var id = Id(await CreateClientAsync("Epsilon SE", new { phone = "+49 30 1234567" }));

        var deleted = await Http.DeleteAsync($"/api/v1/clients/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        await AssertProblemAsync(await Http.GetAsync($"/api/v1/clients/{id}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Http.DeleteAsync($"/api/v1/clients/{id}"), HttpStatusCode.NotFound);
        Assert.False(await App.ReadAsync(db => db.Clients.AnyAsync(c => c.Id == id)));
        Assert.False(await App.ReadAsync(db => db.ClientSearchTerms.AnyAsync(t => t.ClientId == id)));
    }

    [Fact]
    public async Task Delete_with_a_stale_if_match_is_412_and_keeps_the_client()
    {
        var id = Id(await CreateClientAsync("Zeta SA"));
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/clients/{id}");
        request.Headers.TryAddWithoutValidation("If-Match", "\"7\"");

        await AssertProblemAsync(await Http.SendAsync(request), HttpStatusCode.PreconditionFailed);

        Assert.True(await App.ReadAsync(db => db.Clients.AnyAsync(c => c.Id == id)));
    }

    [Fact]
    public async Task Of_concurrent_edits_from_the_same_version_exactly_one_wins()
    {
        var id = Id(await CreateClientAsync("Race Ltd"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            SendAsync(HttpMethod.Patch, $"/api/v1/clients/{id}", new { city = $"City {i}" }, ifMatch: "\"1\"")));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.PreconditionFailed));
        var winner = await JsonAsync(answers.Single(a => a.StatusCode == HttpStatusCode.OK));
        var stored = await App.ReadAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((winner.GetProperty("city").GetString(), 2L), (stored.City, stored.Version));
    }

    [Fact]
    public async Task Concurrent_writes_all_succeed_without_locking_errors()
    {
        var word = Guid.NewGuid().ToString("N")[..8];

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => PostAsync("/api/v1/clients", new { name = $"Parallel {word} {i}", phone = $"+7 916 000-00-{i:00}" })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Equal(12, await App.ReadAsync(db => db.Clients.CountAsync(c => c.Name.StartsWith($"Parallel {word}"))));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task An_unknown_id_is_a_404_problem(string method)
    {
        var response = method == "GET"
            ? await Http.GetAsync("/api/v1/clients/987654321")
            : await SendAsync(new HttpMethod(method), "/api/v1/clients/987654321", new { name = "Nobody" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("987654321", problem.GetProperty("title").GetString());
    }
}

public sealed class ClientsCrudTestsOnSqlite(SqliteApp fixture) : ClientsCrudTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-2")]
public sealed class ClientsCrudTestsOnPostgres(PostgresApp fixture) : ClientsCrudTests(fixture), IClassFixture<PostgresApp>;
