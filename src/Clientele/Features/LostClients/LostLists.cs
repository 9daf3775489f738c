using Clientele.Features.Clients;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.LostClients;

/// <summary>Why a client left. Built-ins carry a stable code (shown in the user's language); the owner adds their own.</summary>
public sealed class ChurnReason
{
    public long Id { get; set; }
    /// <summary>price, quality, service, competitor-offer, moved, closed, other; null for the owner's own reasons.</summary>
    public string? Code { get; set; }
    public required string Name { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>A firm clients leave for. A duplicate merged into another keeps its row (inactive) so old links still read.</summary>
public sealed class Competitor
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public bool IsActive { get; set; } = true;
    public long? MergedIntoId { get; set; }
}

/// <summary>
/// One loss of a client: when, why, to whom, under which manager, and when it was won back. Kept after a win-back, so
/// the lost report still counts the loss in its period and the client's history shows each time it left.
/// </summary>
public sealed class ClientLoss
{
    public long Id { get; set; }
    public long ClientId { get; set; }
    public DateOnly LostOn { get; set; }
    public long ReasonId { get; set; }
    public ChurnReason? Reason { get; set; }
    public long? CompetitorId { get; set; }
    public Competitor? Competitor { get; set; }
    public string? Comment { get; set; }
    /// <summary>The client's manager when it was lost: the report is per manager at the time, not after a handover.</summary>
    public long? ManagerId { get; set; }
    public long? RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }
    /// <summary>Null while the client is still lost.</summary>
    public DateOnly? WonBackOn { get; set; }
}

internal sealed class ChurnReasonConfiguration : IEntityTypeConfiguration<ChurnReason>
{
    public void Configure(EntityTypeBuilder<ChurnReason> b)
    {
        b.ToTable("ChurnReasons");
        b.Property(r => r.Code).HasMaxLength(40);
        b.Property(r => r.Name).HasMaxLength(LostRules.NameMax);
        b.HasIndex(r => r.Code).IsUnique();
    }
}

internal sealed class CompetitorConfiguration : IEntityTypeConfiguration<Competitor>
{
    public void Configure(EntityTypeBuilder<Competitor> b)
    {
        b.ToTable("Competitors");
        b.Property(c => c.Name).HasMaxLength(LostRules.NameMax);
        b.HasIndex(c => c.Name);
        b.HasOne<Competitor>().WithMany().HasForeignKey(c => c.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClientLossConfiguration : IEntityTypeConfiguration<ClientLoss>
{
    public void Configure(EntityTypeBuilder<ClientLoss> b)
    {
        b.ToTable("ClientLosses");
        b.Property(l => l.Comment).HasMaxLength(LostRules.CommentMax);
        b.HasOne<Client>().WithMany().HasForeignKey(l => l.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(l => l.Reason).WithMany().HasForeignKey(l => l.ReasonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(l => l.Competitor).WithMany().HasForeignKey(l => l.CompetitorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(l => l.ManagerId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Employee>().WithMany().HasForeignKey(l => l.RecordedById).OnDelete(DeleteBehavior.SetNull);
        // The report reads losses by date; the card and the write paths read a client's open loss.
        b.HasIndex(l => l.LostOn);
        b.HasIndex(l => new { l.ClientId, l.WonBackOn });
    }
}
