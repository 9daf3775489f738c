using Clientele.Analytics.Loyalty;

namespace Clientele.Features.Campaigns;

/// <summary>
/// The fixed choices of the campaign builder's dropdowns, made once: a dropdown handed a new array on every render
/// would start over while it is open. Their words come from the page's resources through the dropdowns' templates.
/// </summary>
public static class CampaignChoices
{
    /// <summary>The ABC classes, "" first for any class (the draft's own "none": a cleared dropdown would leave null).</summary>
    public static readonly string[] AbcClasses = ["", "A", "B", "C"];
    /// <summary>The ladder's stages by name, "" first for any stage.</summary>
    public static readonly string[] LoyaltyStages = ["", .. Enum.GetValues<LoyaltyStage>().Select(s => s.ToString())];
    public static readonly OverCapRule[] OverCapRules = [OverCapRule.Postpone, OverCapRule.Skip];
}
