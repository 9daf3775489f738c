namespace Clientele;

/// <summary>
/// Marker for the export-control UI strings in Resources/ExportControlText.{ru,de}.resx (English is the key itself,
/// except the status names), kept apart from the shared file like <see cref="AnalyticsText"/>.
/// </summary>
public sealed class ExportControlText;
