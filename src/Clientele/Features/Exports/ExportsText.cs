namespace Clientele.Features.Exports;

/// <summary>
/// Marker for the texts of the exports this issue added (vCard link, export links of lists) in
/// ExportsText.{ru,de}.resx beside it, English being the key; kept apart from the shared file.
/// </summary>
public sealed class ExportsText;
