using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Clientele.Infrastructure.Security;

/// <summary>
/// Response headers that cost nothing and close common holes (OWASP ASVS 5.0, V3): no framing of our pages by other
/// sites (clickjacking), no MIME sniffing, no client URLs leaking in the Referer to other sites, no powerful browser
/// features, a browsing context of our own, scripts only from our own files, no copies of answers in caches, and no
/// advertising of the server software.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// <c>script-src 'self'</c>: Blazor (blazor.web.js) and Radzen (Radzen.Blazor.js) run from files of this origin and
    /// need neither inline scripts nor eval (server-side Blazor does not run WebAssembly); the app's pages have no
    /// inline script or handler. An injected &lt;script&gt; or <c>onerror=</c> therefore does not run.
    /// </summary>
    public const string ContentSecurityPolicy = "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'; script-src 'self'";

    /// <summary>
    /// The API reference page (Scalar) starts itself with an inline module script, so it alone also allows inline
    /// scripts. It is public, shows only the API's description and no record, and everything else stays strict.
    /// </summary>
    public const string ApiReferencePath = "/api/reference";
    public const string ApiReferencePolicy = "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'; script-src 'self' 'unsafe-inline'";

    /// <summary>
    /// What an answer without its own caching rule gets: answers of the API, exports and pages carry personal data,
    /// which a shared proxy or the browser's disk cache must not keep. Static files set their own (long) caching.
    /// </summary>
    public const string NoStore = "no-store";

    /// <summary>Kestrel announces itself ("Server: Kestrel") unless told not to; an attacker learns the stack for free.</summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiReferencePath) ? ApiReferencePolicy : ContentSecurityPolicy;
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            context.Response.OnStarting(static state =>
            {
                var response = (HttpResponse)state;
                // The API's answers always: an endpoint that set "private, max-age" would still leave personal data on disk.
                if (response.HttpContext.Request.Path.StartsWithSegments("/api") || string.IsNullOrEmpty(response.Headers.CacheControl))
                    response.Headers.CacheControl = NoStore;
                return Task.CompletedTask;
            }, context.Response);
            await next(context);
        });
}
