namespace Clientele.Features.Duplicates;

/// <summary>
/// Marker for the texts of duplicates caught at the door (the API's 409 and the new-client form's hint) in
/// DoorText.{ru,de}.resx beside it (English is the key itself).
/// </summary>
public sealed class DoorText;
