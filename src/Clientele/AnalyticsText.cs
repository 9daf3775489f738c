namespace Clientele;

/// <summary>
/// Marker for the analytics UI strings in Resources/AnalyticsText.{ru,de}.resx (English is the key itself). Kept apart
/// from <see cref="SharedResource"/> so the analytics pages can grow their texts without touching the shared file.
/// It sits beside SharedResource rather than in Resources/: a .resx next to a same-named .cs is embedded under the
/// class's name (Clientele.AnalyticsText), where the localizer, which looks in Resources/, would not find it.
/// </summary>
public sealed class AnalyticsText;
