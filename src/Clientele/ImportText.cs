namespace Clientele;

/// <summary>
/// Marker for the import UI strings (field labels, mapping messages) in Resources/ImportText.{ru,de}.resx; English is
/// the key itself. Kept apart from the shared resources so the import features grow their texts without touching
/// files other features edit. Beside SharedResource for the reason given on <see cref="AnalyticsText"/>.
/// </summary>
public sealed class ImportText;
