using Clientele.Features.Access;
using Clientele.Features.Company;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Analytics;

/// <summary>
/// When to recompute after writes (ADR 041): once the writes have paused for <paramref name="quiet"/>, or
/// <paramref name="maxWait"/> after the first write not yet recomputed, whichever comes first — a burst of writes (an
/// import's batches, a busy afternoon of sales) costs one computation, and a steady stream cannot put it off forever.
/// </summary>
public sealed class RecomputeTiming(TimeSpan quiet, TimeSpan maxWait)
{
    private long? _seen;
    private DateTimeOffset _lastChange;
    private DateTimeOffset? _firstUnserved;

    /// <summary>Takes the generation seen at <paramref name="now"/>; true when the recomputation is due now.</summary>
    public bool Due(long generation, DateTimeOffset now)
    {
        // The first look only learns where the base stands: nothing computed before it can be stale by a write it missed,
        // because a report is judged by its own generation when it is asked for.
        if (_seen is null)
        {
            _seen = generation;
            return false;
        }
        if (generation != _seen)
        {
            (_seen, _lastChange) = (generation, now);
            _firstUnserved ??= now;
        }
        if (_firstUnserved is not { } first || (now - _lastChange < quiet && now - first < maxWait)) return false;
        _firstUnserved = null;
        return true;
    }
}

/// <summary>
/// Recomputes, after writes and in the background, the reports people looked at in the last
/// <see cref="RecentlyAsked"/>, each in its reader's own view, so that the dashboard after a sale answers from a report
/// already computed instead of making its reader wait (issue 24). The writes of other nodes are seen through the shared
/// generation's poll. Setting <c>Clientele:Analytics:RecomputeAfterWrites</c> = off leaves recomputation to the reads.
/// </summary>
public sealed class AnalyticsRecompute(AnalyticsCache cache, SharedGeneration generation, SystemDbFactory dbs, IConfiguration configuration,
    TimeProvider clock, ILogger<AnalyticsRecompute> log) : BackgroundService
{
    public const string SettingKey = "Clientele:Analytics:RecomputeAfterWrites";
    public static readonly TimeSpan RecentlyAsked = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ShortestTick = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.Equals(configuration[SettingKey], "off", StringComparison.OrdinalIgnoreCase)) return;
        // One look per poll of the shared generation: looking more often would not see another node's write sooner.
        var tick = generation.Poll < ShortestTick ? ShortestTick : generation.Poll;
        var timing = new RecomputeTiming(quiet: tick, MaxWait);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(tick, clock, stoppingToken);
                if (timing.Due(await generation.CurrentAsync(stoppingToken), clock.GetUtcNow())) await RecomputeAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The reads compute what this missed; the next write tries again.
                log.LogWarning(e, "Recomputing the analytics after writes failed");
            }
        }
    }

    /// <summary>Brings every recently asked report of today up to the base's generation; returns how many views it looked at.</summary>
    public async Task<int> RecomputeAsync(CancellationToken ct)
    {
        var views = 0;
        foreach (var view in cache.ViewsAskedSince(clock.GetUtcNow() - RecentlyAsked))
        {
            // A job names the system scope and narrows it to the reader's view, as a queued import does; a reader who was
            // deactivated or given another role since would never be served this view, so it is not computed.
            await using var db = await dbs.CreateDbContextAsync(ct);
            var role = await db.Users.AsNoTracking().Where(e => e.Id == view.EmployeeId && e.IsActive).Select(e => (EmployeeRole?)e.Role).SingleOrDefaultAsync(ct);
            if (role != view.Role) continue;
            db.Access = AccessScope.ForEmployee(view.EmployeeId, view.Role);
            // Yesterday's report does not change with today's sales as the reader sees it; only today's is kept current.
            if (view.Day != (await CompanyDays.OfAsync(db, ct)).Today(clock)) continue;
            await cache.GetAsync(db, view.Day, ct, asked: false);
            views++;
        }
        AfterRecomputingForTests?.Invoke(views);
        return views;
    }

    /// <summary>Called after each recomputation with the number of views brought up to date.</summary>
    internal Action<int>? AfterRecomputingForTests { get; set; }
}
