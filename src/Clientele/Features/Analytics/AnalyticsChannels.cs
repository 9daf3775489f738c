using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Analytics;

public static class AnalyticsChannels
{
    /// <summary>Every channel, retired ones too (their clients are still in the base), named in the user's language.</summary>
    public static async Task<Dictionary<long, string>> NamesAsync(ClienteleDb db, IStringLocalizer shared, CancellationToken ct = default) =>
        (await db.AcquisitionChannels.AsNoTracking().Select(c => new { c.Id, c.Code, c.Name }).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => Lookups.ChannelName(shared, c.Code, c.Name));
}
