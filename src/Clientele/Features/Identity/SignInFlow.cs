using System.Security.Claims;
using Clientele.Features.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Clientele.Features.Identity;

public enum SignInOutcome { SignedIn, Failed, LockedOut, TwoFactorRequired, TwoFactorFailed }

/// <summary>
/// The one way in, for the form and the JSON endpoint alike: password (with lockout after 5 failures for 15 minutes),
/// then the second factor if the user has one, then a server-side session whose id the cookie carries.
/// Every attempt, good or bad, goes to the audit trail.
/// </summary>
public sealed class SignInFlow(
    SignInManager<Employee> signIn, UserManager<Employee> users, ClienteleDb db, SessionStore sessions,
    AuditLog audit, IHttpContextAccessor http)
{
    public const string MethodClaim = "amr";

    /// <summary>Checks the password; <see cref="SignInOutcome.SignedIn"/> here means "no second factor needed".</summary>
    public async Task<(SignInOutcome Outcome, Employee? User)> CheckPasswordAsync(string? email, string? password, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || string.IsNullOrEmpty(password))
        {
            await AuditFailureAsync(null, $"unknown e-mail {Shorten(email)}", ct);
            return (SignInOutcome.Failed, null);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await AuditFailureAsync(user.Id, "locked out", ct);
            return (SignInOutcome.LockedOut, user);
        }
        if (!result.Succeeded)
        {
            await AuditFailureAsync(user.Id, result.IsNotAllowed ? "user deactivated" : "wrong password", ct);
            return (SignInOutcome.Failed, user);
        }
        return (await users.GetTwoFactorEnabledAsync(user) ? SignInOutcome.TwoFactorRequired : SignInOutcome.SignedIn, user);
    }

    /// <summary>Checks an authenticator code or, if given, a recovery code; failures count towards the lockout.</summary>
    public async Task<(SignInOutcome Outcome, string Method)> CheckSecondFactorAsync(Employee user, string? code, string? recoveryCode, CancellationToken ct)
    {
        if (await users.IsLockedOutAsync(user))
        {
            await AuditFailureAsync(user.Id, "locked out", ct);
            return (SignInOutcome.LockedOut, "");
        }
        var byRecovery = !string.IsNullOrWhiteSpace(recoveryCode);
        var ok = byRecovery
            ? await RecoveryCodes.RedeemAsync(users, user, recoveryCode)
            : await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code ?? "");
        if (!ok)
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            await AuditFailureAsync(user.Id, byRecovery ? "wrong recovery code" : "wrong two-factor code" + (locked ? "; locked out" : ""), ct);
            return (locked ? SignInOutcome.LockedOut : SignInOutcome.TwoFactorFailed, "");
        }
        await users.ResetAccessFailedCountAsync(user);
        return (SignInOutcome.SignedIn, byRecovery ? "pwd+recovery" : "pwd+otp");
    }

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
