using Clientele.Infrastructure.Jobs;

namespace Clientele.Features.Lifetime;

public static class LifetimeSetup
{
    /// <summary>The background jobs with the nightly lifetime refresh as one of them.</summary>
    public static IServiceCollection AddLifetime(this IServiceCollection services) =>
        services.AddBackgroundJobs().AddDailyJob<LifetimeRefreshJob>();
}
