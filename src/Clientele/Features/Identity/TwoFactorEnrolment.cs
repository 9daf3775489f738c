using Clientele.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Identity;

public sealed record TwoFactorStatus(bool Enabled, bool Required, bool Pending, int RecoveryCodesLeft);
public sealed record AuthenticatorSetup(string Secret, string Uri);

/// <summary>
/// Enrolment in two-factor sign-in, for the API and the security page: a new secret (pending until confirmed with a
/// code from the app), ten recovery codes shown once, and switching it off again. Changing the second factor ends
/// the user's other sessions (ASVS: re-authenticate elsewhere after an authentication factor changes).
/// </summary>
public sealed class TwoFactorEnrolment(UserManager<Employee> users, IUserStore<Employee> store, ClienteleDb db,
    SessionStore sessions, AuditLog audit, TimeProvider clock)
{
    public const string Issuer = "Clientele";

    public async Task<TwoFactorStatus> StatusAsync(Employee user, CancellationToken ct)
    {
        var policy = await SignInPolicy.ReadAsync(db, ct);
        return new TwoFactorStatus(user.TwoFactorEnabled, policy.TwoFactorRequired,
            !user.TwoFactorEnabled && !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)),
            user.TwoFactorEnabled ? await RecoveryCodes.RemainingAsync(users, user) : 0);
    }

    /// <summary>A fresh secret; null when two-factor is on already (switch it off first, with a code).</summary>
    public async Task<AuthenticatorSetup?> BeginAsync(Employee user, CancellationToken ct)
    {
        if (user.TwoFactorEnabled) return null;
        var secret = Totp.NewSecret();
        // Through the store, not UserManager.ResetAuthenticatorKeyAsync: that also renews the security stamp and so
        // would sign the enrolling user out of the very page they enrol on.
        await ((IUserAuthenticatorKeyStore<Employee>)store).SetAuthenticatorKeyAsync(user, secret, ct);
        await SaveAsync(user);
        await db.Set<TwoFactorStep>().Where(s => s.EmployeeId == user.Id).ExecuteDeleteAsync(ct);
        return new AuthenticatorSetup(secret, Totp.Uri(Issuer, user.Email ?? user.UserName ?? user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), secret));
    }

    /// <summary>Confirms the pending secret with a code from the app; returns the recovery codes, or null for a wrong code.</summary>
    public async Task<IReadOnlyList<string>?> ConfirmAsync(Employee user, string? code, string? keepSession, CancellationToken ct)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (user.TwoFactorEnabled || string.IsNullOrEmpty(key)) return null;
        if (!await StrictTotpProvider.AcceptAsync(db, Base32.Decode(key), user.Id, code, clock, ct)) return null;
        user.TwoFactorEnabled = true;
        var codes = await RecoveryCodes.ReplaceAsync(users, store, user);
        await sessions.EndAllAsync(db, user.Id, keepSession, ct);
        sessions.Forget(keepSession is null ? [] : [keepSession]); // its "must enrol" mark is out of date now
        await audit.RecordAsync(new AuditEvent(AuditAction.TwoFactorChanged, user.Id, "Employee", user.Id, Detail: "enabled"), ct);
        return codes;
    }

    /// <summary>New recovery codes, the old ones void; needs a current authenticator code.</summary>
    public async Task<IReadOnlyList<string>?> RenewRecoveryCodesAsync(Employee user, string? code, CancellationToken ct)
    {
        if (!user.TwoFactorEnabled || !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code ?? "")) return null;
        var codes = await RecoveryCodes.ReplaceAsync(users, store, user);
        await audit.RecordAsync(new AuditEvent(AuditAction.TwoFactorChanged, user.Id, "Employee", user.Id, Detail: "new recovery codes"), ct);
        return codes;
    }

    public enum DisableOutcome { Disabled, WrongCode, Required }

    /// <summary>Switches two-factor off; needs an authenticator or recovery code, and is refused while the owner requires it.</summary>
    public async Task<DisableOutcome> DisableAsync(Employee user, string? code, string? keepSession, CancellationToken ct)
    {
        if ((await SignInPolicy.ReadAsync(db, ct)).TwoFactorRequired) return DisableOutcome.Required;
        var proven = user.TwoFactorEnabled && (Totp.Normalize(code) is not null
            ? await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code!)
            : await RecoveryCodes.RedeemAsync(users, user, code));
        if (!proven) return DisableOutcome.WrongCode;
        user.TwoFactorEnabled = false;
        await ((IUserAuthenticatorKeyStore<Employee>)store).SetAuthenticatorKeyAsync(user, null!, ct);
        await ((IUserTwoFactorRecoveryCodeStore<Employee>)store).ReplaceCodesAsync(user, [], ct);
        await SaveAsync(user);
        await sessions.EndAllAsync(db, user.Id, keepSession, ct);
        await audit.RecordAsync(new AuditEvent(AuditAction.TwoFactorChanged, user.Id, "Employee", user.Id, Detail: "disabled"), ct);
        return DisableOutcome.Disabled;
    }

    private async Task SaveAsync(Employee user)
    {
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded) throw new InvalidOperationException(string.Join(" ", saved.Errors.Select(e => e.Description)));
    }
}
