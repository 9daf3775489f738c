using Clientele.Infrastructure.Jobs;

namespace Clientele.Features.Duplicates;

public static class DuplicatesSetup
{
    /// <summary>The nightly scan of the base.</summary>
    public static IServiceCollection AddDuplicates(this IServiceCollection services) => services.AddDailyJob<DuplicatesScanJob>();
}

/// <summary>Every night the whole base is scanned (system access), so the review list is ready in the morning.</summary>
public sealed class DuplicatesScanJob : IDailyJob
{
    public const string JobName = "duplicates-scan";
    public string Name => JobName;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        await DuplicateScan.RunAsync(services.GetRequiredService<ClienteleDb>(), ct);
}
