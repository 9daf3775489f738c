using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Clients;

public sealed record Option<T>(T Value, string Text);

/// <summary>The small lists the UI offers in drop-downs: staff, channels, enum values in the user's language.</summary>
public static class Lookups
{
    public static async Task<List<Option<long>>> ManagersAsync(ClienteleDb db, CancellationToken ct = default) =>
        await db.Set<Employee>().AsNoTracking().Where(e => e.IsActive).OrderBy(e => e.DisplayName)
            .Select(e => new Option<long>(e.Id, e.DisplayName)).ToListAsync(ct);

    public static async Task<List<Option<long>>> ChannelsAsync(ClienteleDb db, IStringLocalizer l, CancellationToken ct = default) =>
        (await db.AcquisitionChannels.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Id).ToListAsync(ct))
            .Select(c => new Option<long>(c.Id, ChannelName(l, c.Code, c.Name))).ToList();

    /// <summary>The competitors a client's previous supplier is picked from: the active ones, and the one it holds even if deactivated since.</summary>
    public static async Task<List<Option<long>>> CompetitorsAsync(ClienteleDb db, long? held, CancellationToken ct = default) =>
        await db.Set<LostClients.Competitor>().AsNoTracking().Where(c => c.IsActive && c.MergedIntoId == null || c.Id == held).OrderBy(c => c.Name)
            .Select(c => new Option<long>(c.Id, c.Name)).ToListAsync(ct);

    /// <summary>Built-in channels are shown in the user's language; owner-added ones as they were named.</summary>
    public static string ChannelName(IStringLocalizer l, string? code, string name)
    {
        if (code is null) return name;
        var text = l[$"Channel.{code}"];
        return text.ResourceNotFound ? name : text.Value;
    }

    public static List<Option<T>> Enum<T>(IStringLocalizer l) where T : struct, System.Enum =>
        [.. System.Enum.GetValues<T>().Select(v => new Option<T>(v, l[$"{typeof(T).Name}.{v}"]))];
}
