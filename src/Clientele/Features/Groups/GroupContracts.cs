using Clientele.Features.Analytics;

namespace Clientele.Features.Groups;

public sealed class GroupInput
{
    public string? Name { get; set; }
    /// <summary>What the company does with this group's clients.</summary>
    public string? Strategy { get; set; }
    /// <summary>Clients matching this profile are members without being added by hand; null for a hand-made group.</summary>
    public ClientProfile? Rule { get; set; }
}

public sealed record GroupResponse(long Id, string Name, GroupPreset Preset, string? Strategy, ClientProfile? Rule, long Version);

/// <param name="ByHand">Members added by hand.</param>
/// <param name="ByRule">Clients matching the rule today.</param>
/// <param name="Members">Both together, each client once.</param>
public sealed record GroupRow(long Id, string Name, GroupPreset Preset, string? Strategy, ClientProfile? Rule,
    int ByHand, int ByRule, int Members, long Version);

public sealed record GroupMember(long ClientId, string Name, bool ByHand, bool ByRule);

public sealed record GroupMembersResponse(long GroupId, DateOnly AsOf, int Total, GroupMember[] Items);

/// <summary>A group a client is in, and why.</summary>
public sealed record ClientGroupMembership(long GroupId, string Name, GroupPreset Preset, bool ByHand, bool ByRule);
