using System.Text.Json;
using Clientele.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Audit;

/// <summary>
/// Nightly: removes entries older than the owner's retention — the only deletion the triggers allow. The newest entry
/// always stays, so ids keep counting up from it; <c>audit verify</c> starts at the first remaining entry.
/// </summary>
public sealed class AuditRetentionJob : IDailyJob
{
    public const string JobName = "audit-retention";
    public string Name => JobName;

    /// <summary>A day's slack below the trigger's own limit, so that a clock a little ahead of the database's is no failure.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromDays(1);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<ClienteleDb>();
        var removed = await RemoveExpiredAsync(db, ct);
        if (removed > 0)
            await services.GetRequiredService<AuditLog>().RecordAsync(new AuditEvent(AuditAction.AuditRetention, Entity: nameof(AuditEntry),
                Detail: JsonSerializer.Serialize(new { removed }), RowCount: removed), ct);
    }

    public static async Task<int> RemoveExpiredAsync(ClienteleDb db, CancellationToken ct)
    {
        var settings = await AuditSettingsStore.GetAsync(db, ct);
        var cutoff = db.UtcNow - TimeSpan.FromDays(settings.RetentionDays) - Slack;
        var newest = await db.Set<AuditEntry>().MaxAsync(e => (long?)e.Id, ct) ?? 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var expired = db.Set<AuditEntry>().Where(e => e.At < cutoff && e.Id < newest).Select(e => e.Id);
        await db.Set<AuditEntryClient>().Where(c => expired.Contains(c.EntryId)).ExecuteDeleteAsync(ct);
        var removed = await db.Set<AuditEntry>().Where(e => e.At < cutoff && e.Id < newest).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return removed;
    }
}
