namespace Clientele.Features.FollowUp;

/// <summary>
/// Marker for the texts of the follow-up rules and "my day" in FollowUpText.{ru,de}.resx beside it; English is the
/// key itself.
/// </summary>
public sealed class FollowUpText;
