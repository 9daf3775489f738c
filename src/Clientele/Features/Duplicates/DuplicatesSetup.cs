using Clientele.Infrastructure.Jobs;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Duplicates;

/// <summary>Every night the whole base is scanned (system access), so the review list is ready in the morning.</summary>
public sealed class DuplicatesScanJob : IDailyJob
{
    public const string JobName = "duplicates-scan";
    public string Name => JobName;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var scan = await DuplicateScan.RunAsync(services.GetRequiredService<ClienteleDb>(), ct);
        if (scan.Clients == 0)
            services.GetRequiredService<JobReport>().NothingToDo(services.GetRequiredService<IStringLocalizer<DuplicatesText>>()["There are no clients yet: nothing to scan."]);
    }
}
