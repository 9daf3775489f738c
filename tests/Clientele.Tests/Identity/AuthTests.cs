using System.Net;
using Clientele.Data;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Identity;

/// <summary>Every API endpoint needs a cookie or a live API token; health and the OpenAPI document do not.</summary>
public abstract class AuthTests(AppFixture fixture) : ApiTest(fixture)
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/v1/clients" }, { "POST", "/api/v1/clients" }, { "GET", "/api/v1/clients/1" },
        { "PUT", "/api/v1/clients/1" }, { "PATCH", "/api/v1/clients/1" }, { "DELETE", "/api/v1/clients/1" },
        { "GET", "/api/v1/contact-persons" }, { "POST", "/api/v1/contact-persons" }, { "GET", "/api/v1/products" },
        { "GET", "/api/v1/product-categories" }, { "POST", "/api/v1/product-categories" }, { "GET", "/api/v1/purchases" },
        { "POST", "/api/v1/purchases" }, { "GET", "/api/v1/service-costs" }, { "GET", "/api/v1/interactions" },
        { "GET", "/api/v1/tasks" }, { "GET", "/api/v1/tasks/mine" }, { "GET", "/api/v1/channels" },
        { "POST", "/api/v1/channels" }, { "GET", "/api/v1/home" },
    };

    private static HttpRequestMessage Request(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent("""{"name":"Sneaky"}""", System.Text.Encoding.UTF8, "application/json");
        return request;
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Without_credentials_every_api_endpoint_is_401_and_changes_nothing(string method, string path)
    {
        var before = await DbSnapshot.TakeAsync(App);

        var response = await App.ClientWithToken(null).SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Theory]
    [InlineData("clt_not-a-real-token")]
    [InlineData("someone-elses-jwt")]
    [InlineData("")]
    public async Task An_unknown_token_is_401(string token)
    {
        var response = await App.ClientWithToken(token).GetAsync("/api/v1/clients");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_revoked_token_stops_working_and_the_users_other_token_does_not()
    {
        var user = await App.AddUserAsync(Unique("r") + "@clientele.test", EmployeeRole.Analyst, "Rita");
        var doomed = App.ClientWithToken(await App.IssueTokenAsync(user.Id, "laptop"));
        var kept = App.ClientWithToken(await App.IssueTokenAsync(user.Id, "phone"));
        Assert.Equal(HttpStatusCode.OK, (await doomed.GetAsync("/api/v1/clients")).StatusCode);

        var revoked = await App.ReadAsync(db => ApiTokens.RevokeAsync(db, user.Id, "laptop", TimeProvider.System, CancellationToken.None));

        Assert.Equal(1, revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, (await doomed.GetAsync("/api/v1/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kept.GetAsync("/api/v1/clients")).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_users_tokens_stop_working()
    {
        var email = Unique("d") + "@clientele.test";
        var user = await App.AddUserAsync(email, EmployeeRole.Manager, "Dmitry");
        var http = App.ClientWithToken(await App.IssueTokenAsync(user.Id, "cli"));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/home")).StatusCode);

        await using (var scope = App.Services.CreateSystemScope())
            await UserAdmin.DeactivateAsync(scope.ServiceProvider, email, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/home")).StatusCode);
    }

    [Fact]
    public async Task Records_made_with_a_token_belong_to_its_user()
    {
        var user = await App.AddUserAsync(Unique("t") + "@clientele.test", EmployeeRole.Manager, "Tanya");
        var http = App.ClientWithToken(await App.IssueTokenAsync(user.Id, "mine"));
        var client = Id(await CreateClientAsync(Unique("Owned "), new { managerId = user.Id }));

        var task = await JsonAsync(await http.PostAsync("/api/v1/tasks", System.Net.Http.Json.JsonContent.Create(new { clientId = client, title = "Ring", dueAt = "2030-01-01T09:00:00Z" })), HttpStatusCode.Created);
        var call = await JsonAsync(await http.PostAsync("/api/v1/interactions", System.Net.Http.Json.JsonContent.Create(new { clientId = client, kind = 0, direction = 1 })), HttpStatusCode.Created);

        Assert.Equal(user.Id, task.GetProperty("assigneeId").GetInt64());
        Assert.Equal(user.Id, call.GetProperty("employeeId").GetInt64());
    }

    [Fact]
    public async Task Health_answers_without_credentials()
    {
        var response = await App.ClientWithToken(null).GetAsync("/health");

        var json = await JsonAsync(response);
        Assert.Equal("ok", json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_openapi_document_is_public_and_describes_the_api()
    {
        var document = await JsonAsync(await App.ClientWithToken(null).GetAsync("/openapi/v1.json"));

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/clients", paths);
        Assert.Contains("/api/v1/clients/{id}", paths);
        Assert.Contains("/api/v1/purchases", paths);
        Assert.Contains("/api/v1/tasks/mine", paths);
        Assert.DoesNotContain("/health", paths);
        Assert.Equal("Clientele API", document.GetProperty("info").GetProperty("title").GetString());
        var post = document.GetProperty("paths").GetProperty("/api/v1/clients").GetProperty("post");
        Assert.True(post.TryGetProperty("requestBody", out _), "POST /api/v1/clients should document its body");
    }
}

public sealed class AuthTestsOnSqlite(SqliteApp fixture) : AuthTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-5")]
public sealed class AuthTestsOnPostgres(PostgresApp fixture) : AuthTests(fixture), IClassFixture<PostgresApp>;
