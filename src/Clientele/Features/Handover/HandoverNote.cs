using Clientele.Features.Clients;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Handover;

/// <summary>
/// What the manager responsible for a client wants a successor to know about it ("the buyer decides in the first week
/// of the month", "never call before 11"): written on the card before anyone leaves, or by the owner during a hand-over;
/// one per client, the latest wording kept. The successor sees it on the card and in the introduction task.
/// </summary>
public sealed class HandoverNote
{
    public const int TextMax = 1000;

    public long Id { get; set; }
    public long ClientId { get; set; }
    public Client? Client { get; set; }
    public required string Text { get; set; }
    /// <summary>Who wrote the current wording: the departing manager, or the owner writing down what they said.</summary>
    public long? AuthorId { get; set; }
    public Employee? Author { get; set; }
    /// <summary>UTC.</summary>
    public DateTime WrittenAt { get; set; }
}

internal sealed class HandoverNoteConfiguration : IEntityTypeConfiguration<HandoverNote>
{
    public void Configure(EntityTypeBuilder<HandoverNote> b)
    {
        b.ToTable("HandoverNotes");
        b.Property(n => n.Text).HasMaxLength(HandoverNote.TextMax);
        b.HasOne(n => n.Client).WithMany().HasForeignKey(n => n.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(n => n.Author).WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(n => n.ClientId).IsUnique();
    }
}
