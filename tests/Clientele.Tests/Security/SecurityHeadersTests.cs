using System.Net;
using Clientele.Infrastructure.Security;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Security;

/// <summary>Every kind of answer — a page, the API, an error, a static file, health — carries the security headers.</summary>
public sealed class SecurityHeadersTests(SqliteApp fixture) : ApiTest(fixture), IClassFixture<SqliteApp>
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

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : throw new Xunit.Sdk.XunitException($"{name} is missing from {response.RequestMessage?.RequestUri}");
}
