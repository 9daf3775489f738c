using System.Diagnostics;
using Clientele.Features.Analytics;
using Clientele.Features.Clients;
using Clientele.Features.Company;
using Clientele.Features.Duplicates;
using Clientele.Features.Home;
using Clientele.Features.Lifetime;
using Clientele.Features.LostClients;
using Clientele.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Infrastructure.Serving;

/// <summary>
/// Once the web app is listening, runs the main pages' reads once in the background, as the system and without keeping
/// or auditing anything, so the first visitor of a page after a start does not wait for EF to translate and compile its
/// queries (and, in a build without precompiled code, for the JIT): the time to interactive's "cold" (ADR 050).
/// The queries are the pages' own functions; the row filters take the viewer as a parameter, so the compiled queries
/// serve every user. Nothing is written: the analytics report is computed into a cache of its own that is dropped.
/// Off unless <c>Clientele:WarmUp=on</c>: measured on the published program (ADR 050), the first visits after a start
/// cost the server no less CPU with it than without (it covers EF's queries, not the components' rendering or the
/// circuit, and on two cores it ran beside those first visits), so it is kept for a measurement on a quiet machine.
/// </summary>
public sealed class PageWarmUp(IServiceProvider services, IConfiguration configuration, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<PageWarmUp> log)
    : IHostedService
{
    public const string SettingKey = "Clientele:WarmUp";

    private readonly CancellationTokenSource _stopping = new();
    private Task _run = Task.CompletedTask;

    /// <summary>How long the last warm-up took, for the time-to-interactive bench; null until one has finished.</summary>
    public TimeSpan? Took { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!string.Equals(configuration[SettingKey], "on", StringComparison.OrdinalIgnoreCase)) return Task.CompletedTask;
        // After the start, never in it: the host answers its first request as soon as it listens.
        lifetime.ApplicationStarted.Register(() => _run = Task.Run(() => RunAsync(_stopping.Token)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _run.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // stopping: the warm-up is only ever a head start
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        foreach (var (page, read) in Reads())
        {
            if (ct.IsCancellationRequested) return;
            try
            {
                await using var scope = services.CreateSystemScope();
                await read(scope.ServiceProvider.GetRequiredService<ClienteleDb>(), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A page whose reads fail here fails for its visitor too, who gets the error where it belongs.
                log.LogDebug(e, "Warm-up of {Page} failed", page);
            }
        }
        Took = watch.Elapsed;
        log.LogDebug("The pages' reads were warmed up in {Ms} ms", (long)watch.Elapsed.TotalMilliseconds);
    }

    private IEnumerable<(string Page, Func<ClienteleDb, CancellationToken, Task> Read)> Reads()
    {
        yield return ("/", async (db, ct) =>
        {
            var someone = await db.Set<Features.Identity.Employee>().Select(e => (long?)e.Id).FirstOrDefaultAsync(ct);
            await CompanyDays.OfAsync(db, ct);
            await PersonalHomeQueries.ForAsync(db, someone, ct);
            await HomeQueries.ClientsByStatusAsync(db, ct);
        });
        yield return ("/clients", async (db, ct) =>
        {
            await Lookups.ManagersAsync(db, ct);
            await new ClientQueries(db, new CompanySettingsReader(db)).PageAsync(new ClientFilter(), ClientSort.Name, false, 0, 25, ct);
        });
        yield return ("/clients/{id}", async (db, ct) =>
        {
            if (await db.Clients.OrderBy(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct) is { } id)
                await ClientCardData.LoadAsync(db, new ClientQueries(db, new CompanySettingsReader(db)), id, kind => kind.ToString(), ct);
        });
        yield return ("/duplicates", async (db, ct) =>
        {
            await DuplicateQueries.PageAsync(db, new DuplicateFilter(), 0, 200, ct);
            await DuplicateQueries.MergesAsync(db, 20, ct);
        });
        yield return ("/at-risk", async (db, ct) =>
        {
            var worklist = LifetimeQueries.Worklist(db, null);
            await worklist.CountAsync(ct);
            await worklist.Take(500).ToListAsync(ct);
        });
        yield return ("/lost", async (db, ct) =>
        {
            var to = await db.CompanyTodayAsync(ct);
            await LostReport.BuildAsync(db, new DateOnly(to.Year, to.Month, 1).AddMonths(-11), to, null, LostPeriod.Month, ct);
        });
        yield return ("/tasks", async (db, ct) =>
            await TaskViews.PageAsync(db, TaskView.Today, await CompanyDays.OfAsync(db, ct), clock.GetUtcNow().UtcDateTime, 0, 25, ct));
        // Last, the heaviest: the analytics report behind /analytics, the grid's economics and the card's tiles, into a
        // cache of its own (the app's cache keeps reports per reader's view, and this one is the system's).
        yield return ("/analytics", async (db, ct) => await GridEconomics.ForAsync(db, new AnalyticsCache(clock), clock, ct));
    }
}
