using Microsoft.Extensions.Localization;

namespace Clientele.Features.Lifetime;

/// <summary>The translated words for reasons and actions; the API carries the enum names, the pages and tasks these.</summary>
public static class LifetimeLabels
{
    public static string Reason(RiskReason reason, IStringLocalizer<LifetimeText> text) => reason switch
    {
        RiskReason.None => text["Not at risk"],
        RiskReason.LowAliveProbability => text["The model says the client is probably gone"],
        RiskReason.OverdueInterval => text["Silent for much longer than the usual interval"],
        _ => text["Probably gone, and silent for much longer than usual"],
    };

    public static string Action(SuggestedAction action, IStringLocalizer<LifetimeText> text) => action switch
    {
        SuggestedAction.CallPersonally => text["Call the key client personally"],
        SuggestedAction.OfferRepeatOrder => text["Offer a repeat of the usual order"],
        SuggestedAction.AskWhy => text["Ask the three questions on satisfaction"],
        SuggestedAction.SendReminder => text["Send a reminder mailing"],
        _ => text["No action needed"],
    };
}
