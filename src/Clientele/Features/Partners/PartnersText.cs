namespace Clientele.Features.Partners;

/// <summary>
/// Marker for the texts of intermediaries ("served through" on the client and the deal, the chain on the card, the partner
/// report) in PartnersText.{ru,de}.resx beside it (English is the key itself).
/// </summary>
public sealed class PartnersText;
