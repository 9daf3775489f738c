using Clientele.Infrastructure.Jobs;

namespace Clientele.Features.Privacy;

public static class PrivacySetup
{
    /// <summary>The consent and breach writers and the nightly retention job.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services) =>
        services.AddScoped<ConsentWriter>().AddScoped<BreachRegister>().AddDailyJob<RetentionJob>();
}
