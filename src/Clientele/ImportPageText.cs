namespace Clientele;

/// <summary>
/// Marker for the import pages' strings in Resources/ImportPageText.{ru,de}.resx (English is the key itself), kept
/// apart from the shared file like <see cref="AnalyticsText"/>.
/// </summary>
public sealed class ImportPageText;
