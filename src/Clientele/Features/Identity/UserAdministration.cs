using Clientele.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Identity;

public sealed record UserRow(long Id, string? Email, string DisplayName, string Role, bool IsActive, long? TeamLeadId,
    bool TwoFactorEnabled, DateTimeOffset? LockedOutUntil, int ActiveSessions, DateTime? LastSignInAt = null);

/// <summary>A user the owner adds: they sign in with the initial password and can change it on their profile.</summary>
public sealed record NewUser(string? Email, string? DisplayName, EmployeeRole? Role, string? Password);

/// <summary>A requested change of a user; absent fields stay as they are.</summary>
public sealed record UserChange(EmployeeRole? Role, bool? IsActive, long? TeamLeadId, bool ClearTeamLead = false);

/// <summary>
/// The owner's user administration, for the API and the users page. Deactivating a user or changing their role
/// cuts off everything they hold (<see cref="UserCutOff"/>) and is audited.
/// </summary>
public sealed class UserAdministration(UserManager<Employee> users, ClienteleDb db, SessionStore sessions, AuditLog audit, TimeProvider clock)
{
    public enum Outcome { Changed, NotFound, Invalid, Conflict }

    public async Task<List<UserRow>> ListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Set<Employee>().AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new
            {
                e.Id, e.Email, e.DisplayName, e.Role, e.IsActive, e.TeamLeadId, e.TwoFactorEnabled, e.LockoutEnd,
                Sessions = db.Set<UserSession>().Count(s => s.EmployeeId == e.Id && s.RevokedAt == null && s.IdleExpiresAt > now && s.AbsoluteExpiresAt > now),
                // A sign-in is recorded as the session it opened; an ended session still says when it began.
                LastSignIn = db.Set<UserSession>().Where(s => s.EmployeeId == e.Id).Max(s => (DateTime?)s.CreatedAt),
            })
            .ToListAsync(ct);
        return [.. rows.Select(e => new UserRow(e.Id, e.Email, e.DisplayName, RoleName(e.Role), e.IsActive, e.TeamLeadId, e.TwoFactorEnabled,
            e.LockoutEnd is { } end && end > clock.GetUtcNow() ? end : null, e.Sessions,
            e.LastSignIn is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null))];
    }

    /// <summary>
    /// Adds a user with an initial password: every field is checked first, so a refusal writes nothing. Identity's own
    /// change tracking audits the new account (its secrets masked); the entry here says who was added as what, as a kind.
    /// </summary>
    public async Task<(Outcome Outcome, string? Field, Message? Text, UserRow? Row)> CreateAsync(NewUser input, CancellationToken ct)
    {
        var email = ContactRules.NormalizeEmail(input.Email);
        if (email is null) return (Outcome.Invalid, "email", Message.Of("'{0}' is not a valid e-mail address.", input.Email ?? ""), null);
        var name = input.DisplayName?.Trim();
        if (name is { Length: > 200 }) return (Outcome.Invalid, "displayName", Message.Of<TeamText>("A name has at most 200 characters."), null);
        if (input.Role is not { } role || !Enum.IsDefined(role)) return (Outcome.Invalid, "role", Message.Of("Use owner, manager, marketer or analyst."), null);
        if (PasswordRules.Problem(input.Password) is { } problem) return (Outcome.Invalid, "password", Message.Of<SignInText>(problem), null);
        if (await users.FindByEmailAsync(email) is not null)
            return (Outcome.Conflict, "email", Message.Of<TeamText>("A user with the e-mail {0} already exists.", email), null);
        var employee = new Employee
        {
            UserName = email, Email = email, EmailConfirmed = true, Role = role, CreatedAt = clock.GetUtcNow().UtcDateTime,
            DisplayName = string.IsNullOrEmpty(name) ? email.Split('@')[0] : name,
        };
        var created = await users.CreateAsync(employee, input.Password!);
        if (!created.Succeeded) return (Outcome.Conflict, null, Message.Of("The change could not be saved: {0}", string.Join(" ", created.Errors.Select(e => e.Description))), null);
        await audit.RecordAsync(new AuditEvent(AuditAction.PermissionChanged, null, "Employee", employee.Id,
            Detail: Message.Of<TeamText>("{0} was added as {1}.", employee.DisplayName, RoleLabel(role)).Encode()), ct);
        return (Outcome.Changed, null, null, (await ListAsync(ct)).Single(u => u.Id == employee.Id));
    }

    /// <summary>Applies <paramref name="change"/>; the field and message name what is wrong for Invalid and Conflict.</summary>
    public async Task<(Outcome Outcome, string? Field, Message? Text)> ChangeAsync(long id, UserChange change, long actingOwnerId, CancellationToken ct)
    {
        var employee = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (employee is null) return (Outcome.NotFound, null, null);
        if (change.TeamLeadId is { } lead)
        {
            if (lead == id) return (Outcome.Invalid, "teamLeadId", Message.Of("A user cannot lead their own team."));
            if (!await db.Set<Employee>().AnyAsync(e => e.Id == lead, ct)) return (Outcome.Invalid, "teamLeadId", Message.Of("there is no user {0}.", lead));
        }
        var formerRole = employee.Role;
        var roleChanged = change.Role is { } role && role != employee.Role;
        var deactivated = change.IsActive == false && employee.IsActive;
        var reactivated = change.IsActive == true && !employee.IsActive;
        var losesOwner = employee.Role == EmployeeRole.Owner && employee.IsActive && (deactivated || roleChanged);
        if (losesOwner && !await db.Set<Employee>().AnyAsync(e => e.Id != id && e.Role == EmployeeRole.Owner && e.IsActive, ct))
            return (Outcome.Conflict, null, Message.Of("The company must keep at least one active owner."));
        if (id == actingOwnerId && (deactivated || roleChanged))
            return (Outcome.Conflict, null, Message.Of("You cannot deactivate yourself or change your own role; another owner can."));

        if (change.Role is { } newRole) employee.Role = newRole;
        if (change.IsActive is { } active) employee.IsActive = active;
        if (deactivated) employee.DepartedAt ??= clock.GetUtcNow().UtcDateTime;
        if (reactivated) employee.DepartedAt = null;
        if (change.TeamLeadId is not null) employee.TeamLeadId = change.TeamLeadId;
        if (change.ClearTeamLead) employee.TeamLeadId = null;
        var saved = await users.UpdateAsync(employee);
        if (!saved.Succeeded) return (Outcome.Conflict, null, Message.Of("The change could not be saved: {0}", string.Join(" ", saved.Errors.Select(e => e.Description))));

        if (deactivated || roleChanged)
            sessions.Forget(await UserCutOff.CutOffAsync(users, db, employee, clock, ct));
        if (roleChanged)
            await audit.RecordAsync(new AuditEvent(AuditAction.RoleChanged, null, "Employee", id, 
                Detail: Message.Of<TeamText>("Role of {0} changed from {1} to {2}.", employee.DisplayName, RoleLabel(formerRole), RoleLabel(employee.Role)).Encode()), ct);
        if (deactivated)
            await audit.RecordAsync(new AuditEvent(AuditAction.UserDeactivated, null, "Employee", id, Detail: Message.Of<TeamText>("{0} was deactivated.", employee.DisplayName).Encode()), ct);
        if (reactivated)
            await audit.RecordAsync(new AuditEvent(AuditAction.UserActivated, null, "Employee", id, Detail: Message.Of<TeamText>("{0} was reactivated.", employee.DisplayName).Encode()), ct);
        if (change.TeamLeadId is not null || change.ClearTeamLead)
            await audit.RecordAsync(new AuditEvent(AuditAction.Updated, null, "Employee", id, Detail: $"team lead {employee.TeamLeadId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}"), ct);
        return (Outcome.Changed, null, null);
    }

    public async Task<SignInPolicy> PolicyAsync(CancellationToken ct) => await SignInPolicy.ReadAsync(db, ct);

    public async Task SavePolicyAsync(SignInPolicy policy, CancellationToken ct)
    {
        var row = await db.Set<SignInPolicy>().FirstOrDefaultAsync(p => p.Id == SignInPolicy.SingletonId, ct);
        if (row is null) db.Set<SignInPolicy>().Add(row = new SignInPolicy());
        row.IdleTimeoutMinutes = policy.IdleTimeoutMinutes;
        row.AbsoluteLifetimeHours = policy.AbsoluteLifetimeHours;
        row.TwoFactorRequired = policy.TwoFactorRequired;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditAction.PermissionChanged, null, "SignInPolicy", SignInPolicy.SingletonId,
            Detail: $"idle {row.IdleTimeoutMinutes} min, absolute {row.AbsoluteLifetimeHours} h, two-factor {(row.TwoFactorRequired ? "required" : "optional")}"), ct);
    }

    private static string RoleName(EmployeeRole role) => role.ToString().ToLowerInvariant();

    /// <summary>A role as a label kind, so a stored entry names it in the reader's language.</summary>
    public static Message RoleLabel(EmployeeRole role) => Message.Of<SignInText>(role.ToString());
}
