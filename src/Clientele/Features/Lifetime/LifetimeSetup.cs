using Clientele.Features.Analytics;
using Clientele.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clientele.Features.Lifetime;

public static class LifetimeSetup
{
    /// <summary>The background jobs with the nightly lifetime refresh as one of them.</summary>
    public static IServiceCollection AddLifetime(this IServiceCollection services) =>
        services.AddBackgroundJobs().AddDailyJob<LifetimeRefreshJob>();

    /// <summary>For <c>clientele jobs</c>: the jobs and what the refresh needs that the web host registers elsewhere.</summary>
    public static void AddJobsForCommandLine(IServiceCollection services)
    {
        services.TryAddSingleton<AnalyticsCache>();
        services.TryAddScoped<AnalyticsService>();
        services.AddLifetime();
        // The other nightly jobs, so `clientele jobs run NAME` knows every job the web host schedules.
        Duplicates.DuplicatesSetup.AddDuplicates(services);
    }
}
