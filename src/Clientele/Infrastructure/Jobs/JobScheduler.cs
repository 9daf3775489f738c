namespace Clientele.Infrastructure.Jobs;

/// <summary>
/// Runs each job once a night at its hour (UTC) and, at start-up, any job whose last run is more than a day old.
/// It looks every few minutes rather than sleeping until the hour, so a changed hour, a clock jump or a node that
/// was down all count; whether a job is due is read from the runs table, so a restart loses nothing.
/// </summary>
public sealed class JobScheduler(JobRunner runner, IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock,
    ILogger<JobScheduler> log) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!JobsSetup.ScheduleIsOn(configuration))
        {
            log.LogInformation("The job schedule is off ({Key}); jobs run only on demand.", JobsSetup.ScheduleSettingKey);
            return;
        }
        // Let the application finish starting (migrations, the first requests) before the first look.
        await Task.Delay(TimeSpan.FromSeconds(10), clock, stoppingToken);
        var startup = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var name in runner.Names)
            {
                try
                {
                    await RunIfDueAsync(name, startup, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // A database that is briefly away must not stop the schedule for good.
                    log.LogError(e, "Could not check or start job {Job}", name);
                }
            }
            startup = false;
            await Task.Delay(Tick, clock, stoppingToken);
        }
    }

    private async Task RunIfDueAsync(string name, bool startup, CancellationToken ct)
    {
        int hour;
        await using (var scope = scopes.CreateAsyncScope())
            hour = Math.Clamp(await runner.Find(name)!.HourUtcAsync(scope.ServiceProvider, ct), 0, 23);
        var now = clock.GetUtcNow().UtcDateTime;
        bool Due(JobRun? last) => IsDue(last?.StartedAt, now, hour);
        var run = await runner.RunAsync(name, startup ? JobTrigger.Startup : JobTrigger.Schedule, Due, ct);
        if (run is null) return;
        // A nightly run that succeeded is the usual case (the jobs page and `clientele jobs list` show it); a failure is news.
        if (run.Status == JobStatus.Failed) log.LogWarning("Job {Job} failed: {Message}", name, run.Message);
        else log.LogDebug("Job {Job} ran: {Status} {Message}", name, run.Status, run.Message);
    }

    /// <summary>
    /// Due when it never ran, when its last run is more than a day old, or when today's hour has passed since it last ran.
    /// </summary>
    public static bool IsDue(DateTime? lastStartedUtc, DateTime nowUtc, int hourUtc)
    {
        if (lastStartedUtc is not { } last) return true;
        if (nowUtc - last > TimeSpan.FromDays(1)) return true;
        var todaysSlot = nowUtc.Date.AddHours(hourUtc);
        return nowUtc >= todaysSlot && last < todaysSlot;
    }
}
