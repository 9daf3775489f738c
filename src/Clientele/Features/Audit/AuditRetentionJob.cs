using System.Text.Json;
using Clientele.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Audit;

/// <summary>
/// Nightly: removes the entries older than the owner's retention from the start of the chain — the only deletion the
/// triggers allow. The newest entry always stays, so ids keep counting up from it; <c>audit verify</c> starts at the first remaining entry.
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
        if (removed == 0)
            services.GetRequiredService<JobReport>().NothingToDo(
                services.GetRequiredService<IStringLocalizer<AuditText>>()["No audit entry is older than the retention period: nothing to remove."]);
        else
            await services.GetRequiredService<AuditLog>().RecordAsync(new AuditEvent(AuditAction.AuditRetention, Entity: nameof(AuditEntry),
                Detail: JsonSerializer.Serialize(new { removed }), RowCount: removed), ct);
    }

    public static async Task<int> RemoveExpiredAsync(ClienteleDb db, CancellationToken ct)
    {
        var settings = await AuditSettingsStore.GetAsync(db, ct);
        var cutoff = db.UtcNow - TimeSpan.FromDays(settings.RetentionDays) - Slack;
        // Only the oldest run of the chain goes: the first entry younger than the cutoff and everything after it stay, so
        // a clock that ran backwards on some node cannot make retention punch a hole that verify would report as a gap.
        var firstKept = await db.Set<AuditEntry>().Where(e => e.At >= cutoff).MinAsync(e => (long?)e.Id, ct)
            ?? await db.Set<AuditEntry>().MaxAsync(e => (long?)e.Id, ct) ?? 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<AuditEntryClient>().Where(c => c.EntryId < firstKept).ExecuteDeleteAsync(ct);
        var removed = await db.Set<AuditEntry>().Where(e => e.Id < firstKept).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return removed;
    }
}
