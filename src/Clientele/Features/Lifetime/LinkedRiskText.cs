namespace Clientele.Features.Lifetime;

/// <summary>
/// Marker for the texts of the linked-client flags ("one defector pulls others") in LinkedRiskText.{ru,de}.resx beside it
/// (English is the key itself): the at-risk page's section, the client card's line and the setting.
/// </summary>
public sealed class LinkedRiskText;
