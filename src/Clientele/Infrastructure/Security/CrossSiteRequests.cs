using Clientele.Features.Identity;
using Microsoft.Extensions.Localization;

namespace Clientele.Infrastructure.Security;

/// <summary>
/// Refuses a state-changing request (POST, PUT, PATCH, DELETE) that carries the app's cookies but was not sent by the
/// app's own pages. SameSite=Lax stops other sites, but not other origins of the same site (another port on the
/// same host, a sibling subdomain), and not every endpoint has an antiforgery token, so the browser's word on where a
/// request comes from decides: <c>Sec-Fetch-Site</c> when the browser sends it (every current one does), else
/// <c>Origin</c>, else <c>Referer</c>; a request with none of them is refused too. A request with an API token
/// (<c>Authorization: Bearer</c>) is a program's, which no other site can make a browser send, and passes; so does a
/// request without our cookies, which no session authenticates.
/// </summary>
public static class CrossSiteRequests
{
    public const string RefusedReason = "crossSite";

    public static IApplicationBuilder UseCrossSiteRequestGuard(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (IsRefused(http.Request))
            {
                var text = http.RequestServices.GetRequiredService<IStringLocalizer<SecurityText>>();
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                    title: text["The request came from another site and was refused."],
                    detail: text["A change signed in by this browser's session must be sent from Clientele's own pages. If you used a link or a form on another site, open Clientele and do it there."],
                    extensions: new Dictionary<string, object?> { ["reason"] = RefusedReason }).ExecuteAsync(http);
                return;
            }
            await next(http);
        });

    public static bool IsRefused(HttpRequest request) =>
        ChangesState(request.Method) && !HasBearerToken(request) && CarriesAppCookie(request) && !IsFromOwnPages(request);

    /// <summary>Everything but the methods HTTP defines as safe (the app never changes anything on them).</summary>
    public static bool ChangesState(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    private static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>The session cookie, its chunks, the two-factor and antiforgery cookies: all named __Host-clientele….</summary>
    private static bool CarriesAppCookie(HttpRequest request)
    {
        foreach (var cookie in request.Cookies)
            if (cookie.Key.StartsWith(AuthSetup.CookieName, StringComparison.Ordinal)) return true;
        return false;
    }

    public static bool IsFromOwnPages(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        // "none": the user's own action (the address bar, a bookmark), which no other site can trigger.
        if (site.Length > 0) return site is "same-origin" or "none";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0) return IsOwnOrigin(origin, request);
        var referer = request.Headers.Referer.ToString();
        return referer.Length > 0 && IsOwnOrigin(referer, request);
    }

    /// <summary>Scheme, host and port of <paramref name="url"/> are the request's own ("null" and garbage are not).</summary>
    private static bool IsOwnOrigin(string url, HttpRequest request)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var from) || !request.Host.HasValue) return false;
        var ownPort = request.Host.Port ?? (request.IsHttps ? 443 : 80);
        return string.Equals(from.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(from.IdnHost, request.Host.Host, StringComparison.OrdinalIgnoreCase)
            && from.Port == ownPort;
    }
}
