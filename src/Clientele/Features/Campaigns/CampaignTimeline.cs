using Clientele.Features.Clients;
using Clientele.Features.Contacts;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Campaigns;

/// <summary>
/// The campaign messages on a client's timeline: which campaign went to which contact person and what became of it.
/// The roles that may read a client's campaign messages in the API see them here; an analyst's card shows none. The
/// address is not shown: the person's name comes from the card's own (masked) contact persons.
/// </summary>
public static class CampaignTimeline
{
    public static async Task<List<TimelineItem>> ItemsAsync(ClienteleDb db, long clientId, IReadOnlyList<ContactPerson> contacts, int depth, CancellationToken ct)
    {
        if (db.Access.Role is not (EmployeeRole.Owner or EmployeeRole.Manager or EmployeeRole.Marketer)) return [];
        var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.ClientId == clientId && m.Status != OutboxStatus.Holdout)
            .OrderByDescending(m => m.Id).Take(depth)
            .Select(m => new { m.Id, m.ContactPersonId, m.Status, m.NotBefore, m.SentAt, m.OptedOutAt,
                Campaign = db.Set<Campaign>().Where(c => c.Id == m.CampaignId).Select(c => c.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var names = contacts.ToDictionary(p => p.Id, p => p.Name);
        return [.. rows.Select(m => new TimelineItem(m.SentAt ?? m.NotBefore, TimelineKind.Message,
            Message.Of<CampaignText>("Campaign “{0}” to {1}: {2}", m.Campaign ?? "—", names.GetValueOrDefault(m.ContactPersonId) ?? "—", StatusOf(m.Status)).Render(),
            m.OptedOutAt is null ? null : Message.Of<CampaignText>("The recipient unsubscribed.").Render(), null, false, m.Id, 0))];
    }

    /// <summary>What became of a message, as a reader is told.</summary>
    public static Message StatusOf(OutboxStatus status) => status switch
    {
        OutboxStatus.Queued => Message.Of<CampaignText>("waiting to be sent"),
        OutboxStatus.Sending => Message.Of<CampaignText>("being sent"),
        OutboxStatus.Sent => Message.Of<CampaignText>("accepted by the mail server"),
        OutboxStatus.Failed => Message.Of<CampaignText>("could not be sent"),
        OutboxStatus.Bounced => Message.Of<CampaignText>("the address bounced"),
        OutboxStatus.SkippedByCap => Message.Of<CampaignText>("not sent: over the contact policy"),
        OutboxStatus.ConsentWithdrawn => Message.Of<CampaignText>("not sent: the consent was withdrawn"),
        _ => Message.Of<CampaignText>("in the control group"),
    };
}
