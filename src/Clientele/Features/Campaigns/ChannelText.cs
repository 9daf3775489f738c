namespace Clientele.Features.Campaigns;

/// <summary>Marker for the SMS and call-list texts in ChannelText.{ru,de}.resx beside it (English is the key itself).</summary>
public sealed class ChannelText;
