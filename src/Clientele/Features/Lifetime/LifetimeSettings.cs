using Clientele.Analytics.Lifetime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Lifetime;

/// <summary>
/// How the nightly lifetime refresh judges clients: one row, set by the owner. Kept apart from the company settings so
/// that the churn feature can grow its knobs without touching a table every feature writes.
/// </summary>
public sealed class LifetimeSettings : IVersioned
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    /// <summary>At risk when P(alive) falls below this.</summary>
    public double AliveThreshold { get; set; } = 0.5;
    /// <summary>Judged lost (the loyalty ladder's Lost stage) once P(alive) falls below this; below the at-risk threshold.</summary>
    public double LostThreshold { get; set; } = 0.1;
    /// <summary>At risk when the days since the last purchase exceed the client's usual interval times this.</summary>
    public double IntervalFactor { get; set; } = 2;
    /// <summary>…and at least this many days have passed, so that frequent buyers' ordinary gaps raise no alarm.</summary>
    public int MinSilenceDays { get; set; } = 30;
    public int HorizonMonths { get; set; } = 12;
    public double AnnualDiscountRate { get; set; } = 0.10;
    /// <summary>The time unit the models are fitted in.</summary>
    public LifetimePeriod Period { get; set; } = LifetimePeriod.Week;
    /// <summary>The hour (UTC) of the nightly refresh.</summary>
    public int JobHourUtc { get; set; } = 3;
    /// <summary>ABC classes whose newly at-risk clients get a task for their manager, e.g. "A,B"; empty for none.</summary>
    public string TaskClasses { get; set; } = "A,B";
    /// <summary>
    /// Days back a client's loss still flags the clients tied to it (referred by it, by the same client, in its group):
    /// a quarter, about the time a referee or a group mate takes to follow a defector or to settle.
    /// </summary>
    public int LinkedLossDays { get; set; } = DefaultLinkedLossDays;
    public const int DefaultLinkedLossDays = 90;
    public const int MaxLinkedLossDays = 730;
    public long Version { get; set; }

    public double PeriodDays => Period == LifetimePeriod.Day ? 1 : 7;

    public IReadOnlySet<string> TaskClassSet => TaskClasses.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}

internal sealed class LifetimeSettingsConfiguration : IEntityTypeConfiguration<LifetimeSettings>
{
    public void Configure(EntityTypeBuilder<LifetimeSettings> b)
    {
        b.ToTable("LifetimeSettings");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.TaskClasses).HasMaxLength(10);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Property(s => s.LinkedLossDays).HasDefaultValue(LifetimeSettings.DefaultLinkedLossDays);
    }
}
