using Clientele.Features.Clients;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Tasks;

/// <summary>Something someone must do for a client by a date.</summary>
public sealed class FollowUpTask : IHasId, IVersioned, IStamped
{
    public long Id { get; set; }
    public long ClientId { get; set; }
    public Client? Client { get; set; }
    public required string Title { get; set; }
    public string? Details { get; set; }
    /// <summary>UTC.</summary>
    public DateTime DueAt { get; set; }
    public long? AssigneeId { get; set; }
    public Employee? Assignee { get; set; }
    public bool Done { get; set; }
    public DateTime? DoneAt { get; set; }
    /// <summary>What came of it, written when it is marked done (optional).</summary>
    public string? Result { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
}

internal sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> b)
    {
        b.ToTable("Tasks");
        b.Property(t => t.Title).HasMaxLength(200);
        b.Property(t => t.Details).HasMaxLength(2000);
        b.Property(t => t.Result).HasMaxLength(TasksApi.ResultMax);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne(t => t.Client).WithMany().HasForeignKey(t => t.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(t => t.Assignee).WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(t => new { t.AssigneeId, t.Done, t.DueAt });
        b.HasIndex(t => new { t.ClientId, t.DueAt });
        // The /tasks page's views of every open task the reader sees, in due order.
        b.HasIndex(t => new { t.Done, t.DueAt });
    }
}
