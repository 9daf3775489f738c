using Clientele.Features.Clients;
using Clientele.Features.Identity;
using Clientele.Features.Interactions;
using Clientele.Features.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Surveys;

/// <summary>How the three questions were answered: by the manager during a call, or by the client through a personal link.</summary>
public enum SurveyChannel
{
    Call = 0,
    Link = 1,
}

/// <summary>
/// A client's answer to the three questions: how satisfied (0–10, and what is missing below 10), which product would
/// help, and whom they know who might be interested (which becomes a lead).
/// </summary>
public sealed class SurveyAnswer : IHasId, IVersioned, IStamped
{
    public long Id { get; set; }
    public long ClientId { get; set; }
    public Client? Client { get; set; }
    public int Satisfaction { get; set; }
    /// <summary>"What is missing?": asked only below 10.</summary>
    public string? Missing { get; set; }
    public string? ProductWish { get; set; }
    /// <summary>The register's wish this answer's product wish was merged into.</summary>
    public long? WishId { get; set; }
    public string? ReferralName { get; set; }
    public string? ReferralPhone { get; set; }
    public string? ReferralEmail { get; set; }
    /// <summary>The lead the referral became.</summary>
    public long? ReferralLeadId { get; set; }
    public Lead? ReferralLead { get; set; }
    public SurveyChannel Channel { get; set; }
    /// <summary>Who asked during the call; none for a link.</summary>
    public long? EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    /// <summary>The interaction on the client's timeline that records the answer.</summary>
    public long? InteractionId { get; set; }
    /// <summary>UTC.</summary>
    public DateTime AnsweredAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.Property(a => a.Missing).HasMaxLength(SurveyRules.MaxText);
        b.Property(a => a.ProductWish).HasMaxLength(SurveyRules.MaxText);
        b.Property(a => a.ReferralName).HasMaxLength(200);
        b.Property(a => a.ReferralPhone).HasMaxLength(40);
        b.Property(a => a.ReferralEmail).HasMaxLength(254);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne(a => a.Client).WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Employee).WithMany().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(a => a.ReferralLead).WithMany().HasForeignKey(a => a.ReferralLeadId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Interaction>().WithMany().HasForeignKey(a => a.InteractionId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(a => new { a.ClientId, a.AnsweredAt });
        // The results page and "my day" read answers by period.
        b.HasIndex(a => a.AnsweredAt);
        b.HasIndex(a => a.ReferralLeadId);
        b.HasIndex(a => a.EmployeeId);
        b.HasIndex(a => a.InteractionId);
        b.HasOne<ProductWish>().WithMany().HasForeignKey(a => a.WishId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(a => a.WishId);
    }
}

/// <summary>
/// A client's personal link to the three questions (<c>/s/{token}</c>): the token (256 random bits) is its only key,
/// it takes one answer and expires.
/// </summary>
public sealed class SurveyLink : IHasId
{
    public long Id { get; set; }
    public long ClientId { get; set; }
    public required string Token { get; set; }
    /// <summary>UTC.</summary>
    public DateTime ExpiresAt { get; set; }
    public long? AnswerId { get; set; }
    public long? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class SurveyLinkConfiguration : IEntityTypeConfiguration<SurveyLink>
{
    public void Configure(EntityTypeBuilder<SurveyLink> b)
    {
        b.Property(l => l.Token).HasMaxLength(43);
        b.HasIndex(l => l.Token).IsUnique();
        b.HasIndex(l => l.ClientId);
        b.HasIndex(l => l.AnswerId);
        b.HasOne<Client>().WithMany().HasForeignKey(l => l.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SurveyAnswer>().WithMany().HasForeignKey(l => l.AnswerId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Employee>().WithMany().HasForeignKey(l => l.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
