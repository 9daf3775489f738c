namespace Clientele.Infrastructure.Jobs;

public static class JobsSetup
{
    /// <summary>"off" stops the nightly and start-up runs (tests, a node that should only serve); on-demand runs still work.</summary>
    public const string ScheduleSettingKey = "Clientele:Jobs:Schedule";
    public const int DefaultHourUtc = 3;

    /// <summary>The runner, the scheduler and the runs table's API; add jobs with <see cref="AddDailyJob{TJob}"/>.</summary>
    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobLocks>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService<JobScheduler>();
        return services;
    }

    public static IServiceCollection AddDailyJob<TJob>(this IServiceCollection services) where TJob : class, IDailyJob
    {
        services.AddSingleton<IDailyJob, TJob>();
        return services;
    }

    internal static bool ScheduleIsOn(IConfiguration configuration) =>
        !string.Equals(configuration[ScheduleSettingKey], "off", StringComparison.OrdinalIgnoreCase);
}
