using Clientele.Analytics.Lifetime;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Lifetime;

/// <summary>The reads behind the API, the exports and the pages.</summary>
public static class LifetimeQueries
{
    public const int TopClients = 20;
    public const int CurveWeeks = 52;

    /// <summary>At-risk clients (of one manager, or all), by CLV at stake, then by id for a stable order.</summary>
    public static IQueryable<ChurnRiskRow> Worklist(ClienteleDb db, long? managerId)
    {
        var masks = db.Access.MasksNames;
        var rows = from l in db.Set<ClientLifetime>().AsNoTracking()
                   join c in db.Clients on l.ClientId equals c.Id
                   where l.Reason != RiskReason.None && (managerId == null || c.ManagerId == managerId)
                   orderby l.Clv == null, l.Clv descending, l.ClientId
                   select new ChurnRiskRow(
                       l.ClientId, masks ? Access.FieldMasks.MaskedClientPrefix + c.Id.ToString() : c.Name, c.ManagerId, c.Manager != null ? c.Manager.DisplayName : null, l.AbcClass, l.Reason, l.AtRiskSince,
                       l.AliveProbability, l.DaysSinceLastPurchase, l.UsualIntervalDays, l.ExpectedPurchases90Days, l.Clv, l.Action,
                       l.EpisodeTask != null && !l.EpisodeTask.Done
                           ? new OpenTaskResponse(l.EpisodeTask.Id, l.EpisodeTask.Title, l.EpisodeTask.DueAt, l.EpisodeTask.AssigneeId)
                           : null);
        return rows;
    }

    /// <summary>
    /// The last fit, its counts in the reader's scope: the model's parameters describe the whole base, but how many
    /// clients it saw and how many are at risk would tell a manager the size of colleagues' books (issue 17). A
    /// manager gets the counts of the lifetime rows they may see, as of the same refresh.
    /// </summary>
    public static async Task<LifetimeFit?> LastFitAsync(ClienteleDb db, CancellationToken ct)
    {
        var fit = await db.Set<LifetimeFit>().AsNoTracking().OrderByDescending(f => f.FittedAt).ThenByDescending(f => f.Id).FirstOrDefaultAsync(ct);
        if (fit is null || db.Access.SeesAllClients) return fit;
        // Filtered through their clients like every table with a ClientId.
        var rows = db.Set<ClientLifetime>().AsNoTracking();
        fit.Clients = await rows.CountAsync(ct);
        // The Gamma-Gamma sees the repeat buyers.
        fit.SpendClients = await rows.CountAsync(l => l.Frequency > 0, ct);
        fit.AtRisk = await rows.CountAsync(l => l.Reason != RiskReason.None, ct);
        return fit;
    }

    public static async Task<ClvResponse> ClvAsync(ClienteleDb db, CancellationToken ct)
    {
        var fit = await LastFitAsync(db, ct);
        var curve = new List<CurvePoint>();
        if (fit?.Model is { } model)
        {
            var periodsPerWeek = 7 / (fit.Period == LifetimePeriod.Day ? 1.0 : 7.0);
            for (var w = 1; w <= CurveWeeks; w++) curve.Add(new CurvePoint(w, model.ExpectedPurchasesOfNewClient(w * periodsPerWeek)));
        }
        var values = await db.Set<ClientLifetime>().AsNoTracking().Where(l => l.Clv != null).Select(l => l.Clv!.Value).ToListAsync(ct);
        var top = await ClvListAsync(db, TopClients, ct);
        return new ClvResponse(fit is null ? null : FitResponse.Of(fit), curve, values.Count > 0 ? values.Sum() : null, Histogram(values), top);
    }

    public static Task<List<ClvClient>> ClvListAsync(ClienteleDb db, int? take, CancellationToken ct)
    {
        var masks = db.Access.MasksNames;
        var query = from l in db.Set<ClientLifetime>().AsNoTracking()
                    join c in db.Clients on l.ClientId equals c.Id
                    orderby l.Clv == null, l.Clv descending, l.ClientId
                    select new ClvClient(l.ClientId, masks ? Access.FieldMasks.MaskedClientPrefix + c.Id.ToString() : c.Name, l.AbcClass, l.AliveProbability, l.ExpectedPurchases90Days, l.ExpectedAverageValue, l.Clv);
        return (take is { } n ? query.Take(n) : query).ToListAsync(ct);
    }

    /// <summary>
    /// Twelve bins between the 1st and the 99th percentile (the extremes go to the end bins): a CLV distribution is
    /// long-tailed, and equal bins over the full range would put nearly everyone in the first.
    /// </summary>
    public static List<ClvBin> Histogram(List<decimal> values, int bins = 12)
    {
        if (values.Count == 0) return [];
        values.Sort();
        var low = values[(int)(0.01 * (values.Count - 1))];
        var high = values[(int)Math.Ceiling(0.99 * (values.Count - 1))];
        if (high <= low) return [new ClvBin(values[0], values[^1], values.Count)];
        var width = (high - low) / bins;
        var counts = new int[bins];
        foreach (var v in values) counts[Math.Clamp((int)((v - low) / width), 0, bins - 1)]++;
        return [.. Enumerable.Range(0, bins).Select(k => new ClvBin(Math.Round(low + k * width, 2), Math.Round(low + (k + 1) * width, 2), counts[k]))];
    }

    public static async Task<ClientLifetimeResponse> ForClientAsync(ClienteleDb db, long clientId, CancellationToken ct)
    {
        var l = await db.Set<ClientLifetime>().AsNoTracking().Include(x => x.EpisodeTask).SingleOrDefaultAsync(x => x.ClientId == clientId, ct);
        if (l is null)
            return new ClientLifetimeResponse(clientId, null, null, null, null, null, null, null, null, null, null, null, null, null, null, false, RiskReason.None, null,
                SuggestedAction.None, null);
        var task = l.EpisodeTask is { Done: false } t ? new OpenTaskResponse(t.Id, t.Title, t.DueAt, t.AssigneeId) : null;
        return new ClientLifetimeResponse(l.ClientId, l.AsOf, l.Frequency, l.Recency, l.Age, l.MeanRepeatValue, l.AliveProbability, l.ExpectedPurchases90Days,
            l.ExpectedAverageValue, l.MarginRate, l.Clv, l.UsualIntervalDays, l.LastPurchase, l.DaysSinceLastPurchase, l.AbcClass, l.AtRisk, l.Reason,
            l.AtRiskSince, l.Action, task);
    }
}
