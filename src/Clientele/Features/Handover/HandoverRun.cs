using Clientele.Features.Campaigns;
using Clientele.Features.Clients;
using Clientele.Features.Identity;
using Clientele.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Handover;

/// <summary>
/// One departing employee's offboarding: the account is deactivated when it starts, its clients are listed with a
/// suggested successor, reassigned, introduced, and the run is finished once nothing references the employee as
/// responsible. Every step can be repeated; the rows below remember what is done, so a stopped run resumes.
/// </summary>
public sealed class HandoverRun
{
    public long Id { get; set; }
    public long DepartingId { get; set; }
    public Employee? Departing { get; set; }
    /// <summary>The owner who started it; null from the command line.</summary>
    public long? StartedById { get; set; }
    /// <summary>UTC.</summary>
    public DateTime StartedAt { get; set; }
    /// <summary>UTC; set once no client, open task or co-management references the departing employee.</summary>
    public DateTime? FinishedAt { get; set; }
    /// <summary>Open tasks moved to successors so far (each is moved once: after it, the employee holds none).</summary>
    public int TasksMoved { get; set; }
    /// <summary>Open deals moved to successors so far (as the tasks: each once).</summary>
    public int DealsMoved { get; set; }
    public List<HandoverClient> Clients { get; set; } = [];
}

/// <summary>A client of the departing employee in a hand-over, as it stood when listed, and what became of it.</summary>
public sealed class HandoverClient
{
    public long HandoverId { get; set; }
    public long ClientId { get; set; }
    public Client? Client { get; set; }
    /// <summary>A, B or C when the client was listed.</summary>
    public string AbcClass { get; set; } = "C";
    public decimal Contribution { get; set; }
    /// <summary>Null when the lifetime model had not computed it (shown as "—", not as 0).</summary>
    public decimal? Clv { get; set; }
    public long? SuggestedId { get; set; }
    public long? SuccessorId { get; set; }
    /// <summary>UTC; when the client's responsible manager became the successor (the start of the hand-over report's clock).</summary>
    public DateTime? ReassignedAt { get; set; }
    /// <summary>UTC; when the successor's introduction task was made (once: a deleted task is not made again).</summary>
    public DateTime? IntroducedAt { get; set; }
    public long? IntroTaskId { get; set; }
    public FollowUpTask? IntroTask { get; set; }
    /// <summary>The introduction e-mail in the outbox (once per client: a second run finds it set and writes none).</summary>
    public long? IntroMailId { get; set; }
}

internal sealed class HandoverRunConfiguration : IEntityTypeConfiguration<HandoverRun>
{
    public void Configure(EntityTypeBuilder<HandoverRun> b)
    {
        b.ToTable("Handovers");
        b.HasOne(h => h.Departing).WithMany().HasForeignKey(h => h.DepartingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(h => h.StartedById).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(h => h.DepartingId);
    }
}

internal sealed class HandoverClientConfiguration : IEntityTypeConfiguration<HandoverClient>
{
    public void Configure(EntityTypeBuilder<HandoverClient> b)
    {
        b.ToTable("HandoverClients");
        b.HasKey(c => new { c.HandoverId, c.ClientId });
        b.Property(c => c.AbcClass).HasMaxLength(1);
        b.Property(c => c.Contribution).HasPrecision(18, 2);
        b.Property(c => c.Clv).HasPrecision(18, 2);
        b.HasOne<HandoverRun>().WithMany(h => h.Clients).HasForeignKey(c => c.HandoverId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Client).WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employee>().WithMany().HasForeignKey(c => c.SuggestedId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Employee>().WithMany().HasForeignKey(c => c.SuccessorId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(c => c.IntroTask).WithMany().HasForeignKey(c => c.IntroTaskId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<OutboxMessage>().WithMany().HasForeignKey(c => c.IntroMailId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => c.ClientId);
    }
}
