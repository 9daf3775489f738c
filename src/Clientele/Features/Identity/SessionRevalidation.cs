using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;

namespace Clientele.Features.Identity;

/// <summary>Checks the session behind every cookie-authenticated request.</summary>
public static class SessionCookieValidation
{
    public const string MustEnrolItem = "clientele:must-enrol-2fa";

    /// <summary>Runs before Identity's security-stamp check (<paramref name="next"/>), which only runs for a live session.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context, Func<CookieValidatePrincipalContext, Task> next)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        var check = await sessions.CheckAsync(SessionStore.IdOf(context.Principal), context.HttpContext.RequestAborted);
        if (!check.Valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        context.HttpContext.Items[MustEnrolItem] = check.MustEnrolTwoFactor;
        await next(context);
    }

    /// <summary>Identity rebuilds the principal after a stamp check; the session and sign-in method must survive that.</summary>
    public static Task KeepSessionClaims(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            foreach (var type in new[] { SessionStore.ClaimType, SignInFlow.MethodClaim })
            {
                if (current.FindFirst(type) is { } claim && !identity.HasClaim(c => c.Type == type)) identity.AddClaim(new(type, claim.Value));
            }
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// An open Blazor circuit keeps the user it started with unless someone asks again: every 20 s this asks whether
/// the session still counts (ended, expired, user deactivated or role changed), and if not the circuit's user becomes
/// anonymous — the layout shows "sign in", pages redirect to the sign-in page and no component gets data as that user.
/// </summary>
public sealed class SessionRevalidatingStateProvider(ILoggerFactory logger, SessionStore sessions, IConfiguration configuration)
    : RevalidatingServerAuthenticationStateProvider(logger)
{
    /// <summary>
    /// Seconds between two checks; 20 unless set. Deactivation must cut a browser off within 60 s, so a setting above
    /// that is held at 60. The browser test sets a short interval: it proves the cut-off, not how long 20 s last.
    /// </summary>
    public const string IntervalSettingKey = "Clientele:CircuitRevalidationSeconds";
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(20);

    protected override TimeSpan RevalidationInterval => IntervalOf(configuration);

    public static TimeSpan IntervalOf(IConfiguration configuration) =>
        configuration.GetValue<int?>(IntervalSettingKey) is { } seconds ? TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 60)) : DefaultInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.Identity?.IsAuthenticated != true) return true;
        // A circuit opened with an API token has no session; those are only the tests' and tools' own, never a browser's.
        if (SessionStore.IdOf(authenticationState.User) is not { } session) return false;
        return (await sessions.CheckAsync(session, cancellationToken)).Valid;
    }
}
