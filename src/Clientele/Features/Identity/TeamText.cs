namespace Clientele.Features.Identity;

/// <summary>Resource marker for the team page and the user changes it audits: TeamText.*.resx.</summary>
public sealed class TeamText;
