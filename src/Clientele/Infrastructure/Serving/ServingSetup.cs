using Microsoft.AspNetCore.HttpOverrides;

namespace Clientele.Infrastructure.Serving;

/// <summary>What the web host was set up to serve: the settings and, for HTTPS, the certificate (the start prints both).</summary>
public sealed record ServingPlan(ServingSettings Settings, ServerCertificate? Certificate);

/// <summary>The addresses, HTTPS and the proxy in front: the web host's part of being reachable from the office.</summary>
public static class ServingSetup
{
    /// <summary>The sign-in forms; on an address where the browser drops Secure cookies they cannot work.</summary>
    private static readonly PathString[] SignInForms = ["/account/login", "/account/login/2fa"];

    /// <summary>
    /// Reads the settings, refuses a start nobody could sign in to, listens on the addresses and serves HTTPS with the
    /// certificate. The clock is the system's: the host that would inject one is what is being built.
    /// </summary>
    public static ServingPlan AddServing(this WebApplicationBuilder builder, DatabaseTarget database, string? urls)
    {
        var settings = ServingSettings.Read(builder.Configuration, urls);
        settings.EnsureSomeoneCanSignIn();
        builder.WebHost.UseUrls([.. settings.Urls]);
        ServerCertificate? certificate = null;
        if (settings.ServesHttps)
        {
            certificate = ServerCertificate.Load(settings, ServerCertificate.DirectoryFor(database, builder.Configuration), TimeProvider.System);
            builder.WebHost.ConfigureKestrel(o => o.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate.Certificate));
        }
        var plan = new ServingPlan(settings, certificate);
        builder.Services.AddSingleton(plan);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only the configured proxies (loopback among them): a header from anyone else is the sender's claim, not a fact.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var network in settings.TrustedProxies) o.KnownIPNetworks.Add(network);
            // Walk back through as many trusted proxies as there are (a CDN in front of nginx); an untrusted hop stops it.
            o.ForwardLimit = null;
        });
        return plan;
    }

    /// <summary>
    /// First in the pipeline behind a proxy: the client's address (audit trail, sign-in throttle, rate limit) and the
    /// browser's scheme and host come from the trusted proxy's X-Forwarded-* headers.
    /// </summary>
    public static WebApplication UseServing(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ServingPlan>().Settings.BehindProxy) app.UseForwardedHeaders();
        return app;
    }

    /// <summary>
    /// A sign-in form sent over an address where the browser keeps no Secure cookie carries no antiforgery cookie and
    /// could set no session: back to the sign-in page, which then explains why (in the user's language), instead of
    /// antiforgery's bare "invalid token" problem.
    /// </summary>
    public static WebApplication UseInsecureSignInExplanation(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (HttpMethods.IsPost(http.Request.Method) && SignInForms.Contains(http.Request.Path) && SecureContexts.BrowserDropsSecureCookies(http.Request))
            {
                http.Response.StatusCode = StatusCodes.Status303SeeOther;
                http.Response.Headers.Location = "/login";
                return;
            }
            await next(http);
        });
        return app;
    }
}
