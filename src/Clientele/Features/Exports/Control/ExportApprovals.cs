using Clientele.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Exports.Control;

public enum DecisionOutcome { Decided, NotFound, NotAwaiting }

/// <summary>The owner's yes or no on an export request, for the API and the page alike.</summary>
public static class ExportApprovals
{
    /// <summary>Decides a request still awaiting approval; the status changes only from "awaiting", so two owners cannot both decide.</summary>
    public static async Task<DecisionOutcome> DecideAsync(ClienteleDb db, AuditLog audit, string id, bool approve, long ownerId, DateTime now, CancellationToken ct)
    {
        var status = approve ? ExportStatus.Approved : ExportStatus.Refused;
        var changed = await db.Set<ExportRecord>().Where(r => r.Id == id && r.Status == ExportStatus.AwaitingApproval)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.DecidedById, ownerId).SetProperty(r => r.DecidedAt, now), ct);
        if (changed == 0)
            return await db.Set<ExportRecord>().AnyAsync(r => r.Id == id, ct) ? DecisionOutcome.NotAwaiting : DecisionOutcome.NotFound;
        // The audit trail has no "refused" action; a refusal is an ExportApproved entry saying so.
        await audit.RecordAsync(new AuditEvent(AuditAction.ExportApproved, Entity: "Export", Detail: $"{id} {(approve ? "approved" : "refused")}"), ct);
        return DecisionOutcome.Decided;
    }
}
