using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Clientele.Tests.Identity;

/// <summary>Helpers for the sign-in scenarios: browsers-like clients (HTTPS, cookies) and users with authenticators.</summary>
public sealed class SignInKit(ClienteleApp app)
{
    /// <summary>
    /// A client that keeps cookies, on https://localhost so that the Secure __Host- cookie is sent back, and says what a
    /// browser says of a request from the app's own pages (<c>Sec-Fetch-Site: same-origin</c>) unless told to leave
    /// that to each request (the cross-site tests).
    /// </summary>
    public HttpClient Browser(WebApplicationFactory<Program>? other = null, bool fromOwnPages = true)
    {
        var client = (other ?? app).CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        if (fromOwnPages) client.DefaultRequestHeaders.Add(SecFetchSite, "same-origin");
        return client;
    }

    public const string SecFetchSite = "Sec-Fetch-Site";

    public async Task<(Employee User, string Email)> NewUserAsync(EmployeeRole role = EmployeeRole.Manager)
    {
        var email = ApiTest.Unique("u") + "@signin.test";
        return (await app.AddUserAsync(email, role, "Uma " + role), email);
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string? code = null, string? recoveryCode = null, string password = ClienteleApp.OwnerPassword) =>
        client.PostAsJsonAsync("/api/v1/account/sign-in", new { email, password, code, recoveryCode });

    /// <summary>Signs in (no second factor) and returns the cookie-carrying client.</summary>
    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Browser();
        await ApiTest.JsonAsync(await SignInAsync(client, email));
        return client;
    }

    public static async Task<string> ReasonAsync(HttpResponseMessage response)
    {
        var problem = await ApiTest.JsonAsync(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
        return problem.GetProperty("reason").GetString()!;
    }

    /// <summary>Enrols the signed-in client's user with a code of the current step; returns the secret, that step and the recovery codes.</summary>
    public static async Task<(string Secret, long Step, List<string> RecoveryCodes)> EnrolAsync(HttpClient client)
    {
        var setup = await ApiTest.JsonAsync(await client.PostAsync("/api/v1/account/2fa/setup", null));
        var secret = setup.GetProperty("secret").GetString()!;
        var step = Rfc6238.StepNow();
        var enabled = await ApiTest.JsonAsync(await client.PostAsJsonAsync("/api/v1/account/2fa/enable", new { code = Rfc6238.Code(secret, step) }));
        return (secret, step, [.. enabled.GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!)]);
    }

    public static async Task<JsonElement> SessionsAsync(HttpClient client) =>
        await ApiTest.JsonAsync(await client.GetAsync("/api/v1/account/sessions"));
}
