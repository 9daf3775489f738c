using Microsoft.Extensions.Localization;

namespace Clientele.Features.Lifetime;

/// <summary>The translated words for reasons and actions; the API carries the enum names, the pages and tasks these.</summary>
public static class LifetimeLabels
{
    public static string Reason(RiskReason reason, IStringLocalizer<LifetimeText> text) => text[ReasonKey(reason)];

    public static string Action(SuggestedAction action, IStringLocalizer<LifetimeText> text) => text[ActionKey(action)];

    /// <summary>The reason as a label a stored text can hold and any reader read in their language.</summary>
    public static Message ReasonLabel(RiskReason reason) => Message.Of<LifetimeText>(ReasonKey(reason));

    public static Message ActionLabel(SuggestedAction action) => Message.Of<LifetimeText>(ActionKey(action));

    private static string ReasonKey(RiskReason reason) => reason switch
    {
        RiskReason.None => "Not at risk",
        RiskReason.LowAliveProbability => "The model says the client is probably gone",
        RiskReason.OverdueInterval => "Silent for much longer than the usual interval",
        _ => "Probably gone, and silent for much longer than usual",
    };

    private static string ActionKey(SuggestedAction action) => action switch
    {
        SuggestedAction.CallPersonally => "Call the key client personally",
        SuggestedAction.OfferRepeatOrder => "Offer a repeat of the usual order",
        SuggestedAction.AskWhy => "Ask the three questions on satisfaction",
        SuggestedAction.SendReminder => "Send a reminder mailing",
        _ => "No action needed",
    };
}
