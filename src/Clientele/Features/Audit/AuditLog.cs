namespace Clientele.Features.Audit;

/// <summary>What happened, as the audit trail names it.</summary>
public enum AuditAction
{
    SignIn, SignInFailed, SignOut, TwoFactorChanged, SessionEnded,
    ClientViewed, ClientsSearched, Created, Updated, Deleted,
    Exported, ExportRequested, ExportApproved, ExportBlocked,
    RoleChanged, UserDeactivated, UserActivated, PermissionChanged,
    ConsentChanged, PersonalDataExported, PersonalDataErased, RetentionAnonymised, BreachRecorded,
    MassAccessAlert,
}

/// <summary>
/// One entry for the audit trail. <paramref name="EmployeeId"/> null means the signed-in user of the request or
/// circuit (none for jobs and the command line); <paramref name="ClientIds"/> are the clients the action touched,
/// so that "who saw client Y" and "which clients did X see" can be answered.
/// </summary>
public sealed record AuditEvent(
    AuditAction Action,
    long? EmployeeId = null,
    string? Entity = null,
    long? EntityId = null,
    IReadOnlyCollection<long>? ClientIds = null,
    string? Detail = null,
    int? RowCount = null);

/// <summary>Appends to the tamper-evident audit trail. Scoped: one per request or circuit.</summary>
public sealed class AuditLog(ClienteleDb db)
{
    /// <summary>Appends the event; the entry is durable when the call returns.</summary>
    public Task RecordAsync(AuditEvent entry, CancellationToken ct = default)
    {
        _ = db; _ = entry; _ = ct;
        return Task.CompletedTask; // skeleton: the audit feature implements the chain
    }
}

/// <summary>The mass-access guard: a user who opened or exported far more clients than usual is stopped from exporting.</summary>
public static class MassAccess
{
    /// <summary>True while the owner has not lifted a mass-access stop on the employee.</summary>
    public static Task<bool> IsBlockedAsync(ClienteleDb db, long employeeId, CancellationToken ct)
    {
        _ = db; _ = employeeId; _ = ct;
        return Task.FromResult(false); // skeleton: the audit feature implements the guard
    }
}
