using Clientele.Features.Audit;
using Clientele.Features.Duplicates;
using Clientele.Features.Lifetime;
using Clientele.Features.Privacy;

namespace Clientele.Infrastructure.Jobs;

public static class JobsSetup
{
    /// <summary>"off" stops the nightly and start-up runs (tests, a node that should only serve); on-demand runs still work.</summary>
    public const string ScheduleSettingKey = "Clientele:Jobs:Schedule";
    public const int DefaultHourUtc = 3;

    /// <summary>
    /// The runner, the scheduler and every nightly job, in this one list: the web host schedules them and
    /// <c>clientele jobs</c> runs them by name, from the same registrations.
    /// </summary>
    public static IServiceCollection AddNightlyJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobLocks>();
        services.AddSingleton<JobRunner>();
        services.AddScoped<JobReport>();
        services.AddHostedService<JobScheduler>();

        services.AddSingleton<IDailyJob, LifetimeRefreshJob>();
        services.AddSingleton<IDailyJob, DuplicatesScanJob>();
        services.AddSingleton<IDailyJob, RetentionJob>();
        services.AddSingleton<IDailyJob, AuditRetentionJob>();
        services.AddSingleton<IDailyJob, AuditAnchorJob>();
        services.AddSingleton<IDailyJob, Features.Backup.ScheduledBackupJob>();
        services.AddSingleton<IDailyJob, Features.FollowUp.FollowUpRulesJob>();
        services.AddSingleton<IDailyJob, Features.Products.NextCategoriesJob>();
        return services;
    }

    internal static bool ScheduleIsOn(IConfiguration configuration) =>
        !string.Equals(configuration[ScheduleSettingKey], "off", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// What a run has to say besides its status, one per run (scoped). A job with nothing to do says so here and succeeds;
/// the note is kept with the run and shown by <c>clientele jobs</c> and the jobs API.
/// </summary>
public sealed class JobReport
{
    public string? Note { get; private set; }

    public void NothingToDo(string note) => Note = note;
}
