namespace Clientele.Features.Clients;

/// <summary>
/// Marker for the texts of editing and deleting a client's rows on the card (the purchase form, the stale-edit notice,
/// the delete confirmation, cost to serve) in CardEditText.{ru,de}.resx beside it; English is the key itself.
/// </summary>
public sealed class CardEditText;
