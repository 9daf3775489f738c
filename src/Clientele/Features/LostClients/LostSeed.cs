using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.LostClients;

/// <summary>
/// Puts in the built-in churn reasons, and once for older bases turns the free-text reason and competitor of lost
/// clients into list entries and loss rows (docs/decisions/005-lost-clients-lists.md). Safe to run on every start.
/// </summary>
public static class LostSeed
{
    public static async Task RunAsync(ClienteleDb db, CancellationToken ct = default)
    {
        var known = await db.Set<ChurnReason>().Where(r => r.Code != null).Select(r => r.Code!).ToListAsync(ct);
        foreach (var (code, name) in LostRules.BuiltInReasons.Where(r => !known.Contains(r.Code)))
            db.Add(new ChurnReason { Code = code, Name = name });
        await db.SaveChangesAsync(ct);
        await AdoptAsync(db, ct);
    }

    /// <summary>
    /// Lost clients without a loss row (written before the lists, by an import or by the demo generator) get one. Their
    /// texts become list entries: a reason text that is no built-in becomes the owner's own reason, a competitor text a
    /// competitor. Later free-text writes through the client API map unknown reasons to "other" instead
    /// (<see cref="LostSync"/>), so managers cannot grow the owner's list.
    /// </summary>
    public static Task AdoptAsync(ClienteleDb db, CancellationToken ct = default) => AdoptAsync(db, long.MinValue, long.MaxValue, ct);

    /// <summary>As <see cref="AdoptAsync(ClienteleDb, CancellationToken)"/>, for the clients with ids from first to last (new ones of an import).</summary>
    public static async Task AdoptAsync(ClienteleDb db, long first, long last, CancellationToken ct)
    {
        var orphans = await db.Clients.AsNoTracking()
            .Where(c => c.Id >= first && c.Id <= last && c.Status == ClientStatus.Lost && !db.Set<ClientLoss>().Any(l => l.ClientId == c.Id))
            .Select(c => new { c.Id, c.LostOn, c.UpdatedAt, c.ChurnReason, c.Competitor, c.ManagerId }).ToListAsync(ct);
        if (orphans.Count == 0) return;

        var reasons = await db.Set<ChurnReason>().ToListAsync(ct);
        var competitors = await db.Set<Competitor>().ToListAsync(ct);
        ChurnReason Reason(string? text)
        {
            text = Clip(text);
            if (text is null) return reasons.Single(r => r.Code == LostRules.OtherCode);
            var code = LostRules.BuiltInCodeOf(text);
            var found = reasons.Find(r => (code is not null && r.Code == code) || Same(r.Name, text));
            if (found is null)
            {
                db.Add(found = new ChurnReason { Name = text });
                reasons.Add(found);
            }
            return found;
        }
        Competitor? CompetitorOf(string? text)
        {
            text = Clip(text);
            if (text is null) return null;
            var found = competitors.Find(c => Same(c.Name, text));
            if (found is null)
            {
                db.Add(found = new Competitor { Name = text });
                competitors.Add(found);
            }
            return found;
        }

        var days = await Company.CompanyDays.OfAsync(db, ct);
        var picked = orphans.Select(c => (c, Reason: Reason(c.ChurnReason), Competitor: CompetitorOf(c.Competitor))).ToList();
        await db.SaveChangesAsync(ct);
        foreach (var (c, reason, competitor) in picked)
            db.Add(new ClientLoss
            {
                ClientId = c.Id, LostOn = c.LostOn ?? days.DayOf(c.UpdatedAt), ReasonId = reason.Id, CompetitorId = competitor?.Id,
                ManagerId = c.ManagerId, RecordedAt = c.UpdatedAt,
            });
        await db.SaveChangesAsync(ct);
    }

    private static string? Clip(string? text)
    {
        text = text?.Trim();
        return string.IsNullOrEmpty(text) ? null : text.Length > LostRules.NameMax ? text[..LostRules.NameMax] : text;
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
