namespace Clientele;

/// <summary>
/// Marker for the lost-clients UI strings in Resources/LostText.{ru,de}.resx (English is the key itself), kept apart
/// from the shared file like <see cref="AnalyticsText"/>.
/// </summary>
public sealed class LostText;
