using Clientele.Features.Users;
using Clientele.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Clientele.Infrastructure.Auth;

/// <summary>Sign-in and sign-out for the web UI (plain form posts, protected by antiforgery).</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", Login).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/logout", Logout).AllowRoles(RoleAccess.Everyone).ExcludeFromDescription();
        return app;
    }

    private static async Task<RedirectHttpResult> Login(
        [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        SignInManager<Employee> signIn, UserManager<Employee> users, HttpContext http)
    {
        var target = SafeReturnUrl(returnUrl);
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || string.IsNullOrEmpty(password))
            return TypedResults.Redirect($"/login?error=1&returnUrl={Uri.EscapeDataString(target)}");
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: true, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            var reason = result.IsLockedOut ? "locked" : "1";
            return TypedResults.Redirect($"/login?error={reason}&returnUrl={Uri.EscapeDataString(target)}");
        }
        if (user.Culture is { } culture) CultureApi.WriteCookie(http, culture);
        return TypedResults.Redirect(target);
    }

    private static async Task<RedirectHttpResult> Logout(SignInManager<Employee> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.Redirect("/login");
    }

    /// <summary>Only local paths: a sign-in link must not forward anyone to another site.</summary>
    private static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
