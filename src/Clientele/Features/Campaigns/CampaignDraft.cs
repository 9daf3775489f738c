namespace Clientele.Features.Campaigns;

/// <summary>One language's template as the builder page edits it.</summary>
public sealed class CampaignTemplateDraft
{
    public bool On { get; set; }
    public string Subject { get; set; } = "";
    public string Html { get; set; } = "";
    public string Text { get; set; } = "";
}

/// <summary>A campaign as the builder page edits it, before it is checked and saved as a <see cref="CampaignInput"/>.</summary>
public sealed class CampaignDraft
{
    public string Name { get; set; } = "";
    public long GroupId { get; set; }
    public string Abc { get; set; } = "";
    public string Stage { get; set; } = "";
    public string Rfm { get; set; } = "";
    public bool AtRisk { get; set; }
    public int Holdout { get; set; }
    public OverCapRule OverCap { get; set; }
    public CampaignChannel Channel { get; set; }
    public int Window { get; set; } = 30;
    public string DefaultLanguage { get; set; } = "en";
    public Dictionary<string, CampaignTemplateDraft> Templates { get; } = CampaignRules.Languages.ToDictionary(l => l, _ => new CampaignTemplateDraft());

    /// <summary>A saved campaign, to edit further.</summary>
    public static CampaignDraft Of(Campaign c)
    {
        var d = new CampaignDraft
        {
            Name = c.Name, GroupId = c.Audience.GroupId ?? 0, Abc = c.Audience.AbcClass ?? "", Stage = c.Audience.LoyaltyStage?.ToString() ?? "", Rfm = c.Audience.RfmSegment?.ToString() ?? "",
            AtRisk = c.Audience.AtRiskOnly, Holdout = c.HoldoutPercent, OverCap = c.OverCap, Channel = c.Channel, Window = c.RevenueWindowDays, DefaultLanguage = c.DefaultLanguage,
        };
        foreach (var t in c.Templates.Where(t => d.Templates.ContainsKey(t.Language)))
            (d.Templates[t.Language].On, d.Templates[t.Language].Subject, d.Templates[t.Language].Html, d.Templates[t.Language].Text) = (true, t.Subject, t.Html, t.Text);
        return d;
    }
}

/// <summary>A client group the audience can be narrowed to.</summary>
public sealed record CampaignGroupOption(long Id, string Name);
