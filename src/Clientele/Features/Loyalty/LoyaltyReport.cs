using Clientele.Analytics.Calendar;
using Clientele.Analytics.Loyalty;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Loyalty;

/// <summary>Reads the stored paths in one untracked projection and hands them to <see cref="LoyaltyFunnel"/>.</summary>
public static class LoyaltyReport
{
    public const int TrendMonths = 12;
    /// <summary>Retention is shown over a quarter and over a year before the as-of day.</summary>
    public static readonly int[] RetentionMonths = [3, 12];

    /// <summary>Every client's path, by client id.</summary>
    public static async Task<Dictionary<long, List<StageChange>>> PathsAsync(ClienteleDb db, CancellationToken ct)
    {
        var steps = await db.Set<ClientLoyaltyStep>().AsNoTracking()
            .Select(s => new { s.ClientId, s.Date, s.Stage, s.PreviousStage }).ToListAsync(ct);
        var paths = new Dictionary<long, List<StageChange>>();
        foreach (var s in steps)
        {
            if (!paths.TryGetValue(s.ClientId, out var path)) paths[s.ClientId] = path = [];
            path.Add(new StageChange(s.Date, s.Stage, s.PreviousStage));
        }
        foreach (var path in paths.Values) path.Sort((a, b) => a.Date.CompareTo(b.Date));
        return paths;
    }

    public static async Task<LadderResponse> LadderAsync(ClienteleDb db, DateOnly asOf, CancellationToken ct)
    {
        var settings = await LoyaltySettings.ReadAsync(db, ct);
        var paths = (await PathsAsync(db, ct)).Values.ToArray();
        var counts = LoyaltyFunnel.Counts(paths, asOf);
        var trend = LoyaltyFunnel.MonthlyTrend(paths, asOf, TrendMonths, settings.TrendWindowDays)
            .GroupBy(t => t.Month)
            .Select(g => new LadderTrendMonth(MonthIndex.Label(g.Key), g.First().Complete, [.. g.Select(t => LadderStep.Of(t.Step))]))
            .ToArray();
        var retention = RetentionMonths.Select(months =>
        {
            var start = asOf.AddMonths(-months);
            return new LadderRetentionPeriod(months, start, asOf, [.. LoyaltyFunnel.RetentionByStage(paths, start, asOf)
                .Select(r => new LadderRetentionRow(r.Stage, r.AtStart, r.Kept, r.RetentionRate, r.ChurnRate))]);
        }).ToArray();
        return new LadderResponse(asOf, counts.Sum(c => c.Clients), [.. counts.Select(c => new LadderStageRow(c.Stage, c.Clients))],
            [.. LoyaltyFunnel.Conversions(paths, asOf).Select(LadderStep.Of)], trend, retention, ToDto(settings));
    }

    /// <summary>The clients standing at <paramref name="stage"/> on the day, longest there first.</summary>
    public static async Task<LadderClientsResponse> ClientsAsync(ClienteleDb db, DateOnly asOf, LoyaltyStage stage, int offset, int limit, CancellationToken ct)
    {
        var at = (await PathsAsync(db, ct))
            .Select(p => (Id: p.Key, Step: p.Value.LastOrDefault(c => c.Date <= asOf)))
            .Where(p => p.Step is not null && p.Step.Stage == stage)
            .OrderBy(p => p.Step!.Date).ThenBy(p => p.Id)
            .ToList();
        var page = at.Skip(offset).Take(limit).ToList();
        var ids = page.Select(p => p.Id).ToArray();
        var masks = db.Access.MasksNames;
        var names = await db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, Name = masks ? Access.FieldMasks.MaskedClientPrefix + c.Id.ToString() : c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return new LadderClientsResponse(asOf, stage, at.Count,
            [.. page.Where(p => names.ContainsKey(p.Id)).Select(p => new LadderClientRow(p.Id, names[p.Id], p.Step!.Date))]);
    }

    public static LoyaltyRulesDto ToDto(LoyaltySettings s) =>
        new(s.RegularPurchases, s.PromoterScore, s.LapseFactor, s.MinimumLapseDays, s.TrendWindowDays, s.BaseMedianIntervalDays);
}
