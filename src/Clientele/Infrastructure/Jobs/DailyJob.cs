namespace Clientele.Infrastructure.Jobs;

/// <summary>
/// Work that runs once a night (and at start-up when the last run is more than a day old) and on demand.
/// Registered in <see cref="JobsSetup.AddNightlyJobs"/>; each run gets its own service scope.
/// </summary>
public interface IDailyJob
{
    /// <summary>The job's name in the runs table, the API (<c>/api/v1/jobs/{name}/run</c>) and the CLI; lower-case words with dashes.</summary>
    string Name { get; }

    /// <summary>The hour of the day (0–23, UTC) at which the job runs each night.</summary>
    Task<int> HourUtcAsync(IServiceProvider services, CancellationToken ct) => Task.FromResult(JobsSetup.DefaultHourUtc);

    Task RunAsync(IServiceProvider services, CancellationToken ct);
}
