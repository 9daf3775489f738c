using System.Globalization;
using Clientele.Data;
using Clientele.Features.Clients;
using Clientele.Features.Economics;
using Clientele.Features.LostClients;
using Clientele.Features.Loyalty;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Clients;

/// <summary>
/// Everything stored that follows from clients' raw rows — running and monthly figures, each client's purchase count and
/// last purchase, lost and won-back state, loyalty stage and path — and the check that after a write it equals a rebuild
/// from the raw rows: snapshot, rebuild, snapshot again, compare. The rebuild is written here, apart from the refresh
/// path it checks, except where the app's own full rebuilds are the reference (figures, and the per-client loyalty path
/// with the stored base median, which the per-write refresh also keeps).
/// </summary>
internal static class DerivedRows
{
    /// <summary>Fails, naming the first differing lines, when the derived rows differ from a rebuild of them.</summary>
    public static async Task AssertEqualToRebuildAsync(ClienteleApp app, string writer)
    {
        var written = await app.ReadAsync(SnapshotAsync);
        await app.ReadAsync(async db =>
        {
            await RebuildAsync(db);
            return 0;
        });
        var rebuilt = await app.ReadAsync(SnapshotAsync);
        if (written == rebuilt) return;
        var (a, b) = (written.Split('\n'), rebuilt.Split('\n'));
        var differing = Enumerable.Range(0, Math.Max(a.Length, b.Length))
            .Where(i => i >= a.Length || i >= b.Length || a[i] != b[i])
            .Take(6).Select(i => $"after the write: {(i < a.Length ? a[i] : "-")}\n       rebuilt: {(i < b.Length ? b[i] : "-")}");
        Assert.Fail($"after {writer} the derived rows differ from a rebuild from the raw rows:\n" + string.Join('\n', differing));
    }

    public static async Task<string> SnapshotAsync(ClienteleDb db)
    {
        var lines = new List<string> { "figures" };
        lines.AddRange((await db.ClientFigures.AsNoTracking().OrderBy(f => f.ClientId).ToListAsync())
            .Select(f => Line(f.ClientId, f.Revenue, f.CostOfGoods, f.Discounts, f.Bonuses, f.Kickbacks, f.ServiceCost, f.Purchases, f.FirstPurchase, f.LastPurchase, f.Categories)));
        lines.Add("months");
        lines.AddRange((await db.ClientMonthFigures.AsNoTracking().OrderBy(f => f.ClientId).ThenBy(f => f.Month).ToListAsync())
            .Select(f => Line(f.ClientId, f.Month, f.Revenue, f.CostOfGoods, f.Discounts, f.Bonuses, f.Kickbacks, f.ServiceCost, f.Purchases, f.FirstPurchase, f.LastPurchase)));
        lines.Add("clients");
        lines.AddRange((await db.Clients.IgnoreQueryFilters().AsNoTracking().OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.PurchaseCount, c.LastPurchaseAt, c.Status, c.LostOn, c.ChurnReason, c.Competitor }).ToListAsync())
            .Select(c => Line(c.Id, c.PurchaseCount, c.LastPurchaseAt, c.Status, c.LostOn, c.ChurnReason, c.Competitor)));
        lines.Add("losses");
        lines.AddRange((await db.Set<ClientLoss>().AsNoTracking().OrderBy(l => l.Id).ToListAsync())
            .Select(l => Line(l.Id, l.ClientId, l.LostOn, l.ReasonId, l.CompetitorId, l.WonBackOn)));
        lines.Add("loyalty");
        lines.AddRange((await db.Set<ClientLoyalty>().AsNoTracking().OrderBy(l => l.ClientId).ToListAsync())
            .Select(l => Line(l.ClientId, l.Stage, l.Since, l.AdvocateMarkedOn, l.ModelLostFrom)));
        lines.Add("loyalty steps (without their ids: every recompute renews them)");
        lines.AddRange((await db.Set<ClientLoyaltyStep>().AsNoTracking().ToListAsync())
            .Select(s => Line(s.ClientId, s.Date, s.Stage, s.PreviousStage)).Order(StringComparer.Ordinal));
        return string.Join('\n', lines);
    }

    /// <summary>Every derived row again from the raw rows.</summary>
    public static async Task RebuildAsync(ClienteleDb db)
    {
        await FiguresRebuild.RunAsync(db, default);
        var counts = await db.Purchases.IgnoreQueryFilters().GroupBy(p => p.ClientId)
            .Select(g => new { g.Key, Count = g.Count(), Last = g.Max(p => p.Date) }).ToDictionaryAsync(g => g.Key);
        foreach (var client in await db.Clients.IgnoreQueryFilters().ToListAsync())
            (client.PurchaseCount, client.LastPurchaseAt) = counts.TryGetValue(client.Id, out var c) ? (c.Count, c.Last) : (0, (DateTime?)null);
        await db.SaveChangesAsync();
        await WinBackAsync(db);
        db.ChangeTracker.Clear();
        foreach (var id in await db.Clients.IgnoreQueryFilters().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync())
            await LoyaltyUpdater.RefreshAsync(db, id, default);
    }

    /// <summary>
    /// ADR 005: a purchase dated on or after the day of the loss, written after the loss was recorded, wins the client
    /// back on the purchase's day (the first such day when several do).
    /// </summary>
    private static async Task WinBackAsync(ClienteleDb db)
    {
        var open = await db.Set<ClientLoss>().Where(l => l.WonBackOn == null).ToListAsync();
        foreach (var loss in open)
        {
            var client = await db.Clients.IgnoreQueryFilters().SingleAsync(c => c.Id == loss.ClientId);
            if (client.Status != ClientStatus.Lost) continue;
            var days = (await db.Purchases.IgnoreQueryFilters().Where(p => p.ClientId == loss.ClientId && p.UpdatedAt >= loss.RecordedAt)
                    .Select(p => p.Date).ToListAsync())
                .Select(DateOnly.FromDateTime).Where(d => d >= loss.LostOn).Order().ToList();
            if (days.Count == 0) continue;
            loss.WonBackOn = days[0];
            client.Status = client.PurchaseCount > 0 ? ClientStatus.Active : ClientStatus.Potential;
            (client.LostOn, client.ChurnReason, client.Competitor) = (null, null, null);
        }
        await db.SaveChangesAsync();
    }

    private static string Line(params object?[] values) =>
        string.Join(" | ", values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "-"));
}
