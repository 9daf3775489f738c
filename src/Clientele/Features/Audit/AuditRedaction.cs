using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Clientele.Features.Audit;

/// <summary>
/// An erasure's part in the trail: the details of the entries about the erased person (the values before and after a
/// change, a search's text, a consent) are replaced by their keyed digest (<see cref="AuditChain.Redacted"/>), so the
/// erased values leave the trail while every link still verifies. What happened, who did it, when and to which client
/// stay. Entries of exports and alerts keep their detail: it names the file and the filter, not the person's values.
/// Entries written before the chain was keyed cannot be redacted without breaking it; they stay until retention removes
/// them (ADR 014).
/// </summary>
public static class AuditRedaction
{
    private static readonly string[] Kept =
    [
        nameof(AuditAction.Exported), nameof(AuditAction.ExportRequested), nameof(AuditAction.ExportApproved), nameof(AuditAction.ExportBlocked),
        nameof(AuditAction.MassAccessAlert), nameof(AuditAction.MassAccessLifted), nameof(AuditAction.PersonalDataErased), nameof(AuditAction.RetentionAnonymised),
    ];

    public sealed record Result(int Redacted, int Unkeyed);

    /// <summary>Redacts the entries about <paramref name="clientId"/>; joins the caller's transaction (the erasure's), which it needs.</summary>
    public static async Task<Result> RedactClientAsync(ClienteleDb db, long clientId, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("A redaction belongs in the erasure's transaction.");
        var ids = await db.Set<AuditEntryClient>().AsNoTracking().Where(c => c.ClientId == clientId).Select(c => c.EntryId)
            .Join(db.Set<AuditEntry>().Where(e => e.Detail != null && !e.Detail.StartsWith("{\"redacted\":\"")), id => id, e => e.Id, (id, e) => new { e.Id, e.Action, e.Detail })
            .ToListAsync(ct);
        var key = AuditSeal.Of(db).Key;
        var connection = db.Database.GetDbConnection();
        var (redacted, unkeyed) = (0, 0);
        await using var update = AuditWriter.Command(connection, transaction.GetDbTransaction(), """UPDATE "AuditEntries" SET "Detail" = @detail WHERE "Id" = @id""");
        var detail = AuditWriter.Add(update, "@detail", "");
        var entry = AuditWriter.Add(update, "@id", 0L);
        foreach (var row in ids.Where(r => !Kept.Contains(r.Action.ToString())))
        {
            if (!await AuditVerifier.IsKeyedAsync(connection, transaction.GetDbTransaction(), key, row.Id, ct))
            {
                unkeyed++;
                continue;
            }
            detail.Value = AuditChain.Redacted(AuditChain.DetailDigest(key, row.Detail)!);
            entry.Value = row.Id;
            await update.ExecuteNonQueryAsync(ct);
            redacted++;
        }
        return new Result(redacted, unkeyed);
    }
}
