using System.Globalization;
using System.Security.Claims;
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
        app.MapPost("/account/login", Login).AllowAnonymous().RequireRateLimiting(SignInSetup.RateLimitPolicy).ExcludeFromDescription();
        app.MapPost("/account/login/2fa", SecondStep).AllowAnonymous().RequireRateLimiting(SignInSetup.RateLimitPolicy).ExcludeFromDescription();
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
                return TypedResults.Redirect($"/login?error={(outcome == SignInOutcome.LockedOut ? "locked" : "1")}&returnUrl={Uri.EscapeDataString(target)}");
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
        if (outcome == SignInOutcome.LockedOut)
        {
            await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            return TypedResults.Redirect($"/login?error=locked&returnUrl={Uri.EscapeDataString(target)}");
        }
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

    /// <summary>Only local paths: a sign-in link must not forward anyone to another site.</summary>
    private static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
