namespace Clientele;

/// <summary>
/// Marker for the duplicates page's strings in Resources/DuplicatesText.{ru,de}.resx (English is the key itself), kept
/// apart from the shared file like <see cref="AnalyticsText"/>.
/// </summary>
public sealed class DuplicatesText;
