using System.Collections.Concurrent;
using Clientele.Features.Identity;

namespace Clientele.Features.Analytics;

/// <summary>
/// Keeps the last computed reports per day, so that the charts of one page (and the next user) do not each reload
/// the base. A report is kept while the database's analytics generation (<see cref="AnalyticsGeneration"/>) is no newer
/// than the one it was read at: a write of this node makes it stale at once, a write of another node (or the command
/// line) within <see cref="SharedGeneration.Poll"/>; and never longer than <see cref="MaxAge"/>.
/// </summary>
public sealed class AnalyticsCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);
    private const int MaxReports = 8;
    private readonly TimeProvider _clock;
    private readonly SharedGeneration? _generation;
    // Keyed by day and by whose view of the base it is: a manager's report covers their clients, an analyst's masks names.
    private readonly ConcurrentDictionary<(DateOnly Day, string View), Entry> _reports = new();
    private readonly ConcurrentDictionary<string, AskedView> _asked = new();

    /// <summary>The application's cache: one per host, reading the shared generation and, if set, the analytics replica.</summary>
    public AnalyticsCache(TimeProvider clock, SharedGeneration generation, AnalyticsSource source)
    {
        _clock = clock;
        _generation = generation;
        Source = source;
    }

    /// <summary>A cache of its own for one computation outside a host (a benchmark, a test's expected figures): it reads
    /// the context it is given and keeps a report for <see cref="MaxAge"/>.</summary>
    public AnalyticsCache(TimeProvider clock)
    {
        _clock = clock;
        Source = AnalyticsSource.PrimaryOnly(clock);
    }

    /// <summary>Where the reports' base is read: the primary, or the replica of <c>--analytics-db</c>.</summary>
    public AnalyticsSource Source { get; }

    /// <summary>A report as it was last computed, and when its computation started.</summary>
    public sealed record Computed(AnalyticsReport Report, DateTimeOffset At);

    /// <param name="Started">The generation known when the computation started.</param>
    /// <param name="Report">The report with the generation of the database it was read from, read before the base.</param>
    /// <param name="Previous">The last report computed before this entry's, kept to be shown while this one computes.</param>
    private sealed record Entry(long Started, DateTimeOffset At, Lazy<Task<(AnalyticsReport Report, long Generation)>> Report, Computed? Previous)
    {
        /// <summary>This entry's report once computed, else the one before it.</summary>
        public Computed? Last => Report.IsValueCreated && Report.Value.Status == TaskStatus.RanToCompletion ? new(Report.Value.Result.Report, At) : Previous;

        /// <summary>Whether a reader asking at <paramref name="now"/>, with the base at <paramref name="generation"/>, is served this entry.</summary>
        public bool Serves(DateTimeOffset now, long generation) => now - At < MaxAge && StillCurrent(generation);

        private bool StillCurrent(long generation) => Report.Value.Status switch
        {
            TaskStatus.RanToCompletion => Report.Value.Result.Generation >= generation,
            TaskStatus.Faulted or TaskStatus.Canceled => false,
            // Still computing: a computation started at this generation will read at least it (or be judged again once done).
            _ => Started >= generation,
        };
    }

    /// <summary>The report of <paramref name="asOf"/> in the view of <paramref name="db"/>'s reader, kept or computed.</summary>
    /// <param name="asked">A reader asked (not the background recomputation): the view is kept current after writes.</param>
    public async Task<AnalyticsReport> GetAsync(ClienteleDb db, DateOnly asOf, CancellationToken ct = default, bool asked = true)
    {
        var generation = _generation is null ? 0 : await _generation.CurrentAsync(ct);
        var now = _clock.GetUtcNow();
        if (asked && db.Access.Role is { } role && db.Access.ViewerId > 0)
            _asked[db.Access.CacheKey] = new AskedView(db.Access.ViewerId, role, asOf, now);
        var entry = _reports.AddOrUpdate((asOf, db.Access.CacheKey),
            _ => New(null),
            (_, old) => old.Serves(now, generation) ? old : New(old.Last));
        if (_reports.Count > MaxReports)
            foreach (var stale in _reports.OrderBy(kv => kv.Value.At).Take(_reports.Count - MaxReports)) _reports.TryRemove(stale);
        return (await entry.Report.Value).Report;

        Entry New(Computed? previous) => new(generation, now, new Lazy<Task<(AnalyticsReport, long)>>(async () =>
        {
            if (BeforeComputingForTests is { } hook) await hook();
            var (loaded, readAt) = await Source.LoadAsync(db, asOf);
            return (AnalyticsReport.Compute(loaded), readAt);
        }), previous);
    }

    /// <summary>The report of <paramref name="asOf"/> in the reader's view if one is computed and still current, else null; starts no computation.</summary>
    public async Task<AnalyticsReport?> ReadyAsync(ClienteleDb db, DateOnly asOf, CancellationToken ct = default)
    {
        var generation = _generation is null ? 0 : await _generation.CurrentAsync(ct);
        // Only a finished computation: asking an entry whose computation was never started would start it.
        return _reports.TryGetValue((asOf, db.Access.CacheKey), out var entry) && entry.Report.IsValueCreated
            && entry.Report.Value.Status == TaskStatus.RanToCompletion && entry.Serves(_clock.GetUtcNow(), generation)
            ? entry.Report.Value.Result.Report : null;
    }

    /// <summary>
    /// The last report computed for <paramref name="asOf"/> in the view of <paramref name="db"/>'s reader, however stale,
    /// or null: a page shows it at once, marked with its time, while <see cref="GetAsync"/> computes the current one, so
    /// that nobody waits for a recomputation twice (after a sale the dashboard answers with the figures of a minute ago,
    /// then with the new ones). An API answer always waits for the current figures.
    /// </summary>
    public Computed? LastComputed(ClienteleDb db, DateOnly asOf) =>
        _reports.TryGetValue((asOf, db.Access.CacheKey), out var entry) ? entry.Last : null;

    /// <summary>A reader's view of the base and the day they last asked for, kept for <see cref="AnalyticsRecompute"/>.</summary>
    public sealed record AskedView(long EmployeeId, EmployeeRole Role, DateOnly Day, DateTimeOffset At);

    /// <summary>The views people asked for since <paramref name="since"/>, one reader per view (the last to ask); older ones are forgotten.</summary>
    public IReadOnlyList<AskedView> ViewsAskedSince(DateTimeOffset since)
    {
        foreach (var old in _asked.Where(kv => kv.Value.At < since)) _asked.TryRemove(old);
        return [.. _asked.Values.Where(v => v.At >= since)];
    }

    /// <summary>Awaited before each computation: a test holds a computation here to see what is shown meanwhile.</summary>
    internal Func<Task>? BeforeComputingForTests { get; set; }
}
