using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Identity;

/// <summary>
/// What deactivating a user or changing their role does to what they hold: a new security stamp (old cookies fail
/// their next stamp check), every session ended (cookies and Blazor circuits fail their next session check, ≤ 20 s),
/// every API token revoked (at once).
/// </summary>
public static class UserCutOff
{
    /// <summary>Returns the ended session ids, so a caller with the session cache can drop them from it.</summary>
    public static async Task<List<string>> CutOffAsync(UserManager<Employee> users, ClienteleDb db, Employee employee, TimeProvider clock, CancellationToken ct)
    {
        await users.UpdateSecurityStampAsync(employee);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ApiTokens.Where(t => t.EmployeeId == employee.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        return await SessionStore.EndAllQuietlyAsync(db, employee.Id, keep: null, clock, ct);
    }
}
