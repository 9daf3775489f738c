namespace Clientele.Features.Identity;

/// <summary>The per-IP rate limit on sign-in and the gate that keeps a user who must enrol in two-factor on the enrolment page.</summary>
public static class SignInGuards
{
    /// <summary>Goes right after UseAuthentication: the gate reads what the session check found.</summary>
    public static WebApplication UseSignInGuards(this WebApplication app)
    {
        app.UseRateLimiter();
        app.Use(async (http, next) =>
        {
            if (http.Items.TryGetValue(SessionCookieValidation.MustEnrolItem, out var must) && must is true && !AllowedWhileEnrolling(http.Request.Path))
            {
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Two-factor sign-in is required.",
                        detail: "Set up an authenticator app first (POST /api/v1/account/2fa/setup, then /enable).").ExecuteAsync(http);
                    return;
                }
                http.Response.Redirect(EnrolmentPath);
                return;
            }
            await next(http);
        });
        return app;
    }

    public const string EnrolmentPath = "/account/security";

    /// <summary>The enrolment page and what it needs (Blazor's own files, styles, sign-out, the 2FA API); nothing else.</summary>
    public static bool AllowedWhileEnrolling(PathString path) =>
        path.StartsWithSegments(EnrolmentPath) || path.StartsWithSegments("/account/logout") || path.StartsWithSegments("/login")
        || path.StartsWithSegments("/api/v1/account/2fa") || path.StartsWithSegments("/api/v1/account/sign-out")
        || path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
        || path.StartsWithSegments("/culture") || Path.HasExtension(path.Value);

    /// <summary>429: problem details for the API, a message on the sign-in page for the form.</summary>
    public static async ValueTask RejectAsync(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "60";
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            var text = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SignInText>>();
            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests,
                title: text["Too many sign-in attempts from this address. Wait a minute and try again."]).ExecuteAsync(http);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = "/login?error=rate";
    }
}
