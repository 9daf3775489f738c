using Clientele.Features.Clients;
using Clientele.Features.Contacts;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Privacy;

/// <summary>The way a person may be contacted; wider than the contact persons' old <see cref="ConsentChannel"/>.</summary>
public enum ContactChannel { Email = 0, Sms = 1, Phone = 2, Messenger = 3, Post = 4 }

/// <summary>What the personal data may be used for; each purpose needs its own consent (GDPR Art. 6/7, 152-FZ Art. 9).</summary>
public enum ConsentPurpose { Marketing = 0, Newsletters = 1, ServiceMessages = 2, Profiling = 3, ThirdPartyTransfer = 4 }

/// <summary>How a consent was given or withdrawn, so that it can be proven later. <see cref="ConfirmationLink"/>: the person clicked the link of a <see cref="ConsentRequest"/>; no one else records it.</summary>
public enum ConsentSource { WebForm = 0, Paper = 1, Call = 2, Email = 3, InPerson = 4, Import = 5, Other = 6, Erasure = 7, ConfirmationLink = 8 }

/// <summary>
/// One consent as given: append-only, so the history stays provable. The current state of a (subject, channel,
/// purpose) is its latest record (highest id): granted unless that record was withdrawn.
/// </summary>
public sealed class PersonalDataConsent
{
    public long Id { get; set; }
    public long ClientId { get; set; }
    /// <summary>Null: the consent of the client itself (a person, or the company as a whole).</summary>
    public long? ContactPersonId { get; set; }
    public ContactChannel Channel { get; set; }
    public ConsentPurpose Purpose { get; set; }
    /// <summary>UTC; may lie in the past when a paper consent is entered later.</summary>
    public DateTime GrantedAt { get; set; }
    public ConsentSource Source { get; set; }
    /// <summary>The wording consented to, when it is not one of the stored <see cref="ConsentText"/> versions.</summary>
    public string? Text { get; set; }
    public long? ConsentTextId { get; set; }
    public ConsentText? ConsentText { get; set; }
    public long? RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public ConsentSource? WithdrawalSource { get; set; }
    public long? WithdrawnById { get; set; }
}

/// <summary>A version of a consent wording; versions are never edited, a new wording is a new version.</summary>
public sealed class ConsentText
{
    public long Id { get; set; }
    /// <summary>Groups the versions of one wording, e.g. "newsletter".</summary>
    public required string Code { get; set; }
    public int Version { get; set; }
    /// <summary>ru, de or en.</summary>
    public required string Language { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public long? CreatedById { get; set; }
}

internal sealed class PersonalDataConsentConfiguration : IEntityTypeConfiguration<PersonalDataConsent>
{
    public void Configure(EntityTypeBuilder<PersonalDataConsent> b)
    {
        b.ToTable("PersonalDataConsents");
        b.Property(c => c.Text).HasMaxLength(ConsentRules.TextMax);
        b.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ContactPerson>().WithMany().HasForeignKey(c => c.ContactPersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.ConsentText).WithMany().HasForeignKey(c => c.ConsentTextId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(c => c.RecordedById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Employee>().WithMany().HasForeignKey(c => c.WithdrawnById).OnDelete(DeleteBehavior.SetNull);
        // "Latest record per subject, channel and purpose" and "whom may we contact" both walk this index.
        b.HasIndex(c => new { c.ClientId, c.Channel, c.Purpose, c.Id });
        b.HasIndex(c => c.ContactPersonId);
    }
}

internal sealed class ConsentTextConfiguration : IEntityTypeConfiguration<ConsentText>
{
    public void Configure(EntityTypeBuilder<ConsentText> b)
    {
        b.ToTable("ConsentTexts");
        b.Property(t => t.Code).HasMaxLength(ConsentRules.CodeMax);
        b.Property(t => t.Language).HasMaxLength(5);
        b.Property(t => t.Body).HasMaxLength(ConsentRules.TextMax);
        b.HasOne<Employee>().WithMany().HasForeignKey(t => t.CreatedById).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(t => new { t.Code, t.Version }).IsUnique();
    }
}
