using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Campaigns;

public enum MailTls { None = 0, StartTls = 1, SslOnConnect = 2, Auto = 3 }

/// <summary>The SMTP server the campaigns go through (one row). The password is kept encrypted (<see cref="MailSecrets"/>).</summary>
public sealed class MailSettings : IVersioned
{
    public const long SingletonId = 1;
    public long Id { get; set; } = SingletonId;
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public MailTls Tls { get; set; } = MailTls.StartTls;
    public string? UserName { get; set; }
    /// <summary>AES-GCM under a key derived from the audit key file, which is not in the database; never shown back.</summary>
    public string? ProtectedPassword { get; set; }
    public string FromAddress { get; set; } = "";
    public string? FromName { get; set; }
    /// <summary>The address recipients reach this server at (https://crm.example.com), for unsubscribe links.</summary>
    public string PublicUrl { get; set; } = "";
    /// <summary>The most messages a second the sender hands to the server.</summary>
    public double MessagesPerSecond { get; set; } = 10;
    public long Version { get; set; }

    public bool IsConfigured => Host.Length > 0 && FromAddress.Length > 0 && PublicUrl.Length > 0;
}

/// <summary>"Don't overdo it": the owner's caps on marketing per contact person across all channels, and quiet hours.</summary>
public sealed class ContactPolicy : IVersioned
{
    public const long SingletonId = 1;
    public long Id { get; set; } = SingletonId;
    public int PerWeek { get; set; } = 2;
    public int PerMonth { get; set; } = 4;
    /// <summary>Quiet hours in the contact's time zone (the client's, else the company's): from this hour (0–23) ...</summary>
    public int QuietFromHour { get; set; } = 21;
    /// <summary>... until this hour; equal hours mean none.</summary>
    public int QuietUntilHour { get; set; } = 9;
    /// <summary>
    /// Double opt-in for e-mail: marketing mail goes only to people who confirmed their consent themselves through a
    /// confirmation link (<see cref="Privacy.ConsentSource.ConfirmationLink"/>); consents recorded by staff or imports
    /// no longer count for campaigns.
    /// </summary>
    public bool DoubleOptInEmail { get; set; }
    /// <summary>No marketing to a client's contacts for this many days after a deal with the client was lost (0: off).</summary>
    public int LostDealDays { get; set; } = 30;
    /// <summary>A campaign sending more messages than this needs the owner's approval before its launch (0: never).</summary>
    public int ApprovalAbove { get; set; }
    public long Version { get; set; }
}

internal sealed class MailSettingsConfiguration : IEntityTypeConfiguration<MailSettings>
{
    public void Configure(EntityTypeBuilder<MailSettings> b)
    {
        b.ToTable("MailSettings");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Host).HasMaxLength(255);
        b.Property(s => s.UserName).HasMaxLength(255);
        b.Property(s => s.ProtectedPassword).HasMaxLength(1000);
        b.Property(s => s.FromAddress).HasMaxLength(320);
        b.Property(s => s.FromName).HasMaxLength(200);
        b.Property(s => s.PublicUrl).HasMaxLength(500);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.IsConfigured);
    }
}

internal sealed class ContactPolicyConfiguration : IEntityTypeConfiguration<ContactPolicy>
{
    public void Configure(EntityTypeBuilder<ContactPolicy> b)
    {
        b.ToTable("ContactPolicies");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}
