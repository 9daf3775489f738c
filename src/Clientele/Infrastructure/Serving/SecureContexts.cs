using System.Net;

namespace Clientele.Infrastructure.Serving;

/// <summary>
/// Where a browser keeps Secure cookies: on HTTPS, and on plain HTTP only for loopback hosts (localhost, 127.0.0.0/8,
/// [::1]), which browsers count as secure contexts. Anywhere else the session and antiforgery cookies (__Host-) are
/// dropped, and signing in cannot work.
/// </summary>
public static class SecureContexts
{
    public static bool IsLoopbackHost(string host)
    {
        host = host.Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>The request reached us the way the browser sees it (after a trusted proxy's X-Forwarded-* headers).</summary>
    public static bool BrowserDropsSecureCookies(HttpRequest request) => !request.IsHttps && !IsLoopbackHost(request.Host.Host);
}
