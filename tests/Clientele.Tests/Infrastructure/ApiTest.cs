using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Clientele.Tests.Infrastructure;

/// <summary>
/// Base of the API scenarios: each scenario class is written once and runs on SQLite and on PostgreSQL through
/// two small derived classes. Tests of a class share its database, so each makes the records it looks at.
/// </summary>
public abstract class ApiTest(AppFixture fixture)
{
    protected ClienteleApp App => fixture.App;
    protected HttpClient Http => fixture.App.Client;

    /// <summary>A short unique word, so that a test finds its own records among the class's others.</summary>
    protected static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    protected Task<HttpResponseMessage> PostAsync(string path, object body) => Http.PostAsJsonAsync(path, body);

    protected Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, string json, string? ifMatch = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, contentType) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return Http.SendAsync(request);
    }

    protected Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object body, string? ifMatch = null) =>
        SendJsonAsync(method, path, JsonSerializer.Serialize(body, JsonSerializerOptions.Web), ifMatch);

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    protected async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await JsonAsync(await Http.GetAsync(path), expected);

    /// <summary>Creates a client and returns its JSON (201 expected).</summary>
    protected async Task<JsonElement> CreateClientAsync(string name, object? extra = null)
    {
        var body = JsonSerializer.SerializeToNode(extra ?? new { }, JsonSerializerOptions.Web)!.AsObject();
        body["name"] = name;
        return await JsonAsync(await SendJsonAsync(HttpMethod.Post, "/api/v1/clients", body.ToJsonString()), HttpStatusCode.Created);
    }

    protected static long Id(JsonElement json) => json.GetProperty("id").GetInt64();

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
