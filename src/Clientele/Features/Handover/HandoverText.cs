namespace Clientele.Features.Handover;

/// <summary>
/// Marker for the hand-over and key-person-risk texts in HandoverText.{ru,de}.resx beside it (English is the key
/// itself): the risk report, the offboarding flow, the tasks it writes and the command's output.
/// </summary>
public sealed class HandoverText;
