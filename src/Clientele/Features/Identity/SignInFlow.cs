using System.Security.Claims;
using Clientele.Features.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Clientele.Features.Identity;

public enum SignInOutcome { SignedIn, Failed, Throttled, TwoFactorRequired, TwoFactorFailed }

/// <summary>
/// The one way in, for the form and the JSON endpoint alike: password, then the second factor if the user has one,
/// then a server-side session whose id the cookie carries. Failures slow further attempts down
/// (<see cref="SignInThrottle"/>) instead of locking the account, and an unknown e-mail costs the same password-hash
/// work and gets the same answers as a known one. Every attempt, good or bad, goes to the audit trail.
/// </summary>
public sealed class SignInFlow(
    SignInManager<Employee> signIn, UserManager<Employee> users, ClienteleDb db, SessionStore sessions,
    AuditLog audit, IHttpContextAccessor http, SignInThrottle throttle, DecoyPasswordCheck decoy)
{
    public const string MethodClaim = "amr";

    /// <summary>After <see cref="SignInOutcome.Throttled"/>: how long until the next attempt is heard.</summary>
    public TimeSpan RetryAfter { get; private set; }

    /// <summary>Checks the password; <see cref="SignInOutcome.SignedIn"/> here means "no second factor needed".</summary>
    public async Task<(SignInOutcome Outcome, Employee? User)> CheckPasswordAsync(string? email, string? password, CancellationToken ct)
    {
        var attempt = SignInThrottle.For(email, Address());
        var wait = throttle.WaitBeforeTrying(attempt);
        if (wait > TimeSpan.Zero)
        {
            // Not even checked: a guesser learns nothing while the delay lasts.
            await AuditFailureAsync(null, $"throttled, e-mail {Shorten(email)}", ct);
            return Throttled(wait);
        }

        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        var passwordRight = user is null || string.IsNullOrEmpty(password)
            ? decoy.Verify(users.PasswordHasher, password ?? "")
            : await users.CheckPasswordAsync(user, password);
        var allowed = passwordRight && user is not null && await signIn.CanSignInAsync(user);
        if (!allowed)
        {
            throttle.PasswordFailed(attempt);
            await AuditFailureAsync(user?.Id, user is null ? $"unknown e-mail {Shorten(email)}" : passwordRight ? "user deactivated" : "wrong password", ct);
            // While failures from everywhere hold the account back, a wrong password gets the same answer as a right one would.
            var held = throttle.WaitForPasswordOnly(attempt);
            return held > TimeSpan.Zero ? Throttled(held) : (SignInOutcome.Failed, (Employee?)null);
        }
        if (await users.GetTwoFactorEnabledAsync(user!)) return (SignInOutcome.TwoFactorRequired, user);
        var accountWait = throttle.WaitForPasswordOnly(attempt);
        if (accountWait > TimeSpan.Zero)
        {
            await AuditFailureAsync(user!.Id, "throttled: failures from elsewhere, no second factor", ct);
            return Throttled(accountWait);
        }
        throttle.SignedIn(attempt);
        return (SignInOutcome.SignedIn, user);
    }

    /// <summary>Checks an authenticator code or, if given, a recovery code; failures slow further attempts down.</summary>
    public async Task<(SignInOutcome Outcome, string Method)> CheckSecondFactorAsync(Employee user, string? code, string? recoveryCode, CancellationToken ct)
    {
        var attempt = SignInThrottle.For(user.Email, Address());
        var byRecovery = !string.IsNullOrWhiteSpace(recoveryCode);
        var wait = throttle.WaitBeforeTrying(attempt);
        // Wrong codes after a right password hold codes back, not recovery codes: someone with the password cannot lock the owner out either.
        var codeWait = byRecovery ? TimeSpan.Zero : throttle.WaitForAuthenticatorCode(attempt);
        if (codeWait > wait) wait = codeWait;
        if (wait > TimeSpan.Zero)
        {
            await AuditFailureAsync(user.Id, "throttled at the second step", ct);
            RetryAfter = wait;
            return (SignInOutcome.Throttled, "");
        }
        var ok = byRecovery
            ? await RecoveryCodes.RedeemAsync(users, user, recoveryCode)
            : await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code ?? "");
        if (!ok)
        {
            throttle.SecondFactorFailed(attempt, authenticatorCode: !byRecovery);
            await AuditFailureAsync(user.Id, byRecovery ? "wrong recovery code" : "wrong two-factor code", ct);
            return (SignInOutcome.TwoFactorFailed, "");
        }
        throttle.SignedIn(attempt);
        return (SignInOutcome.SignedIn, byRecovery ? "pwd+recovery" : "pwd+otp");
    }

    private (SignInOutcome, Employee?) Throttled(TimeSpan wait)
    {
        RetryAfter = wait;
        return (SignInOutcome.Throttled, null);
    }

    private System.Net.IPAddress? Address() => http.HttpContext?.Connection.RemoteIpAddress;

    /// <summary>Starts the session and sets the sign-in cookie (a browser-session cookie that also expires with the session).</summary>
    public async Task<UserSession> CompleteAsync(Employee user, string method, CancellationToken ct)
    {
        var session = await sessions.StartAsync(db, user.Id, method, http.HttpContext, ct);
        var properties = new AuthenticationProperties { IsPersistent = false, ExpiresUtc = session.AbsoluteExpiresAt };
        await signIn.SignInWithClaimsAsync(user, properties, [new Claim(SessionStore.ClaimType, session.Id), new Claim(MethodClaim, method)]);
        await audit.RecordAsync(new AuditEvent(AuditAction.SignIn, user.Id, "Employee", user.Id, Detail: $"{method}; {Origin()}"), ct);
        return session;
    }

    /// <summary>Ends the caller's session and removes the cookie.</summary>
    public async Task SignOutAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (Features.Identity.CurrentUser.IdOf(principal) is { } id && SessionStore.IdOf(principal) is { } session)
        {
            await sessions.EndAsync(db, id, session, ct);
            await audit.RecordAsync(new AuditEvent(AuditAction.SignOut, id, "Employee", id, Detail: Origin()), ct);
        }
        await signIn.SignOutAsync();
    }

    private Task AuditFailureAsync(long? employeeId, string reason, CancellationToken ct) =>
        audit.RecordAsync(new AuditEvent(AuditAction.SignInFailed, employeeId, "Employee", employeeId, Detail: $"{reason}; {Origin()}"), ct);

    private string Origin() => "ip " + (http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static string Shorten(string? email) => email is null ? "(none)" : email.Length <= 100 ? email.Trim() : email[..100];
}
