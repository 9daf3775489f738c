namespace Clientele.Features.Handover;

/// <summary>
/// Marker for the texts of widening single-thread relationships in WideningText.{ru,de}.resx beside it (English is the
/// key itself): the tasks it stores as kinds, its audit entry and the risk page's button and confirmation.
/// </summary>
public sealed class WideningText;
