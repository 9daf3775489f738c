using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Clientele.Features.Identity;

namespace Clientele.Tests.Infrastructure;

/// <summary>
/// Base of the API scenarios: each scenario class is written once and runs on SQLite and on PostgreSQL through
/// two small derived classes. Tests of a class share its database, so each makes the records it looks at.
/// This is the only base class a scenario has; what a group of scenarios shares beyond it is a small helper
/// object (a "kit", e.g. <c>SignInKit</c>) the scenario holds, not another level of inheritance.
/// </summary>
public abstract class ApiTest(AppFixture fixture)
{
    protected ClienteleApp App => fixture.App;
    protected HttpClient Http => fixture.App.Client;

    /// <summary>A short unique word, so that a test finds its own records among the class's others.</summary>
    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    protected Task<HttpResponseMessage> PostAsync(string path, object body) => Http.PostAsJsonAsync(path, body);

    protected Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, string json, string? ifMatch = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, contentType) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return Http.SendAsync(request);
    }

    protected Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object body, string? ifMatch = null) =>
        SendJsonAsync(method, path, JsonSerializer.Serialize(body, JsonSerializerOptions.Web), ifMatch);

    /// <summary>Sends <paramref name="json"/> as it is (or no body), as the owner.</summary>
    protected Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? ifMatch = null) =>
        SendAsync(Http, method, path, json, ifMatch);

    /// <summary>Sends <paramref name="json"/> as it is (or no body), as the caller <paramref name="http"/> stands for.</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? json = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return http.SendAsync(request);
    }

    /// <summary>A new manager, signed in with an API token.</summary>
    protected async Task<HttpClient> ManagerAsync()
    {
        var manager = await App.AddUserAsync(Unique("m") + "@clientele.test", EmployeeRole.Manager, "Maxim Manager");
        return App.ClientWithToken(await App.IssueTokenAsync(manager.Id, "tests"));
    }

    /// <summary>Sends the request as a manager and as nobody: 403 and 401, and the database as it was.</summary>
    protected async Task AssertOwnerOnlyAsync(HttpMethod method, string path, string? json = null)
    {
        var manager = await ManagerAsync();
        var before = await DbSnapshot.TakeAsync(App);

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(manager, method, path, json)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(App.ClientWithToken(null), method, path, json)).StatusCode);

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    protected async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await JsonAsync(await Http.GetAsync(path), expected);

    /// <summary>Creates a client and returns its JSON (201 expected).</summary>
    protected Task<JsonElement> CreateClientAsync(string name, object? extra = null) => CreateClientAsync(Http, name, extra);

    /// <summary>Creates a client as the caller <paramref name="http"/> stands for and returns its JSON (201 expected).</summary>
    /// <remarks>A scenario's clients are the ones it means to have, twins included: the create says a repeated tax id,
    /// phone or e-mail is intended. The refusal of an unintended repeat has its own tests (Duplicates/DoorTests).</remarks>
    public static async Task<JsonElement> CreateClientAsync(HttpClient http, string name, object? extra = null)
    {
        var body = JsonSerializer.SerializeToNode(extra ?? new { }, JsonSerializerOptions.Web)!.AsObject();
        body["name"] = name;
        return await JsonAsync(await SendAsync(http, HttpMethod.Post, "/api/v1/clients?allowDuplicate=true", body.ToJsonString()), HttpStatusCode.Created);
    }

    public static long Id(JsonElement json) => json.GetProperty("id").GetInt64();

    /// <summary>Asserts a 400 validation problem whose <c>errors</c> name <paramref name="field"/>; returns the problem.</summary>
    protected static async Task<JsonElement> AssertInvalidAsync(HttpResponseMessage response, string field)
    {
        var problem = await JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors");
        var fields = errors.EnumerateObject().Select(p => p.Name).ToList();
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors should name '{field}' but name: {string.Join(", ", fields)}");
        Assert.Contains(messages.EnumerateArray(), m => !string.IsNullOrWhiteSpace(m.GetString()));
        return problem;
    }

    /// <summary>Asserts a problem details answer with the given status.</summary>
    protected static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await JsonAsync(response, status);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }
}
