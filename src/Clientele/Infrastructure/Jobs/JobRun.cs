using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Infrastructure.Jobs;

public enum JobStatus { Running = 0, Succeeded = 1, Failed = 2 }

/// <summary>What started a run: the nightly schedule, the catch-up at start-up, or someone on demand.</summary>
public enum JobTrigger { Schedule = 0, Startup = 1, OnDemand = 2 }

/// <summary>
/// One run of a background job, written before it starts and updated when it ends, so that a restart loses nothing
/// (the scheduler sees when each job last ran) and a failed run stays visible with its error.
/// </summary>
public sealed class JobRun
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public JobTrigger Trigger { get; set; }
    /// <summary>UTC.</summary>
    public DateTime StartedAt { get; set; }
    /// <summary>UTC; null while running (or when the process died during the run, until the next run of the job closes it).</summary>
    public DateTime? FinishedAt { get; set; }
    public JobStatus Status { get; set; }
    /// <summary>A failed run's reason, or what a succeeded run had to say (e.g. that it had nothing to do).</summary>
    public string? Message { get; set; }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.ToTable("JobRuns");
        b.Property(r => r.Name).HasMaxLength(100);
        // The column kept its first name: a message was only ever an error until jobs could say they had nothing to do.
        b.Property(r => r.Message).HasColumnName("Error").HasMaxLength(4000);
        b.HasIndex(r => new { r.Name, r.StartedAt });
    }
}
