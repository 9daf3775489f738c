namespace Clientele.Features.LostClients;

/// <summary>
/// Marker for the lost-clients UI strings in LostText.{ru,de}.resx beside it (English is the key itself), kept apart
/// from the shared file.
/// </summary>
public sealed class LostText;
