using System.Globalization;
using Clientele.Features.Clients;
using Clientele.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Duplicates;

/// <summary>One field of the merge preview: both clients' values and which of them the kept client will hold.</summary>
public sealed record MergePreviewField(string Field, string? Kept, string? Merged, bool TakesMerged)
{
    public string? Result => TakesMerged ? Merged : Kept;
}

/// <summary>What a merge of <c>MergedId</c> into <c>KeptId</c> would do, asked before anything is written.</summary>
public sealed record MergePreview(long KeptId, string KeptName, long MergedId, string MergedName, List<MergePreviewField> Fields,
    int PurchasesMoving, int InteractionsMoving, int ContactPersonsMoving, int TasksMoving);

/// <summary>
/// The field-by-field preview of a merge. The filled fields come from <see cref="MergeFields.Plan"/>, the same
/// decision the merge applies, so the preview cannot promise what the merge does not do. Read through the caller's
/// access filters: a client the caller cannot see is "not found", as for the merge itself.
/// </summary>
public static class MergePreviews
{
    /// <summary>Fields that always stay the kept client's: choosing the side chose them.</summary>
    private static readonly string[] KeptAlways = [nameof(Client.Name), nameof(Client.Status)];

    public static async Task<(MergeResult? Refusal, MergePreview? Preview)> ForAsync(ClienteleDb db, long keepId, long mergeId,
        IStringLocalizer<SharedResource> shared, CancellationToken ct)
    {
        var (refusal, kept, merged) = await ClientMerge.SidesAsync(db.Clients.AsNoTracking(), keepId, mergeId, ct);
        if (refusal is not null) return (refusal, null);

        var names = await NamesAsync(db, kept, merged, ct);
        string? Show(Client client, string field) => field switch
        {
            nameof(Client.Name) => client.Name,
            nameof(Client.Status) => shared[$"ClientStatus.{client.Status}"],
            _ => Format(MergeFields.ValueOf(client, field), field, names, shared),
        };
        var filled = MergeFields.Plan(kept, merged).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var fields = KeptAlways.Concat(MergeFields.FillableNames)
            .Select(f => new MergePreviewField(f, Show(kept, f), Show(merged, f), filled.Contains(f)))
            // A field empty on both sides says nothing about the merge.
            .Where(f => f.Kept is not null || f.Merged is not null)
            .ToList();
        return (null, new MergePreview(kept.Id, kept.Name, merged.Id, merged.Name, fields,
            await db.Purchases.CountAsync(p => p.ClientId == mergeId, ct),
            await db.Interactions.CountAsync(i => i.ClientId == mergeId, ct),
            await db.ContactPersons.CountAsync(p => p.ClientId == mergeId, ct),
            await db.Tasks.CountAsync(t => t.ClientId == mergeId, ct)));
    }

    private sealed record Names(Dictionary<long, string> Managers, Dictionary<long, string> Channels, Dictionary<long, string> Clients);

    /// <summary>The names behind the ids the preview shows (managers, channels, referrers), in three small reads.</summary>
    private static async Task<Names> NamesAsync(ClienteleDb db, Client kept, Client merged, CancellationToken ct)
    {
        long[] managers = [.. new[] { kept.ManagerId, merged.ManagerId }.OfType<long>()];
        long[] channels = [.. new[] { kept.AcquisitionChannelId, merged.AcquisitionChannelId }.OfType<long>()];
        long[] referrers = [.. new[] { kept.ReferredById, merged.ReferredById }.OfType<long>()];
        return new Names(
            await db.Users.AsNoTracking().Where(u => managers.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct),
            await db.AcquisitionChannels.AsNoTracking().Where(c => channels.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct),
            // Through the access filter: a referrer the caller cannot see is shown by its id only.
            await db.Clients.AsNoTracking().Where(c => referrers.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct));
    }

    private static string? Format(object? value, string field, Names names, IStringLocalizer<SharedResource> shared) => value switch
    {
        null => null,
        SizeBand.Unknown => null,
        SizeBand size => shared[$"SizeBand.{size}"],
        long id when field == nameof(Client.ManagerId) => names.Managers.GetValueOrDefault(id, $"#{id}"),
        long id when field == nameof(Client.AcquisitionChannelId) => names.Channels.GetValueOrDefault(id, $"#{id}"),
        long id when field == nameof(Client.ReferredById) => names.Clients.GetValueOrDefault(id, $"#{id}"),
        DateOnly date => date.ToString("d", CultureInfo.CurrentCulture),
        decimal amount => amount.ToString("N2", CultureInfo.CurrentCulture),
        string text when string.IsNullOrWhiteSpace(text) => null,
        _ => Convert.ToString(value, CultureInfo.CurrentCulture),
    };
}
