using System.Net;
using System.Text.RegularExpressions;
using Clientele.Infrastructure.Security;
using Clientele.Tests.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Tests.Security;

/// <summary>
/// A page on another origin (another site, or another port or subdomain of ours, which SameSite=Lax lets through)
/// makes the owner's browser post to the app with the owner's cookie: every state-changing request is refused
/// before it reaches its endpoint. The app's own pages, and programs with an API token, are unaffected.
/// </summary>
public abstract partial class CrossSiteRequestTests(AppFixture fixture) : ApiTest(fixture)
{
    private SignInKit Accounts => new(App);

    /// <summary>What browsers send with a form another page submits, by what they tell of where it came from.</summary>
    public static TheoryData<string, string?, string?> Senders => new()
    {
        { "another site", "cross-site", "https://evil.example" },
        { "a sibling subdomain or port (same site)", "same-site", "https://localhost:8443" },
        { "a browser without Fetch Metadata, another origin", null, "http://localhost" },
        { "a browser without Fetch Metadata, an opaque origin", null, "null" },
    };

    /// <summary>The owner signed in with a cookie, in a browser whose requests each say (or do not say) where they come from.</summary>
    private async Task<HttpClient> OwnersBrowserAsync()
    {
        var browser = Accounts.Browser(fromOwnPages: false);
        await JsonAsync(await SignInKit.SignInAsync(browser, ClienteleApp.OwnerEmail));
        return browser;
    }

    private static HttpRequestMessage FormPost(string path, string? fetchSite, string? origin, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["any"] = "value" }),
        };
        if (fetchSite is not null) request.Headers.TryAddWithoutValidation(SignInKit.SecFetchSite, fetchSite);
        if (origin is not null) request.Headers.TryAddWithoutValidation("Origin", origin);
        return request;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(CrossSiteRequests.RefusedReason, problem.GetProperty("reason").GetString());
    }

    [Theory]
    [MemberData(nameof(Senders))]
    public async Task A_form_from_elsewhere_cannot_approve_an_export_scan_duplicates_or_sign_the_owner_out(string sender, string? fetchSite, string? origin)
    {
        var owner = await OwnersBrowserAsync();
        var before = await DbSnapshot.TakeAsync(App);

        foreach (var path in new[] { "/api/v1/exports/1/approve", "/api/v1/duplicates/scan", "/api/v1/account/sign-out", "/account/logout" })
            await AssertRefusedAsync(await owner.SendAsync(FormPost(path, fetchSite, origin)));

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        Assert.True(HttpStatusCode.OK == (await owner.GetAsync("/api/v1/account/sessions")).StatusCode, $"the session should survive a sign-out from {sender}");
        // The same request from the app's own page reaches the endpoint (no such export: 404, not the guard's 403).
        await AssertProblemAsync(await owner.SendAsync(FormPost("/api/v1/exports/1/approve", "same-origin", null)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_state_changing_endpoint_refuses_a_cross_site_request_with_a_cookie_and_changes_nothing()
    {
        var owner = await OwnersBrowserAsync();
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Where(CrossSiteRequests.ChangesState)
                .Select(method => (Method: method, Path: Filled(e.RoutePattern.RawText ?? ""))))
            .Distinct().ToList();
        Assert.Contains(endpoints, e => e.Path == "/api/v1/exports/1/approve");
        Assert.Contains(endpoints, e => e.Method == "DELETE");
        var before = await DbSnapshot.TakeAsync(App);
        var failures = new List<string>();

        foreach (var (method, path) in endpoints)
        {
            using var response = await owner.SendAsync(FormPost(path, "cross-site", "https://evil.example", new HttpMethod(method)));
            if (response.StatusCode != HttpStatusCode.Forbidden || !(await response.Content.ReadAsStringAsync()).Contains(CrossSiteRequests.RefusedReason, StringComparison.Ordinal))
                failures.Add($"{method} {path}: {(int)response.StatusCode}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {endpoints.Count} endpoints took a cross-site request:\n" + string.Join('\n', failures));
        ProbeCount.Report("cross-site requests with the owner's cookie", GetType().Name, endpoints.Count);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/v1/account/sessions")).StatusCode);
    }

    [Fact]
    public async Task The_apps_own_pages_blazor_and_api_tokens_get_through()
    {
        var owner = await OwnersBrowserAsync();
        static HttpRequestMessage NewClient(string? fetchSite, string? origin, string? referer = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clients") { Content = System.Net.Http.Json.JsonContent.Create(new { name = Unique("Same origin ") }) };
            if (fetchSite is not null) request.Headers.TryAddWithoutValidation(SignInKit.SecFetchSite, fetchSite);
            if (origin is not null) request.Headers.TryAddWithoutValidation("Origin", origin);
            if (referer is not null) request.Headers.Referrer = new Uri(referer);
            return request;
        }

        Assert.Equal(HttpStatusCode.Created, (await owner.SendAsync(NewClient("same-origin", null))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await owner.SendAsync(NewClient(null, "https://localhost"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await owner.SendAsync(NewClient(null, null, "https://localhost/clients/new"))).StatusCode);
        // Nothing says where it came from: refused, since a cookie alone proves nothing.
        await AssertRefusedAsync(await owner.SendAsync(NewClient(null, null)));
        await AssertRefusedAsync(await owner.SendAsync(NewClient(null, null, "https://evil.example/page")));

        // A program with an API token is not a browser another site can steer, whatever it says of itself.
        var program = App.ClientWithToken(App.OwnerToken);
        Assert.Equal(HttpStatusCode.Created, (await program.SendAsync(NewClient("cross-site", "https://evil.example"))).StatusCode);

        // Blazor's circuit starts with a POST from the app's own page.
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        negotiate.Headers.Add(SignInKit.SecFetchSite, "same-origin");
        Assert.Equal(HttpStatusCode.OK, (await owner.SendAsync(negotiate)).StatusCode);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    /// <summary>The route with every parameter filled by 1 (the guard answers before any value is read).</summary>
    private static string Filled(string route) => "/" + Parameter().Replace(route, "1").TrimStart('/');
}

public sealed class CrossSiteRequestTestsOnSqlite(SqliteApp fixture) : CrossSiteRequestTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-5")]
public sealed class CrossSiteRequestTestsOnPostgres(PostgresApp fixture) : CrossSiteRequestTests(fixture), IClassFixture<PostgresApp>;
