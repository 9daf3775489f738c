namespace Clientele.Features.Campaigns;

/// <summary>Marker for the campaigns' own texts in CampaignText.{ru,de}.resx beside it (English is the key itself).</summary>
public sealed class CampaignText;
