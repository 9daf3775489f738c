namespace Clientele.Features.Imports;

/// <summary>
/// Marker for the import pages' strings in ImportPageText.{ru,de}.resx beside it (English is the key itself), kept
/// apart from the shared file.
/// </summary>
public sealed class ImportPageText;
