using Clientele.Features.Clients;
using Clientele.Features.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Campaigns;

/// <summary>Marketing messages count against the contact policy's caps; transactional ones (confirmations, reminders) do not.</summary>
public enum OutboxKind { Marketing = 0, Transactional = 1 }

public enum OutboxStatus
{
    /// <summary>Waiting for its time (<see cref="OutboxMessage.NotBefore"/>).</summary>
    Queued = 0,
    /// <summary>A sender took it and has not said how it ended: after a crash the next run sends it again, with the same Message-ID.</summary>
    Sending = 1,
    /// <summary>The server accepted it.</summary>
    Sent = 2,
    /// <summary>Every attempt failed for a passing reason.</summary>
    Failed = 3,
    /// <summary>The server refused the address for good; the address is marked bounced.</summary>
    Bounced = 4,
    /// <summary>Over the contact policy's caps and not postponed: never sent.</summary>
    SkippedByCap = 5,
    /// <summary>In the campaign's control group: never sent, its revenue is the comparison.</summary>
    Holdout = 6,
    /// <summary>The person withdrew the consent between the launch and the sending: never sent.</summary>
    ConsentWithdrawn = 7,
}

/// <summary>
/// One message to one contact person, written in the same transaction as its campaign's launch (the outbox) and sent
/// by <see cref="CampaignSender"/>. Its id is the idempotency key: the Message-ID header is derived from it.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public long? CampaignId { get; set; }
    /// <summary>E-mail (the address is one), SMS (a phone number) or a call (a task for the client's manager).</summary>
    public CampaignChannel Channel { get; set; }
    public long ClientId { get; set; }
    public long ContactPersonId { get; set; }
    public OutboxKind Kind { get; set; }
    public required string Address { get; set; }
    public required string Language { get; set; }
    public OutboxStatus Status { get; set; }
    /// <summary>The contact policy moved it later than the launch (caps or quiet hours).</summary>
    public bool Postponed { get; set; }
    /// <summary>UTC: when it may go out; also the time the caps count it at.</summary>
    public DateTime NotBefore { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>SMTP tries so far, each recorded as an <see cref="OutboxAttempt"/>.</summary>
    public int Attempts { get; set; }
    /// <summary>The recipient unsubscribed through this message's link.</summary>
    public DateTime? OptedOutAt { get; set; }
    /// <summary>The server's last answer, or why it was skipped (a stored kind, <see cref="Message.Encode"/>).</summary>
    public string? LastReply { get; set; }
    /// <summary>A call list's task for the client's manager (<see cref="CallList"/>).</summary>
    public long? TaskId { get; set; }
    /// <summary>What came of the call, once the manager recorded it.</summary>
    public CallResult? CallResult { get; set; }
    /// <summary>
    /// A transactional message without a campaign (a hand-over's introduction): its subject and text as stored kinds
    /// (<see cref="Message.EncodeAll"/>, subject first), worded in <see cref="Language"/> when it is sent.
    /// </summary>
    public string? Notice { get; set; }
}

public enum AttemptOutcome { Accepted = 1, Transient = 2, Permanent = 3 }

/// <summary>One try to hand a message to the server, with the server's answer.</summary>
public sealed class OutboxAttempt
{
    public long Id { get; set; }
    public long OutboxMessageId { get; set; }
    public DateTime At { get; set; }
    public AttemptOutcome Outcome { get; set; }
    public string? Reply { get; set; }
}

/// <summary>An address a server refused for good: excluded from later campaigns until the contact's address changes.</summary>
public sealed class BouncedAddress
{
    public required string Address { get; set; }
    public DateTime At { get; set; }
    public string? Reply { get; set; }
    public long? OutboxMessageId { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.Property(m => m.Address).HasMaxLength(320);
        b.Property(m => m.Language).HasMaxLength(5);
        b.Property(m => m.LastReply).HasMaxLength(1000);
        b.Property(m => m.Notice).HasMaxLength(4000);
        b.HasOne<Campaign>().WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Client>().WithMany().HasForeignKey(m => m.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ContactPerson>().WithMany().HasForeignKey(m => m.ContactPersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Tasks.FollowUpTask>().WithMany().HasForeignKey(m => m.TaskId).OnDelete(DeleteBehavior.SetNull);
        // The sender's "what is due", the caps' "what did this person get lately" and the report's counts.
        b.HasIndex(m => new { m.Status, m.NotBefore });
        b.HasIndex(m => new { m.ContactPersonId, m.NotBefore });
        b.HasIndex(m => new { m.CampaignId, m.Status });
        b.HasIndex(m => m.ClientId);
    }
}

internal sealed class OutboxAttemptConfiguration : IEntityTypeConfiguration<OutboxAttempt>
{
    public void Configure(EntityTypeBuilder<OutboxAttempt> b)
    {
        b.ToTable("OutboxAttempts");
        b.Property(a => a.Reply).HasMaxLength(1000);
        b.HasOne<OutboxMessage>().WithMany().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.OutboxMessageId);
    }
}

internal sealed class BouncedAddressConfiguration : IEntityTypeConfiguration<BouncedAddress>
{
    public void Configure(EntityTypeBuilder<BouncedAddress> b)
    {
        b.ToTable("BouncedAddresses");
        b.HasKey(a => a.Address);
        b.Property(a => a.Address).HasMaxLength(320);
        b.Property(a => a.Reply).HasMaxLength(1000);
    }
}
