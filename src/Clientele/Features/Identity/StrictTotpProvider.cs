using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Identity;

/// <summary>
/// Replaces Identity's authenticator provider, which accepts a code within ±90 s and as often as it is sent.
/// Here a code counts only for the time steps t-1, t and t+1, and only when its step is later than the last step
/// accepted for the user — so a code works once, and once a newer code was used no older one does.
/// </summary>
public sealed class StrictTotpProvider(ClienteleDb db, TimeProvider clock) : IUserTwoFactorTokenProvider<Employee>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<Employee> manager, Employee user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>Codes come from the user's app, never from the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<Employee> manager, Employee user) =>
        throw new NotSupportedException("Authenticator codes are made by the user's app.");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<Employee> manager, Employee user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        return key is not null && await AcceptAsync(db, Base32.Decode(key), user.Id, token, clock, CancellationToken.None);
    }

    /// <summary>Checks <paramref name="code"/> against <paramref name="secret"/> and, if it matches a fresh step, records that step.</summary>
    public static async Task<bool> AcceptAsync(ClienteleDb db, byte[] secret, long employeeId, string? code, TimeProvider clock, CancellationToken ct)
    {
        if (Totp.Normalize(code) is not { } digits) return false;
        var now = Totp.StepAt(clock.GetUtcNow());
        long? matched = null;
        for (var step = now + 1; step >= now - 1; step--)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Totp.Code(secret, step)), Encoding.ASCII.GetBytes(digits)))
            {
                matched = step;
                break;
            }
        }
        if (matched is not { } accepted) return false;

        // One conditional UPDATE decides: of two requests racing with the same code, only one moves the step.
        var moved = await db.Set<TwoFactorStep>()
            .Where(s => s.EmployeeId == employeeId && s.LastAcceptedStep < accepted)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastAcceptedStep, accepted), ct);
        if (moved == 1) return true;
        if (await db.Set<TwoFactorStep>().AnyAsync(s => s.EmployeeId == employeeId, ct)) return false;
        try
        {
            db.Set<TwoFactorStep>().Add(new TwoFactorStep { EmployeeId = employeeId, LastAcceptedStep = accepted });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false; // another request recorded a step first
        }
    }
}
