using System.Text.Json;
using Clientele.Features.Clients;

namespace Clientele.Features.Duplicates;

/// <summary>
/// The kept client's empty fields filled from the merged one, and the way back. Name, kind, role and status stay the
/// kept client's: they are what the person merging chose by choosing the side.
/// </summary>
public static class MergeFields
{
    /// <summary>A changed field: its value before the merge and the value the merge gave it.</summary>
    public sealed record Change(JsonElement Old, JsonElement New);

    private sealed record Field(string Name, Func<Client, object?> Get, Action<Client, object?> Set, Type Type, Func<Client, bool> IsEmpty);

    private static Field Text(string name, Func<Client, string?> get, Action<Client, string?> set) =>
        new(name, c => get(c), (c, v) => set(c, (string?)v), typeof(string), c => string.IsNullOrWhiteSpace(get(c)));

    private static Field Value<T>(string name, Func<Client, T?> get, Action<Client, T?> set) where T : struct =>
        new(name, c => get(c), (c, v) => set(c, (T?)v), typeof(T?), c => get(c) is null);

    private static readonly Field[] Fillable =
    [
        Text(nameof(Client.LegalName), c => c.LegalName, (c, v) => c.LegalName = v),
        Text(nameof(Client.TaxId), c => c.TaxId, (c, v) => c.TaxId = v),
        Text(nameof(Client.Industry), c => c.Industry, (c, v) => c.Industry = v),
        Text(nameof(Client.Region), c => c.Region, (c, v) => c.Region = v),
        Text(nameof(Client.City), c => c.City, (c, v) => c.City = v),
        Text(nameof(Client.Country), c => c.Country, (c, v) => c.Country = v),
        Text(nameof(Client.Website), c => c.Website, (c, v) => c.Website = v),
        Text(nameof(Client.Phone), c => c.Phone, (c, v) => c.Phone = v),
        Text(nameof(Client.Email), c => c.Email, (c, v) => c.Email = v),
        Text(nameof(Client.Notes), c => c.Notes, (c, v) => c.Notes = v),
        Value<long>(nameof(Client.AcquisitionChannelId), c => c.AcquisitionChannelId, (c, v) => c.AcquisitionChannelId = v),
        Value<DateOnly>(nameof(Client.AcquiredOn), c => c.AcquiredOn, (c, v) => c.AcquiredOn = v),
        Value<decimal>(nameof(Client.AcquisitionCost), c => c.AcquisitionCost, (c, v) => c.AcquisitionCost = v),
        Value<long>(nameof(Client.ManagerId), c => c.ManagerId, (c, v) => c.ManagerId = v),
        Value<long>(nameof(Client.ReferredById), c => c.ReferredById, (c, v) => c.ReferredById = v),
        new(nameof(Client.Size), c => c.Size, (c, v) => c.Size = (SizeBand)v!, typeof(SizeBand), c => c.Size == SizeBand.Unknown),
    ];

    /// <summary>A field the merge fills: its name and the kept client's value before and after.</summary>
    public sealed record Planned(string Name, object? Old, object? New);

    /// <summary>
    /// What <see cref="Fill"/> would change, without changing anything: the merge preview shows exactly this, so what
    /// the user confirms is what the merge does.
    /// </summary>
    public static List<Planned> Plan(Client kept, Client merged)
    {
        var planned = new List<Planned>();
        foreach (var field in Fillable)
        {
            var old = field.Get(kept);
            var value = field.Get(merged);
            // A client cannot refer itself: the kept client referred by the merged one is referred by nobody now.
            if (field.Name == nameof(Client.ReferredById))
            {
                if (kept.ReferredById == merged.Id) value = null;
                else if (!field.IsEmpty(kept) || merged.ReferredById == kept.Id) continue;
            }
            else if (!field.IsEmpty(kept) || field.IsEmpty(merged)) continue;
            if (Equals(old, value)) continue;
            planned.Add(new Planned(field.Name, old, value));
        }
        return planned;
    }

    /// <summary>The names of the fields a merge may fill, in the order the preview lists them.</summary>
    public static IEnumerable<string> FillableNames => Fillable.Select(f => f.Name);

    /// <summary>A fillable field's value on a client, for the preview.</summary>
    public static object? ValueOf(Client client, string name) => Fillable.Single(f => f.Name == name).Get(client);

    /// <summary>Fills <paramref name="kept"/> from <paramref name="merged"/> and returns what changed.</summary>
    public static Dictionary<string, Change> Fill(Client kept, Client merged)
    {
        var changes = new Dictionary<string, Change>(StringComparer.Ordinal);
        foreach (var planned in Plan(kept, merged))
        {
            var field = Fillable.Single(f => f.Name == planned.Name);
            field.Set(kept, planned.New);
            changes[field.Name] = new Change(JsonSerializer.SerializeToElement(planned.Old, field.Type), JsonSerializer.SerializeToElement(planned.New, field.Type));
        }
        return changes;
    }

    /// <summary>
    /// Puts back the old values of the fields that still hold what the merge wrote; a field edited since keeps its edit.
    /// Returns whether every changed field was put back.
    /// </summary>
    public static bool Restore(Client kept, IReadOnlyDictionary<string, Change> changes)
    {
        var all = true;
        foreach (var field in Fillable)
        {
            if (!changes.TryGetValue(field.Name, out var change)) continue;
            var now = JsonSerializer.SerializeToElement(field.Get(kept), field.Type);
            if (now.GetRawText() != change.New.GetRawText())
            {
                all = false;
                continue;
            }
            field.Set(kept, change.Old.Deserialize(field.Type));
        }
        return all;
    }
}
