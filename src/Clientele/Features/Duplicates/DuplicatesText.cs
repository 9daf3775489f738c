namespace Clientele.Features.Duplicates;

/// <summary>
/// Marker for the duplicates page's strings in DuplicatesText.{ru,de}.resx beside it (English is the key itself), kept
/// apart from the shared file.
/// </summary>
public sealed class DuplicatesText;
