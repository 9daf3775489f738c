using System.Net;
using System.Text.RegularExpressions;
using Clientele.Infrastructure.Security;
using Clientele.Tests.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clientele.Tests.Security;

/// <summary>
/// Every kind of answer — a page, the API, an error, a static file, health — carries the security headers; answers
/// with personal data are not stored by any cache; the server does not name its software; scripts run only from
/// the app's own files.
/// </summary>
public abstract partial class SecurityHeadersTests(AppFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData("/login", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/api/v1/clients", HttpStatusCode.OK)]
    [InlineData("/api/v1/clients/987654321", HttpStatusCode.NotFound)]
    [InlineData("/app.css", HttpStatusCode.OK)]
    public async Task Every_answer_forbids_framing_and_sniffing_and_keeps_its_referrer_at_home(string path, HttpStatusCode expected)
    {
        var response = await Http.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
    }

    [Theory]
    [InlineData("/api/v1/clients")]
    [InlineData("/api/v1/clients/987654321")]
    [InlineData("/api/v1/clients/export?format=csv")]
    [InlineData("/api/v1/account/sessions")]
    [InlineData("/login")]
    [InlineData("/clients")]
    public async Task Answers_with_personal_data_are_not_stored_by_any_cache(string path)
    {
        var browser = new SignInKit(App).Browser();
        await JsonAsync(await SignInKit.SignInAsync(browser, ClienteleApp.OwnerEmail));

        var response = await (path.StartsWith("/api/v1/clients", StringComparison.Ordinal) ? Http : browser).GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        Assert.Contains("no-store", Header(response, "Cache-Control"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Static_files_keep_their_own_caching_and_no_answer_names_the_server_software()
    {
        var css = await Http.GetAsync("/app.css");
        Assert.DoesNotContain("no-store", Header(css, "Cache-Control"), StringComparison.Ordinal);

        // The in-memory test server never adds a Server header; Kestrel does unless told not to.
        Assert.False(App.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
        Assert.False(css.Headers.Contains("Server"));

        // The component library's files at the fingerprinted addresses the pages link: cached for good and compressed
        // (the build's compressed copies are offered only at their plain addresses); the pages themselves are not.
        var login = await new SignInKit(App).Browser().GetStringAsync("/login");
        foreach (var asset in LibraryAsset().Matches(login).Select(m => m.Value))
        {
            using var plain = await Http.GetAsync(asset);
            using var ask = new HttpRequestMessage(HttpMethod.Get, asset);
            ask.Headers.AcceptEncoding.ParseAdd("gzip");
            using var compressed = await Http.SendAsync(ask);
            Assert.Contains("immutable", Header(compressed, "Cache-Control"), StringComparison.Ordinal);
            Assert.Equal("gzip", Header(compressed, "Content-Encoding"));
            var sent = await compressed.Content.ReadAsByteArrayAsync();
            await using var unzipped = new System.IO.Compression.GZipStream(new MemoryStream(sent), System.IO.Compression.CompressionMode.Decompress);
            using var whole = new MemoryStream();
            await unzipped.CopyToAsync(whole);
            var original = await plain.Content.ReadAsByteArrayAsync();
            Assert.Equal(original, whole.ToArray());
            Assert.True(sent.Length * 2 < original.Length, $"{asset}: {sent.Length} bytes compressed of {original.Length}");
        }
        Assert.Equal(2, LibraryAsset().Matches(login).Count);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/login");
        page.Headers.AcceptEncoding.ParseAdd("gzip");
        Assert.False((await Http.SendAsync(page)).Content.Headers.Contains("Content-Encoding"));
    }

    [GeneratedRegex(@"/?_content/Radzen\.Blazor/[^""]+\.[a-z0-9]{10}\.(css|js)")]
    private static partial Regex LibraryAsset();

    [Fact]
    public async Task Scripts_run_only_from_the_apps_own_files_and_its_pages_have_no_inline_script()
    {
        var policy = SecurityHeaders.ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries);
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain(policy, d => d.Contains("unsafe", StringComparison.Ordinal));

        var browser = new SignInKit(App).Browser();
        await JsonAsync(await SignInKit.SignInAsync(browser, ClienteleApp.OwnerEmail));
        foreach (var path in new[] { "/login", "/", "/clients", "/analytics", "/account/security", "/users" })
        {
            var response = await (path == "/login" ? new SignInKit(App).Browser() : browser).GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
            // The policy would block these, so a page that had them would break: each script is a file, no handler is inline.
            Assert.All(ScriptTag().Matches(html), m => Assert.Contains(" src=", m.Value, StringComparison.Ordinal));
            Assert.DoesNotMatch(InlineHandler(), html);
            Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        }

        // The API reference (Scalar) starts itself inline; it alone may, and it shows no record.
        var reference = await App.ClientWithToken(null).GetAsync("/api/reference/");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Equal(SecurityHeaders.ApiReferencePolicy, Header(reference, "Content-Security-Policy"));
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : throw new Xunit.Sdk.XunitException($"{name} is missing from {response.RequestMessage?.RequestUri}");
}

public sealed class SecurityHeadersTestsOnSqlite(SqliteApp fixture) : SecurityHeadersTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-3")]
public sealed class SecurityHeadersTestsOnPostgres(PostgresApp fixture) : SecurityHeadersTests(fixture), IClassFixture<PostgresApp>;
