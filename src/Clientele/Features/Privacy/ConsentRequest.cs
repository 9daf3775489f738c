using Clientele.Features.Clients;
using Clientele.Features.Contacts;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Privacy;

/// <summary>
/// A request for a person's consent to e-mail, sent to them as a mail with a signed confirmation link (double opt-in).
/// The person's click records the consent (source <see cref="ConsentSource.ConfirmationLink"/>) with the time and the
/// network address it came from; a request is confirmed at most once and not after <see cref="ExpiresAt"/>.
/// </summary>
public sealed class ConsentRequest
{
    public long Id { get; set; }
    public long ClientId { get; set; }
    /// <summary>Null: the client's own address (a private person).</summary>
    public long? ContactPersonId { get; set; }
    public ContactChannel Channel { get; set; } = ContactChannel.Email;
    public ConsentPurpose Purpose { get; set; }
    /// <summary>The address the mail went to: the consent is the consent of whoever reads that mailbox.</summary>
    public required string Address { get; set; }
    /// <summary>ru, de or en: the mail and the confirmation page speak it.</summary>
    public required string Language { get; set; }
    public string? Text { get; set; }
    public long? ConsentTextId { get; set; }
    public long? RequestedById { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    /// <summary>The network address the confirming request came from.</summary>
    public string? ConfirmedFrom { get; set; }
    /// <summary>The consent record the confirmation wrote.</summary>
    public long? ConsentId { get; set; }
}

internal sealed class ConsentRequestConfiguration : IEntityTypeConfiguration<ConsentRequest>
{
    public void Configure(EntityTypeBuilder<ConsentRequest> b)
    {
        b.ToTable("ConsentRequests");
        b.Property(r => r.Address).HasMaxLength(320);
        b.Property(r => r.Language).HasMaxLength(5);
        b.Property(r => r.Text).HasMaxLength(ConsentRules.TextMax);
        b.Property(r => r.ConfirmedFrom).HasMaxLength(64);
        b.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ContactPerson>().WithMany().HasForeignKey(r => r.ContactPersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ConsentText>().WithMany().HasForeignKey(r => r.ConsentTextId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(r => r.RequestedById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<PersonalDataConsent>().WithMany().HasForeignKey(r => r.ConsentId).OnDelete(DeleteBehavior.SetNull);
        // "Is a request to this person still open?" walks this index.
        b.HasIndex(r => new { r.ClientId, r.ContactPersonId, r.Purpose });
    }
}
