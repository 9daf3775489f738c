using Clientele.Features.Clients;
using Clientele.Features.Identity;
using Clientele.Features.Purchases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Pipeline;

/// <summary>A sale being worked on with a client, from first contact to won or lost.</summary>
public sealed class Deal : IHasId, IVersioned, IStamped
{
    public long Id { get; set; }
    public long ClientId { get; set; }
    public Client? Client { get; set; }
    public required string Title { get; set; }
    /// <summary>The intermediary through which the deal is made (by default the client's own, ADR 044); none: direct.</summary>
    public long? IntermediaryId { get; set; }
    /// <summary>Loaded through the reader's row filter: null beside an id when the reader does not see the intermediary.</summary>
    public Client? Intermediary { get; set; }
    /// <summary>The manager who owns the deal.</summary>
    public long? ManagerId { get; set; }
    public Employee? Manager { get; set; }
    /// <summary>The lines' sum unless a value was typed (ADR 048).</summary>
    public decimal Value { get; set; }
    /// <summary>The catalogue products the deal would sell.</summary>
    public List<DealLine> Lines { get; set; } = [];
    /// <summary>ISO 4217.</summary>
    public required string Currency { get; set; }
    /// <summary>A company day.</summary>
    public DateOnly? ExpectedCloseOn { get; set; }
    public long StageId { get; set; }
    public PipelineStage? Stage { get; set; }
    /// <summary>UTC; when the deal reached its current stage (time per stage).</summary>
    public DateTime StageEnteredAt { get; set; }
    public string? LostReason { get; set; }
    /// <summary>The purchase that winning the deal recorded; revenue has that one source.</summary>
    public long? PurchaseId { get; set; }
    public Purchase? Purchase { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
}

internal sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    public void Configure(EntityTypeBuilder<Deal> b)
    {
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.Value).HasPrecision(18, 2);
        b.Property(d => d.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(d => d.LostReason).HasMaxLength(500);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne(d => d.Client).WithMany().HasForeignKey(d => d.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(d => d.Intermediary).WithMany().HasForeignKey(d => d.IntermediaryId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(d => d.Manager).WithMany().HasForeignKey(d => d.ManagerId).OnDelete(DeleteBehavior.SetNull);
        // A stage with deals on it is not deleted (the API refuses it first, with a reason).
        b.HasOne(d => d.Stage).WithMany().HasForeignKey(d => d.StageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.Purchase).WithMany().HasForeignKey(d => d.PurchaseId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(d => new { d.StageId, d.Id });
        b.HasIndex(d => new { d.ClientId, d.Id });
        b.HasIndex(d => d.ManagerId);
        b.HasIndex(d => d.IntermediaryId);
        b.HasIndex(d => d.PurchaseId);
    }
}
