using System.Collections.Concurrent;

namespace Clientele.Features.Analytics;

/// <summary>
/// Keeps the last computed reports per day, so that the charts of one page (and the next user) do not each reload
/// the base. Any write in this process makes every report stale at once; writes made by other app nodes are picked
/// up after <see cref="MaxAge"/>.
/// </summary>
public sealed class AnalyticsCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);
    private const int MaxReports = 8;
    private static long _generation;
    // Keyed by day and by whose view of the base it is: a manager's report covers their clients, an analyst's masks names.
    private readonly ConcurrentDictionary<(DateOnly Day, string View), Entry> _reports = new();

    private sealed record Entry(long Generation, DateTimeOffset At, Lazy<Task<AnalyticsReport>> Report);

    /// <summary>Called only by <see cref="AnalyticsCommit"/>, when a write that changes the reports has committed.</summary>
    internal static void Invalidate() => Interlocked.Increment(ref _generation);

    public async Task<AnalyticsReport> GetAsync(DateOnly asOf, string view, Func<Task<AnalyticsReport>> compute)
    {
        var generation = Interlocked.Read(ref _generation);
        var now = clock.GetUtcNow();
        var entry = _reports.AddOrUpdate((asOf, view),
            _ => New(),
            (_, old) => old.Generation == generation && now - old.At < MaxAge && !old.Report.Value.IsFaulted ? old : New());
        if (_reports.Count > MaxReports)
            foreach (var stale in _reports.OrderBy(kv => kv.Value.At).Take(_reports.Count - MaxReports)) _reports.TryRemove(stale);
        return await entry.Report.Value;

        Entry New() => new(generation, now, new Lazy<Task<AnalyticsReport>>(compute));
    }
}
