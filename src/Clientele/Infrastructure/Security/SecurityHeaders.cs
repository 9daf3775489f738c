namespace Clientele.Infrastructure.Security;

/// <summary>
/// Response headers that cost nothing and close common holes (OWASP ASVS 5.0, V3): no framing of our pages by other
/// sites (clickjacking), no MIME sniffing, no client URLs leaking in the Referer to other sites, no powerful browser
/// features, and a browsing context of our own. The content policy does not restrict scripts yet: Blazor and the
/// component library need inline handlers that a strict script-src would break — that is issue 6's work.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy = "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next(context);
        });
}
