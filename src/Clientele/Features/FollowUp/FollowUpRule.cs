using Clientele.Features.Clients;
using Clientele.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.FollowUp;

/// <summary>
/// The event a rule follows. A client silent for longer than its own rhythm is not one of them: the at-risk task of
/// the lifetime job (ADR 015's worklist) already calls for it, and a second task for the same silence would be noise.
/// </summary>
public enum FollowUpTrigger
{
    /// <summary>N company days after a purchase: a satisfaction call, a cross-sell offer.</summary>
    AfterPurchase = 0,
    /// <summary>N company days after a survey answer of at least <see cref="FollowUpRule.MinScore"/>: ask for a referral.</summary>
    AfterHighScore = 1,
}

/// <summary>An owner's rule that makes a task for the client's manager when its event is N days old.</summary>
public sealed class FollowUpRule : IHasId, IVersioned, IStamped
{
    public long Id { get; set; }
    /// <summary>What the task is for, as the owner typed it ("Satisfaction call").</summary>
    public required string Name { get; set; }
    public FollowUpTrigger Trigger { get; set; }
    public int Days { get; set; }
    /// <summary>The lowest satisfaction that counts for <see cref="FollowUpTrigger.AfterHighScore"/>.</summary>
    public int MinScore { get; set; } = 9;
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
}

internal sealed class FollowUpRuleConfiguration : IEntityTypeConfiguration<FollowUpRule>
{
    public void Configure(EntityTypeBuilder<FollowUpRule> b)
    {
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}

/// <summary>
/// That a rule has made its task for one event (a purchase, a survey answer): the unique pair keeps a second run, or
/// a run after a restart, from making it again.
/// </summary>
public sealed class FollowUpRuleHit
{
    public long Id { get; set; }
    public long RuleId { get; set; }
    /// <summary>The purchase's or the survey answer's id, by the rule's trigger.</summary>
    public long EventId { get; set; }
    public long ClientId { get; set; }
    public long? TaskId { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class FollowUpRuleHitConfiguration : IEntityTypeConfiguration<FollowUpRuleHit>
{
    public void Configure(EntityTypeBuilder<FollowUpRuleHit> b)
    {
        b.HasIndex(h => new { h.RuleId, h.EventId }).IsUnique();
        b.HasIndex(h => h.ClientId);
        b.HasIndex(h => h.TaskId);
        b.HasOne<FollowUpRule>().WithMany().HasForeignKey(h => h.RuleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Client>().WithMany().HasForeignKey(h => h.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<FollowUpTask>().WithMany().HasForeignKey(h => h.TaskId).OnDelete(DeleteBehavior.SetNull);
    }
}
