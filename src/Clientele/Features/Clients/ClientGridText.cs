namespace Clientele.Features.Clients;

/// <summary>
/// Marker for the texts of the clients grid's economics columns (their names, the column chooser and what each figure
/// counts) in ClientGridText.{ru,de}.resx beside it; English is the key itself.
/// </summary>
public sealed class ClientGridText;
