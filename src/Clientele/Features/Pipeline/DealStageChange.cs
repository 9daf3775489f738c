using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Pipeline;

/// <summary>
/// A deal reaching a stage (its creation included), written in the transaction of the write that moved it; the
/// conversion and time-per-stage report reads these. A client's row, so the row filter gives a manager their own.
/// </summary>
public sealed class DealStageChange
{
    public long Id { get; set; }
    public long DealId { get; set; }
    public Deal? Deal { get; set; }
    public long ClientId { get; set; }
    /// <summary>The deal's manager when it reached the stage.</summary>
    public long? ManagerId { get; set; }
    /// <summary>Null when the deal was created at <see cref="ToStageId"/>.</summary>
    public long? FromStageId { get; set; }
    public long ToStageId { get; set; }
    /// <summary>UTC; equals the deal's <see cref="Deal.StageEnteredAt"/> for this stage.</summary>
    public DateTime At { get; set; }
}

internal sealed class DealStageChangeConfiguration : IEntityTypeConfiguration<DealStageChange>
{
    public void Configure(EntityTypeBuilder<DealStageChange> b)
    {
        b.HasOne(c => c.Deal).WithMany().HasForeignKey(c => c.DealId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Clients.Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Identity.Employee>().WithMany().HasForeignKey(c => c.ManagerId).OnDelete(DeleteBehavior.SetNull);
        // A stage is deleted only when no deal is at it (the API refuses it first); its past goes with it.
        b.HasOne<PipelineStage>().WithMany().HasForeignKey(c => c.FromStageId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<PipelineStage>().WithMany().HasForeignKey(c => c.ToStageId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.DealId, c.Id });
        b.HasIndex(c => c.At);
        b.HasIndex(c => c.ClientId);
    }
}
