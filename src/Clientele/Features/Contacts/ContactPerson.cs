using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Contacts;

public enum ConsentChannel { Email = 0, Sms = 1, Phone = 2 }

/// <summary>A person at a client company the firm talks to.</summary>
public sealed class ContactPerson : IHasId, IVersioned, IStamped
{
    public long Id { get; set; }
    public long ClientId { get; set; }
    public required string Name { get; set; }
    public string? Position { get; set; }
    /// <summary>E.164 numbers.</summary>
    public List<string> Phones { get; set; } = [];
    /// <summary>Trimmed, lower-cased addresses.</summary>
    public List<string> Emails { get; set; } = [];
    public string? Messenger { get; set; }
    public DateOnly? Birthday { get; set; }
    /// <summary>ru, de, en.</summary>
    public string? PreferredLanguage { get; set; }
    public List<Consent> Consents { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>Permission to contact a person through one channel, with when and how it was given.</summary>
public sealed class Consent
{
    public ConsentChannel Channel { get; set; }
    public bool Granted { get; set; }
    public DateTime RecordedAt { get; set; }
    /// <summary>How it was given: web form, signed paper, phone call...</summary>
    public string? Source { get; set; }
}

internal sealed class ContactPersonConfiguration : IEntityTypeConfiguration<ContactPerson>
{
    public void Configure(EntityTypeBuilder<ContactPerson> b)
    {
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Position).HasMaxLength(200);
        b.Property(c => c.Messenger).HasMaxLength(100);
        b.Property(c => c.PreferredLanguage).HasMaxLength(5);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.OwnsMany(c => c.Consents, o =>
        {
            o.ToJson();
            o.Property(x => x.Source).HasMaxLength(200);
        });
        b.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.ClientId);
    }
}
