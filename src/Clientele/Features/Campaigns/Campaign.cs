using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Campaigns;

public enum CampaignStatus { Draft = 0, Launched = 1 }

/// <summary>What happens to a message the contact policy does not allow now.</summary>
public enum OverCapRule { Postpone = 0, Skip = 1 }

/// <summary>A campaign (e-mail, SMS or call list): who it goes to, what it says in each language, and how it was launched.</summary>
public sealed class Campaign : IVersioned
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public CampaignStatus Status { get; set; }
    public CampaignChannel Channel { get; set; }
    public CampaignAudience Audience { get; set; } = new();
    /// <summary>The language of a contact who has none of the templates' languages as their own.</summary>
    public string DefaultLanguage { get; set; } = "en";
    public List<CampaignTemplate> Templates { get; set; } = [];
    /// <summary>The share of the audience's clients kept as a control group, 0–50.</summary>
    public int HoldoutPercent { get; set; }
    public OverCapRule OverCap { get; set; }
    /// <summary>Purchases within this many days of the launch count as the campaign's revenue (and the holdout's).</summary>
    public int RevenueWindowDays { get; set; } = 30;
    public long? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LaunchedAt { get; set; }
    public long? LaunchedById { get; set; }
    public long Version { get; set; }
}

/// <summary>Who a campaign is for: the clients that meet every filter given (none given: every client the reader sees).</summary>
public sealed class CampaignAudience
{
    /// <summary>A client group: its members by hand and those its rule (a saved filter) matches today.</summary>
    public long? GroupId { get; set; }
    /// <summary>"A", "B" or "C" as the nightly lifetime refresh classed the client.</summary>
    public string? AbcClass { get; set; }
    public Clientele.Analytics.Loyalty.LoyaltyStage? LoyaltyStage { get; set; }
    /// <summary>Only clients on the at-risk list.</summary>
    public bool AtRiskOnly { get; set; }
}

/// <summary>One language's wording: a Liquid template for the subject, the HTML part and the plain-text part.</summary>
public sealed class CampaignTemplate
{
    public required string Language { get; set; }
    public required string Subject { get; set; }
    public required string Html { get; set; }
    public required string Text { get; set; }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("Campaigns");
        b.Property(c => c.Name).HasMaxLength(CampaignRules.NameMax);
        b.Property(c => c.DefaultLanguage).HasMaxLength(5);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.OwnsOne(c => c.Audience, o =>
        {
            o.ToJson();
            o.Property(a => a.AbcClass).HasMaxLength(1);
        });
        b.OwnsMany(c => c.Templates, o =>
        {
            o.ToJson();
            o.Property(t => t.Language).HasMaxLength(5);
        });
        b.HasOne<Employee>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Employee>().WithMany().HasForeignKey(c => c.LaunchedById).OnDelete(DeleteBehavior.SetNull);
    }
}
