using Clientele.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Audit;

/// <summary>
/// Writes the database's anchor: the chain is verified first (an anchor must never bless a rewritten chain), then its
/// head, count and switch point are checkpointed into the anchor file outside the database (ADR 014).
/// Nightly as the <c>audit-anchor</c> job, and on demand with <c>clientele audit anchor</c>.
/// </summary>
public static class AuditAnchoring
{
    public sealed record Result(ChainReport Report, AuditAnchor? Written);

    public static async Task<Result> AnchorAsync(ClienteleDb db, TimeProvider clock, CancellationToken ct)
    {
        var report = await AuditVerifier.VerifyAsync(db, ct);
        if (!report.Ok) return new Result(report, null);
        var seal = AuditSeal.Of(db);
        await db.Database.OpenConnectionAsync(ct);
        string database;
        try
        {
            database = AuditSeal.DatabaseOf(db.Database.GetDbConnection());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var head = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Id == report.LastId).Select(e => e.Hash).SingleOrDefaultAsync(ct);
        // Entries written after the walk are simply anchored tomorrow: the anchor names what verify saw.
        var keyedFrom = report.Anchor?.KeyedFrom ?? (report.FirstId is { } first ? first + report.Legacy : 1);
        var anchor = new AuditAnchor(database, clock.GetUtcNow().UtcDateTime, keyedFrom, report.LastId ?? 0, head ?? AuditChain.Genesis, report.Checked, report.FirstId);
        seal.WriteAnchor(anchor);
        return new Result(report, anchor);
    }
}

/// <summary>The nightly anchor (a failed verification fails the run and leaves the last good anchor in place).</summary>
public sealed class AuditAnchorJob : IDailyJob
{
    public const string JobName = "audit-anchor";
    public string Name => JobName;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var result = await AuditAnchoring.AnchorAsync(services.GetRequiredService<ClienteleDb>(), services.GetRequiredService<TimeProvider>(), ct);
        if (!result.Report.Ok)
        {
            var text = services.GetRequiredService<IStringLocalizer<AuditText>>();
            throw new InvalidOperationException(text["The audit chain is broken at entry {0}: {1}. The last good anchor is kept.",
                result.Report.BrokenId ?? 0, result.Report.Describe(text) ?? ""]);
        }
    }
}
