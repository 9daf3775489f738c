using System.Net;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Clientele.Tests.Serving;

/// <summary>
/// Opened over plain HTTP at an address that is not this computer's loopback (a proxy that forgot X-Forwarded-Proto,
/// the app's own port reached past the proxy), the browser keeps no sign-in cookie: the sign-in page says so in the
/// user's language, and a sign-in form sent anyway comes back to that page, never as antiforgery's JSON problem.
/// </summary>
public abstract class InsecureAddressTests(AppFixture fixture) : ApiTest(fixture)
{
    private HttpClient BrowserAt(string address, string language)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(address), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    [Theory]
    [InlineData("ru", "Для входа нужно защищённое соединение")]
    [InlineData("de", "Die Anmeldung braucht eine sichere Verbindung")]
    [InlineData("en", "Signing in needs a secure connection")]
    public async Task The_sign_in_page_on_an_insecure_address_explains_why_instead_of_a_form_that_cannot_work(string language, string heading)
    {
        var page = await BrowserAt("http://192.168.1.10:5080", language).GetAsync("/login");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"insecure-address\"", html);
        Assert.Contains(heading, html);
        Assert.Contains("http://192.168.1.10:5080", html);
        Assert.Contains("--https", html);
        Assert.DoesNotContain("id=\"login-form\"", html);
    }

    [Theory]
    [InlineData("http://localhost")]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("https://192.168.1.10:5443")]
    public async Task On_loopback_and_on_https_the_sign_in_form_is_there(string address)
    {
        var html = await (await BrowserAt(address, "en").GetAsync("/login")).Content.ReadAsStringAsync();

        Assert.Contains("id=\"login-form\"", html);
        Assert.DoesNotContain("id=\"insecure-address\"", html);
    }

    [Fact]
    public async Task A_sign_in_form_sent_over_an_insecure_address_comes_back_to_the_explanation_and_signs_nobody_in()
    {
        var browser = BrowserAt("http://192.168.1.10:5080", "ru");
        var sessionsBefore = await App.ReadAsync(db => db.Set<Clientele.Features.Identity.UserSession>().CountAsync());

        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = ClienteleApp.OwnerEmail, ["password"] = ClienteleApp.OwnerPassword, ["returnUrl"] = "/clients",
        }));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location?.OriginalString);
        Assert.False(response.Headers.Contains("Set-Cookie"), "no cookie is set that the browser would drop anyway");
        Assert.Equal(sessionsBefore, await App.ReadAsync(db => db.Set<Clientele.Features.Identity.UserSession>().CountAsync()));
    }
}

public sealed class InsecureAddressTestsOnSqlite(SqliteApp fixture) : InsecureAddressTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-2")]
public sealed class InsecureAddressTestsOnPostgres(PostgresApp fixture) : InsecureAddressTests(fixture), IClassFixture<PostgresApp>;
