namespace Clientele.Features.Imports;

/// <summary>
/// Marker for the import UI strings (field labels, mapping messages) in ImportText.{ru,de}.resx beside it; English is
/// the key itself. Kept apart from the shared resources so the import features grow their texts without touching
/// files other features edit.
/// </summary>
public sealed class ImportText;
