using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Campaigns;

/// <summary>
/// A draft is edited; one larger than the owner's approval size waits for the owner (awaiting approval), who approves
/// (it may then be launched at that size) or refuses (a draft again, with the refusal on record).
/// </summary>
public enum CampaignStatus { Draft = 0, Launched = 1, AwaitingApproval = 2, Approved = 3 }

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
    /// <summary>How many messages the approval request named (sent now or postponed); the launch may not send more.</summary>
    public int? ApprovalSize { get; set; }
    public long? ApprovalRequestedById { get; set; }
    public DateTime? ApprovalRequestedAt { get; set; }
    public long? ApprovedById { get; set; }
    public DateTime? ApprovedAt { get; set; }
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
    /// <summary>An RFM segment as the analytics report scores the client today.</summary>
    public Clientele.Analytics.Structure.RfmSegment? RfmSegment { get; set; }
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
        b.HasOne<Employee>().WithMany().HasForeignKey(c => c.ApprovalRequestedById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Employee>().WithMany().HasForeignKey(c => c.ApprovedById).OnDelete(DeleteBehavior.SetNull);
    }
}
