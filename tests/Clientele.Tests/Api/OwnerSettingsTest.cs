using System.Net;
using System.Text;
using Clientele.Features.Users;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Api;

/// <summary>What the tests of the owner's settings share: a manager to be refused, and requests with a raw JSON body.</summary>
public abstract class OwnerSettingsTest(AppFixture fixture) : ApiTest(fixture)
{
    /// <summary>A signed-in manager (API token): may read the settings, may not change them.</summary>
    protected async Task<HttpClient> ManagerAsync()
    {
        var manager = await App.AddUserAsync(Unique("m") + "@clientele.test", EmployeeRole.Manager, "Maxim Manager");
        return App.ClientWithToken(await App.IssueTokenAsync(manager.Id, "tests"));
    }

    protected static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? json = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return http.SendAsync(request);
    }

    protected Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? ifMatch = null) =>
        SendAsync(Http, method, path, json, ifMatch);

    /// <summary>Sends the request as a manager and as nobody: 403 and 401, and the database as it was.</summary>
    protected async Task AssertOwnerOnlyAsync(HttpMethod method, string path, string? json = null)
    {
        var manager = await ManagerAsync();
        var before = await DbSnapshot.TakeAsync(App);

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(manager, method, path, json)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(App.ClientWithToken(null), method, path, json)).StatusCode);

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }
}
