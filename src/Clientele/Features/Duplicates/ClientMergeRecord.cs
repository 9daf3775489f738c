using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Duplicates;

/// <summary>
/// One merge of two clients, with what its undo needs: the merged client as it was, the kept client's fields as they
/// were before the merge filled them, the rows moved per table and the per-client rows deleted. No foreign keys: the
/// record outlives the merged client (deleted by the merge) and stays as history after an undo.
/// </summary>
public sealed class ClientMergeRecord
{
    public long Id { get; set; }
    public long KeptId { get; set; }
    public long MergedId { get; set; }
    /// <summary>Names at the time, for the list of merges (the merged client no longer exists).</summary>
    public required string KeptName { get; set; }
    public required string MergedName { get; set; }
    /// <summary>JSON: the merged client's row (<see cref="RowSnapshot"/>).</summary>
    public required string MergedClient { get; set; }
    /// <summary>JSON: the kept client's fields the merge changed, with their old values.</summary>
    public required string KeptChanges { get; set; }
    /// <summary>JSON: the kept client's version and time stamp right after the merge, to tell whether it was edited since.</summary>
    public long KeptVersionAfter { get; set; }
    /// <summary>JSON: per table, the keys of the rows moved from the merged client to the kept one.</summary>
    public required string MovedRows { get; set; }
    /// <summary>JSON: per table, the rows deleted because the kept client had their equivalent (tags, one-per-client rows).</summary>
    public required string DeletedRows { get; set; }
    public long? MergedById { get; set; }
    public DateTime MergedAt { get; set; }
    public DateTime? UndoneAt { get; set; }
    public long? UndoneById { get; set; }
}

internal sealed class ClientMergeRecordConfiguration : IEntityTypeConfiguration<ClientMergeRecord>
{
    public void Configure(EntityTypeBuilder<ClientMergeRecord> b)
    {
        b.ToTable("ClientMerges");
        b.Property(m => m.KeptName).HasMaxLength(Clients.ClientRules.NameMax);
        b.Property(m => m.MergedName).HasMaxLength(Clients.ClientRules.NameMax);
        // "Was either client in a later merge?" and the list of a client's merges.
        b.HasIndex(m => new { m.KeptId, m.Id });
        b.HasIndex(m => new { m.MergedId, m.Id });
        b.HasIndex(m => m.MergedAt);
    }
}
