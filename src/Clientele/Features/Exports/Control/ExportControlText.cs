namespace Clientele.Features.Exports.Control;

/// <summary>
/// Marker for the export-control UI strings in ExportControlText.{ru,de}.resx beside it (English is the key itself,
/// except the status names), kept apart from the shared file.
/// </summary>
public sealed class ExportControlText;
