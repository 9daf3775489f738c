using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Imports;

public enum ImportKind { Clients = 0, Purchases = 1, Interactions = 2, ServiceCosts = 3 }

/// <summary>What a row that matches an existing client exactly (phone, e-mail or tax id) does; the user chooses.</summary>
public enum ImportMatchPolicy { Update = 0, Skip = 1 }

/// <summary>
/// Analyzed: dry run done, nothing written. Queued: waiting for the background runner. Running: staging or merging.
/// Interrupted: the process died mid-way; running the same import again resumes from <see cref="ImportJob.Checkpoint"/>.
/// </summary>
public enum ImportJobStatus { Analyzed = 0, Queued = 1, Running = 2, Interrupted = 3, Completed = 4, Failed = 5, RolledBack = 6 }

/// <summary>
/// One import of one file: its options, where it got to, and what it did. The job row is the checkpoint, the progress
/// the UI polls, and the handle for rolling the whole import back.
/// </summary>
public sealed class ImportJob
{
    public long Id { get; set; }
    public ImportKind Kind { get; set; }
    public ImportJobStatus Status { get; set; }
    /// <summary>The name the user's file had.</summary>
    public required string FileName { get; set; }
    /// <summary>The stored copy the job reads (under the app's import folder).</summary>
    public required string FilePath { get; set; }
    /// <summary>SHA-256 of the file (hex): the same file with the same options resumes its unfinished job.</summary>
    public required string FileHash { get; set; }
    public long FileSize { get; set; }
    /// <summary>How the file was read (encoding, delimiter, sheet), as <see cref="Reading.ITabularReader.Description"/> says.</summary>
    public string? FileDescription { get; set; }
    /// <summary>JSON of <see cref="ImportOptions"/>: column map, match policy, sheet, default phone region.</summary>
    public required string OptionsJson { get; set; }
    public long? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>What the job is doing now: "staging", "merging", "rolling back"; null when idle.</summary>
    public string? Phase { get; set; }
    /// <summary>Data rows of the file, once known (after the dry run or the first full pass).</summary>
    public long? RowsTotal { get; set; }
    /// <summary>Data rows done in the current phase; committed with each batch, so it is where a restart resumes.</summary>
    public long Checkpoint { get; set; }
    public long RowsCreated { get; set; }
    public long RowsUpdated { get; set; }
    /// <summary>Rows that repeat an earlier row of the same file and were folded into its client.</summary>
    public long RowsMerged { get; set; }
    public long RowsSkipped { get; set; }
    public long RowsRejected { get; set; }
    /// <summary>Rows created but resembling an existing client (fuzzy name + city): sent to the duplicates review list.</summary>
    public long RowsForReview { get; set; }
    /// <summary>Rows that made new records: a client import counts its review rows among the created (they are created
    /// and listed for review); a record import does not write its possible repeats at all.</summary>
    public long RowsNew => Kind == ImportKind.Clients ? RowsCreated - RowsForReview : RowsCreated;
    public string? Error { get; set; }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.ToTable("ImportJobs");
        b.Property(j => j.FileName).HasMaxLength(260);
        b.Property(j => j.FilePath).HasMaxLength(1000);
        b.Property(j => j.FileHash).HasMaxLength(64);
        b.Property(j => j.FileDescription).HasMaxLength(300);
        b.Property(j => j.Phase).HasMaxLength(50);
        b.Property(j => j.Error).HasMaxLength(2000);
        b.HasIndex(j => new { j.FileHash, j.Status });
        b.HasIndex(j => j.CreatedAt);
    }
}
