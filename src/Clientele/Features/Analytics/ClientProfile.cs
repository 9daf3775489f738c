using System.Text.Json;
using Clientele.Features.Clients;

namespace Clientele.Features.Analytics;

/// <summary>
/// A description of clients as a saved filter: the owner's target client, or the rule of a group. Empty lists mean
/// "any"; a client matches when it matches every part that is given.
/// </summary>
public sealed record ClientProfile
{
    public string[] Industries { get; init; } = [];
    public ClientRole[] Roles { get; init; } = [];
    public string[] Regions { get; init; } = [];
    public SizeBand[] Sizes { get; init; } = [];
    /// <summary>The client carries at least one of these tags.</summary>
    public string[] Tags { get; init; } = [];
    public ClientKind? Kind { get; init; }
    /// <summary>Revenue over the twelve months up to the analysis date, in the base currency.</summary>
    public decimal? MinRevenue12Months { get; init; }

    public bool IsEmpty => Industries.Length == 0 && Roles.Length == 0 && Regions.Length == 0 && Sizes.Length == 0
        && Tags.Length == 0 && Kind is null && MinRevenue12Months is null;

    public bool Matches(ClientFacts c, decimal revenue12Months) =>
        !IsEmpty
        && (Industries.Length == 0 || (c.Industry is { } i && Industries.Contains(i, StringComparer.OrdinalIgnoreCase)))
        && (Roles.Length == 0 || Roles.Contains(c.Role))
        && (Regions.Length == 0 || (c.Region is { } r && Regions.Contains(r, StringComparer.OrdinalIgnoreCase)))
        && (Sizes.Length == 0 || Sizes.Contains(c.Size))
        && (Tags.Length == 0 || c.Tags.Any(t => Tags.Contains(t, StringComparer.OrdinalIgnoreCase)))
        && (Kind is null || Kind == c.Kind)
        && (MinRevenue12Months is null || revenue12Months >= MinRevenue12Months);

    public static ClientProfile Parse(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new ClientProfile() : JsonSerializer.Deserialize<ClientProfile>(json, Json) ?? new ClientProfile();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

/// <summary>The columns of a client that profiles and analytics look at.</summary>
public sealed record ClientFacts(
    long Id, string Name, ClientKind Kind, ClientRole Role, string? Industry, string? Region, SizeBand Size, ClientStatus Status,
    long? ManagerId, long? ChannelId, DateOnly AcquiredOn, decimal DirectAcquisitionCost, string[] Tags);
