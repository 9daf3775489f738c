using System.Globalization;
using System.Security.Claims;
using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Clientele.Features.Identity;

/// <summary>Sign-in and sign-out for the web UI (plain form posts, protected by antiforgery).</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        // Form posts are built at start: see RuntimeHandlers for why the generator's form reader is not used.
#pragma warning disable RDG002
        app.MapPost("/account/login", RuntimeHandlers.AtRuntime(Login)).AllowAnonymous().RequireRateLimiting(SignInSetup.RateLimitPolicy).ExcludeFromDescription();
        app.MapPost("/account/login/2fa", RuntimeHandlers.AtRuntime(SecondStep)).AllowAnonymous().RequireRateLimiting(SignInSetup.RateLimitPolicy).ExcludeFromDescription();
#pragma warning restore RDG002
        app.MapPost("/account/logout", Logout).AllowRoles(RoleAccess.Everyone).ExcludeFromDescription();
        return app;
    }

    private static async Task<RedirectHttpResult> Login(
        [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        SignInFlow flow, HttpContext http, CancellationToken ct)
    {
        var target = SafeReturnUrl(returnUrl);
        var (outcome, user) = await flow.CheckPasswordAsync(email, password, ct);
        switch (outcome)
        {
            case SignInOutcome.SignedIn:
                await flow.CompleteAsync(user!, "pwd", ct);
                if (user!.Culture is { } culture) CultureApi.WriteCookie(http, culture);
                return TypedResults.Redirect(target);
            case SignInOutcome.TwoFactorRequired:
                // Remembered for five minutes in its own short cookie: who passed the password step.
                await http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, user!.Id.ToString(CultureInfo.InvariantCulture))], IdentityConstants.TwoFactorUserIdScheme)));
                return TypedResults.Redirect($"/login/2fa?returnUrl={Uri.EscapeDataString(target)}");
            default:
                return TypedResults.Redirect($"/login?error={(outcome == SignInOutcome.Throttled ? "wait" : "1")}&returnUrl={Uri.EscapeDataString(target)}");
        }
    }

    private static async Task<RedirectHttpResult> SecondStep(
        [FromForm] string? code, [FromForm] string? recoveryCode, [FromForm] string? returnUrl,
        SignInFlow flow, UserManager<Employee> users, HttpContext http, CancellationToken ct)
    {
        var target = SafeReturnUrl(returnUrl);
        var pending = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        var user = pending.Principal?.FindFirstValue(ClaimTypes.Name) is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null) return TypedResults.Redirect($"/login?error=expired&returnUrl={Uri.EscapeDataString(target)}");

        var (outcome, method) = await flow.CheckSecondFactorAsync(user, code, recoveryCode, ct);
        // Throttled: the password step stays passed (its cookie lasts five minutes); the page says to wait.
        if (outcome == SignInOutcome.Throttled) return TypedResults.Redirect($"/login/2fa?error=wait&returnUrl={Uri.EscapeDataString(target)}");
        if (outcome != SignInOutcome.SignedIn) return TypedResults.Redirect($"/login/2fa?error=1&returnUrl={Uri.EscapeDataString(target)}");

        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await flow.CompleteAsync(user, method, ct);
        if (user.Culture is { } culture) CultureApi.WriteCookie(http, culture);
        return TypedResults.Redirect(target);
    }

    private static async Task<RedirectHttpResult> Logout(SignInFlow flow, ClaimsPrincipal user, CancellationToken ct)
    {
        await flow.SignOutAsync(user, ct);
        return TypedResults.Redirect("/login");
    }

    /// <summary>
    /// Only a path of this site: one slash, then no second slash or backslash, and nothing a browser would drop or
    /// reinterpret — it removes tabs and line breaks from URLs ("/\t/evil.example" becomes "//evil.example") — and
    /// nothing a response header cannot carry (a vertical tab used to end in a 500). Anything else goes home.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2048 || returnUrl[0] != '/') return "/";
        if (returnUrl.Length > 1 && returnUrl[1] is '/' or '\\') return "/";
        foreach (var c in returnUrl)
            if (c <= ' ' || c == '\\' || c >= '\u007f') return "/";
        return returnUrl;
    }
}
