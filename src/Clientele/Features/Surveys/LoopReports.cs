using Clientele.Analytics.Statistics;
using Clientele.Features.Company;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Surveys;

/// <param name="Cause">In the reader's language; null for the items nobody has given a cause yet.</param>
/// <param name="Revenue">What the clients behind the items brought over the whole relationship, in the base currency.</param>
public sealed record LoopCauseCount(long? CauseId, string? Cause, int Items, int Clients, decimal Revenue);

/// <param name="MedianDaysToFix">From the answer to the fix, over the period's items marked fixed; null when none is.</param>
public sealed record LoopReport(DateOnly From, DateOnly To, int Opened, int Fixed, int Closed, decimal? MedianDaysToFix, IReadOnlyList<LoopCauseCount> Causes);

/// <summary>The loop items opened on the company days of a period, of the clients the reader sees: what they were about and how fast they were fixed.</summary>
public static class LoopReports
{
    public static async Task<LoopReport> BuildAsync(ClienteleDb db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var days = await CompanyDays.OfAsync(db, ct);
        var (start, end) = (days.StartOf(from), days.EndOf(to));
        var items = await db.LoopItems.AsNoTracking().Where(i => i.CreatedAt >= start && i.CreatedAt < end)
            .Select(i => new { i.ClientId, i.CauseId, i.CreatedAt, i.FixedAt, i.ClosedAt }).ToListAsync(ct);
        var clients = items.Select(i => i.ClientId).Distinct().ToList();
        // Summed here: SQLite has no decimal sum, and one row per client is at most the period's items.
        var revenue = await db.ClientFigures.AsNoTracking().Where(f => clients.Contains(f.ClientId)).ToDictionaryAsync(f => f.ClientId, f => f.Revenue, ct);
        var names = await db.LoopCauses.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var causes = items.GroupBy(i => i.CauseId)
            .Select(g =>
            {
                var behind = g.Select(i => i.ClientId).Distinct().ToList();
                return new LoopCauseCount(g.Key, g.Key is { } id && names.TryGetValue(id, out var name) ? LoopCause.Show(name) : null,
                    g.Count(), behind.Count, behind.Sum(c => revenue.GetValueOrDefault(c)));
            })
            .OrderByDescending(c => c.Items).ThenByDescending(c => c.Revenue).ToList();
        double[] daysToFix = [.. items.Where(i => i.FixedAt is not null).Select(i => (i.FixedAt!.Value - i.CreatedAt).TotalDays)];
        return new LoopReport(from, to, items.Count, daysToFix.Length, items.Count(i => i.ClosedAt is not null),
            daysToFix.Length == 0 ? null : Math.Round((decimal)Percentiles.Of(daysToFix, 50), 1), causes);
    }
}
