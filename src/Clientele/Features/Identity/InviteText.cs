namespace Clientele.Features.Identity;

/// <summary>Resource marker for invitations (the owner's form on /team, the mail, the invitee's page): InviteText.*.resx.</summary>
public sealed class InviteText;
