namespace Clientele.Features.Campaigns;

/// <summary>Checks campaign, mail-settings and policy input; the limits are the columns' and the model's.</summary>
public static class CampaignRules
{
    public const int NameMax = 200;
    public const int TemplateMax = 100_000;
    public static readonly string[] Languages = ["ru", "de", "en"];

    public static Errors Check(CampaignInput input)
    {
        var e = new Errors();
        e.Required("name", input.Name, NameMax);
        if (input.DefaultLanguage is { } d && !Languages.Contains(d)) e.Add("defaultLanguage", Message.Of("must be ru, de or en."));
        if (input.HoldoutPercent is < 0 or > 50) e.Add("holdoutPercent", Message.Of<CampaignText>("must be between 0 and 50."));
        if (input.RevenueWindowDays is < 1 or > 365) e.Add("revenueWindowDays", Message.Of<CampaignText>("must be between 1 and 365."));
        if (input.OverCap is { } overCap) e.Defined("overCap", overCap);
        var channel = input.Channel is { } given ? e.Defined("channel", given) : CampaignChannel.Email;
        if (input.Audience?.AbcClass is { } abc && abc is not ("A" or "B" or "C")) e.Add("audience.abcClass", Message.Of<CampaignText>("must be A, B or C."));
        if (input.Audience?.LoyaltyStage is { } stage) e.Defined("audience.loyaltyStage", stage);
        if (input.Audience?.RfmSegment is { } segment) e.Defined("audience.rfmSegment", segment);
        var templates = input.Templates ?? [];
        if (templates.Count == 0) e.Add("templates", Message.Of<CampaignText>("give at least one language's template."));
        var seen = new HashSet<string>();
        for (var i = 0; i < templates.Count; i++)
        {
            var t = templates[i];
            var at = $"templates[{i}]";
            if (t.Language is not { } language || !Languages.Contains(language)) e.Add(at + ".language", Message.Of("must be ru, de or en."));
            else if (!seen.Add(language)) e.Add(at + ".language", Message.Of<CampaignText>("there is already a template in {0}.", language));
            foreach (var (part, text) in new[] { ("subject", t.Subject), ("html", t.Html), ("text", t.Text) })
            {
                if (!CampaignChannels.UsesPart(channel, part)) continue;
                if (text?.Length > TemplateMax) e.Add($"{at}.{part}", Message.Of("must be at most {0} characters (is {1}).", TemplateMax, text.Length));
                else CampaignTemplates.Check(e, $"{at}.{part}", text);
            }
        }
        var defaultLanguage = input.DefaultLanguage ?? templates.FirstOrDefault()?.Language;
        if (templates.Count > 0 && defaultLanguage is not null && !seen.Contains(defaultLanguage) && !e.Has("defaultLanguage"))
            e.Add("defaultLanguage", Message.Of<CampaignText>("there is no template in the default language {0}.", defaultLanguage));
        return e;
    }

    public static Errors Check(MailSettingsInput input)
    {
        var e = new Errors();
        e.Required("host", input.Host, 255);
        if (input.Port is not (>= 1 and <= 65535)) e.Add("port", Message.Of<CampaignText>("must be a port number from 1 to 65535."));
        if (input.Tls is { } tls) e.Defined("tls", tls);
        e.Optional("userName", input.UserName, 255);
        e.Optional("password", input.Password, 500);
        var from = e.Required("fromAddress", input.FromAddress, 320);
        if (from is not null && !MimeKit.MailboxAddress.TryParse(from, out _)) e.Add("fromAddress", Message.Of<CampaignText>("'{0}' is not an e-mail address.", from));
        e.Optional("fromName", input.FromName, 200);
        var url = e.Required("publicUrl", input.PublicUrl, 500);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)))
            e.Add("publicUrl", Message.Of<CampaignText>("must be the address recipients reach this server at, starting with https://."));
        if (input.MessagesPerSecond is { } rate && !(rate > 0 && rate <= 1000)) e.Add("messagesPerSecond", Message.Of<CampaignText>("must be more than 0 and at most 1000."));
        return e;
    }

    public static Errors Check(ContactPolicyInput input)
    {
        var e = new Errors();
        if (input.PerWeek is not (>= 0 and <= 100)) e.Add("perWeek", Message.Of<CampaignText>("must be a whole number from 0 to 100."));
        if (input.PerMonth is not (>= 0 and <= 400)) e.Add("perMonth", Message.Of<CampaignText>("must be a whole number from 0 to 400."));
        else if (input.PerWeek is { } week && input.PerMonth < week) e.Add("perMonth", Message.Of<CampaignText>("must not be less than the weekly cap."));
        if (input.QuietFromHour is not (>= 0 and <= 23)) e.Add("quietFromHour", Message.Of<CampaignText>("must be an hour from 0 to 23."));
        if (input.QuietUntilHour is not (>= 0 and <= 23)) e.Add("quietUntilHour", Message.Of<CampaignText>("must be an hour from 0 to 23."));
        if (input.LostDealDays is < 0 or > 365) e.Add("lostDealDays", Message.Of<CampaignText>("must be a number of days from 0 to 365."));
        if (input.ApprovalAbove is < 0 or > 10_000_000) e.Add("approvalAbove", Message.Of<CampaignText>("must be a number of messages from 0 to 10,000,000."));
        return e;
    }
}
