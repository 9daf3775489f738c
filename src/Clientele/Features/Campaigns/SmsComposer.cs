using System.Globalization;
using Clientele.Analytics.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Campaigns;

/// <summary>
/// The text of a campaign SMS: the template's plain-text part rendered for the recipient, then the opt-out
/// instruction in the template's language with the message's signed link (the e-mail's unsubscribe page, which
/// withdraws the consent of the message's channel). Its length is what <see cref="SmsLength"/> counts.
/// </summary>
public static class SmsComposer
{
    public static string OptOutUrl(string publicUrl, MailSecrets secrets, long outboxId) =>
        publicUrl.TrimEnd('/') + "/unsubscribe/" + secrets.Sign(MailComposer.UnsubscribePurpose, outboxId);

    /// <summary>The link a preview counts with: as long as a real one for a six-digit outbox id.</summary>
    public static string ExampleOptOutUrl(string publicUrl) => publicUrl.TrimEnd('/') + "/unsubscribe/123456." + new string('x', 22);

    public static string WithOptOut(string text, string optOutUrl, CultureInfo culture) =>
        text.TrimEnd() + "\n" + Message.Of<ChannelText>("Opt out: {0}", optOutUrl).Render(culture);

    public static async Task<string> ComposeAsync(ClienteleDb db, OutboxMessage message, SmsGatewaySettings settings, MailSecrets secrets, CancellationToken ct)
    {
        var campaign = await db.Set<Campaign>().AsNoTracking().SingleAsync(c => c.Id == message.CampaignId, ct);
        var template = campaign.Templates.FirstOrDefault(t => t.Language == message.Language) ?? campaign.Templates.First();
        var culture = CultureInfo.GetCultureInfo(template.Language);
        var optOut = OptOutUrl(settings.PublicUrl, secrets, message.Id);
        var model = await CampaignSender.ModelAsync(db, message.ClientId, message.ContactPersonId, optOut, culture, ct, CampaignTemplates.UsesNextProduct(template.Text));
        return WithOptOut(await RenderAsync(template.Text, model, culture), optOut, culture);
    }

    /// <summary>A checked plain-text template rendered with <paramref name="model"/> (the SMS body, a call's talking points).</summary>
    public static async Task<string> RenderAsync(string text, TemplateModel model, CultureInfo culture) =>
        (await CampaignTemplates.RenderAsync(new CampaignTemplate { Language = culture.TwoLetterISOLanguageName, Subject = "", Html = "", Text = text }, model, culture)).Text;

    /// <summary>The SMS as the builder shows it: example values, the opt-out line, and its length and segments.</summary>
    public static async Task<(string Text, SmsMeasure Measure)> ExampleAsync(string template, TemplateModel example, string publicUrl, CultureInfo culture)
    {
        var text = WithOptOut(await RenderAsync(template, example, culture), ExampleOptOutUrl(publicUrl), culture);
        return (text, SmsLength.Measure(text));
    }
}
