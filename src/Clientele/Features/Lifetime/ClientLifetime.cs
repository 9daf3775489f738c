using Clientele.Features.Clients;
using Clientele.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Lifetime;

/// <summary>Why a client is on the at-risk list; both can hold.</summary>
[Flags]
public enum RiskReason { None = 0, LowAliveProbability = 1, OverdueInterval = 2 }

/// <summary>What the manager is advised to do about an at-risk client (translated on the pages).</summary>
public enum SuggestedAction { None = 0, CallPersonally = 1, OfferRepeatOrder = 2, AskWhy = 3, SendReminder = 4 }

/// <summary>
/// A client's lifetime figures as of the last refresh: the inputs of the models, what they expect, the CLV, and the
/// at-risk judgement with the day the current episode began and the task made for it (so a night's run makes none twice).
/// Rows exist for clients with at least one purchase.
/// </summary>
public sealed class ClientLifetime
{
    public long ClientId { get; set; }
    public DateOnly AsOf { get; set; }
    /// <summary>Repeat periods x, age at the last purchase t_x and age T, in model periods.</summary>
    public double Frequency { get; set; }
    public double Recency { get; set; }
    public double Age { get; set; }
    /// <summary>Mean value of the repeat periods' purchases, base currency.</summary>
    public decimal MeanRepeatValue { get; set; }
    /// <summary>Null when the model could not be fitted that night.</summary>
    public double? AliveProbability { get; set; }
    public double? ExpectedPurchases90Days { get; set; }
    public decimal? ExpectedAverageValue { get; set; }
    /// <summary>Contribution before acquisition cost per unit of revenue (the base's when the client has no revenue).</summary>
    public double MarginRate { get; set; }
    public decimal? Clv { get; set; }
    /// <summary>Mean days between distinct purchase days; null with fewer than two.</summary>
    public double? UsualIntervalDays { get; set; }
    public DateOnly LastPurchase { get; set; }
    public int DaysSinceLastPurchase { get; set; }
    /// <summary>"A", "B" or "C" as the analytics class the client that day.</summary>
    public string AbcClass { get; set; } = "C";
    public RiskReason Reason { get; set; }
    public bool AtRisk => Reason != RiskReason.None;
    /// <summary>The first day of the current at-risk episode; kept across refreshes, cleared when the client recovers.</summary>
    public DateOnly? AtRiskSince { get; set; }
    public SuggestedAction Action { get; set; }
    /// <summary>The task made for the current episode, by the job or by a click.</summary>
    public long? EpisodeTaskId { get; set; }
    public FollowUpTask? EpisodeTask { get; set; }
}

internal sealed class ClientLifetimeConfiguration : IEntityTypeConfiguration<ClientLifetime>
{
    public void Configure(EntityTypeBuilder<ClientLifetime> b)
    {
        b.ToTable("ClientLifetimes");
        b.HasKey(l => l.ClientId);
        b.Ignore(l => l.AtRisk);
        var day = new Data.DayNumberConverter();
        b.Property(l => l.AsOf).HasConversion(day);
        b.Property(l => l.LastPurchase).HasConversion(day);
        b.Property(l => l.AtRiskSince).HasConversion(day);
        // Minor units: orderable on SQLite too, where the worklist sorts by CLV.
        var money = new Data.MinorUnitsConverter();
        b.Property(l => l.MeanRepeatValue).HasConversion(money);
        b.Property(l => l.ExpectedAverageValue).HasConversion(money);
        b.Property(l => l.Clv).HasConversion(money);
        b.Property(l => l.AbcClass).HasMaxLength(1);
        b.HasOne<Client>().WithMany().HasForeignKey(l => l.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(l => l.EpisodeTask).WithMany().HasForeignKey(l => l.EpisodeTaskId).OnDelete(DeleteBehavior.SetNull);
        // The worklist: at-risk clients by value at stake.
        b.HasIndex(l => new { l.Reason, l.Clv });
    }
}
