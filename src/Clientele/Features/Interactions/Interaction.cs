using Clientele.Features.Clients;
using Clientele.Features.Contacts;
using Clientele.Features.Identity;
using Clientele.Features.Imports.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Interactions;

public enum InteractionKind { Call = 0, Meeting = 1, Email = 2, Sms = 3, Message = 4, Note = 5 }

public enum Direction { Inbound = 0, Outbound = 1, Internal = 2 }

/// <summary>Any touch with a client: a call, a meeting, a letter, a note.</summary>
public sealed class Interaction : IHasId, IVersioned, IStamped, IExternalDocument
{
    public long Id { get; set; }
    public long ClientId { get; set; }
    public long? ContactPersonId { get; set; }
    public long? EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public InteractionKind Kind { get; set; }
    public Direction Direction { get; set; }
    /// <summary>UTC.</summary>
    public DateTime OccurredAt { get; set; }
    public string? Outcome { get; set; }
    public string? Text { get; set; }
    /// <summary>A satisfaction or recommendation score (0–10) the client gave; a promoter's score is evidence of advocacy.</summary>
    public int? Score { get; set; }

    /// <summary>The highest score (the lowest is 0): checked only by the interactions' spec, which the API and the card's form share.</summary>
    public const int MaxScore = 10;
    /// <summary>Its number in the system it was imported from (a CRM activity id); re-imports match by it.</summary>
    public string? Number { get; set; }
    public string? Source { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
}

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> b)
    {
        b.Property(i => i.Outcome).HasMaxLength(200);
        b.Property(i => i.Text).HasMaxLength(4000);
        b.Property(i => i.Number).HasMaxLength(50);
        b.Property(i => i.Source).HasMaxLength(30);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasOne<Client>().WithMany().HasForeignKey(i => i.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ContactPerson>().WithMany().HasForeignKey(i => i.ContactPersonId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(i => i.Employee).WithMany().HasForeignKey(i => i.EmployeeId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(i => new { i.ClientId, i.OccurredAt });
        b.HasIndex(i => new { i.Number, i.Source });
    }
}
