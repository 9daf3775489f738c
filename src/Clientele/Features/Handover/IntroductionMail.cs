using Clientele.Features.Campaigns;
using Clientele.Features.Company;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Handover;

/// <summary>
/// The hand-over's introduction e-mail ("your new manager is …"): one transactional outbox message per client to the
/// contact person our side talked to most, in that person's language (else the client's country's, else the company's),
/// sent by the campaign sender. Quiet hours apply; the marketing caps and the marketing consent do not — it is a service
/// notice about who serves the client, not an offer. A bounced address is not written to.
/// </summary>
public sealed class IntroductionMail(ClienteleDb db, TimeProvider clock)
{
    public static readonly string[] Languages = ["ru", "de", "en"];

    /// <summary>Queues the e-mail of each row that has an address and sets its <see cref="HandoverClient.IntroMailId"/>; the count queued.</summary>
    public async Task<int> QueueAsync(IReadOnlyList<HandoverClient> rows, string departingName, CancellationToken ct)
    {
        var ids = rows.Select(r => r.ClientId).ToList();
        var clients = await db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Country }).ToDictionaryAsync(c => c.Id, c => c.Country, ct);
        var persons = await db.ContactPersons.AsNoTracking().Where(p => ids.Contains(p.ClientId))
            .Select(p => new { p.Id, p.ClientId, p.Name, p.Emails, p.PreferredLanguage }).ToListAsync(ct);
        var spoken = await db.Interactions.AsNoTracking().Where(i => ids.Contains(i.ClientId) && i.ContactPersonId != null)
            .GroupBy(i => i.ContactPersonId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var bounced = (await db.Set<BouncedAddress>().AsNoTracking().Select(b => b.Address).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var successors = await db.Set<Employee>().AsNoTracking().Select(e => new { e.Id, e.DisplayName, e.Email }).ToDictionaryAsync(e => e.Id, ct);
        var company = await db.CompanySettings.AsNoTracking().Select(s => new { s.Name, s.DefaultPhoneRegion }).SingleOrDefaultAsync(ct);
        var policy = await db.Set<ContactPolicy>().AsNoTracking().SingleOrDefaultAsync(ct) ?? new ContactPolicy();
        var days = await CompanyDays.OfAsync(db, ct);
        var sendAt = ContactCaps.OutOfQuietHours(clock.GetUtcNow().UtcDateTime, CapRules.Of(policy, days.Zone));
        var now = clock.GetUtcNow().UtcDateTime;

        var queued = new List<(HandoverClient Row, OutboxMessage Message)>();
        foreach (var row in rows)
        {
            var person = persons.Where(p => p.ClientId == row.ClientId && p.Emails.Any(a => !bounced.Contains(a)))
                .OrderByDescending(p => spoken.GetValueOrDefault(p.Id)).ThenBy(p => p.Id).FirstOrDefault();
            if (person is null || successors.GetValueOrDefault(row.SuccessorId!.Value) is not { } successor) continue;
            var language = LanguageOf(person.PreferredLanguage, clients.GetValueOrDefault(row.ClientId) ?? company?.DefaultPhoneRegion);
            var message = new OutboxMessage
            {
                ClientId = row.ClientId, ContactPersonId = person.Id, Kind = OutboxKind.Transactional, Address = person.Emails.First(a => !bounced.Contains(a)),
                Language = language, Status = OutboxStatus.Queued, Postponed = sendAt > now, NotBefore = sendAt, CreatedAt = now,
                Notice = Message.EncodeAll(Text(person.Name, successor.DisplayName, successor.Email, departingName, company?.Name ?? "")),
            };
            db.Add(message);
            queued.Add((row, message));
        }
        if (queued.Count == 0) return 0;
        await db.SaveChangesAsync(ct);
        foreach (var (row, message) in queued) row.IntroMailId = message.Id;
        return queued.Count;
    }

    /// <summary>The subject, then the paragraphs, as kinds: the sender words them in the message's language.</summary>
    public static IEnumerable<Message> Text(string person, string successor, string? successorEmail, string departing, string company)
    {
        yield return company.Length > 0 ? Message.Of<HandoverText>("Your new manager at {0}", company) : Message.Of<HandoverText>("Your new manager");
        yield return Message.Of<HandoverText>("Dear {0},", person);
        yield return Message.Of<HandoverText>("from today {0} is your manager with us and takes over from {1}, with everything you have agreed so far.", successor, departing);
        yield return successorEmail is { Length: > 0 }
            ? Message.Of<HandoverText>("You can reach {0} at {1}. We look forward to working with you.", successor, successorEmail)
            : Message.Of<HandoverText>("We look forward to working with you.");
    }

    /// <summary>The person's own language if we write in it, else the one of their country (ISO 3166-1), else English.</summary>
    public static string LanguageOf(string? preferred, string? country)
    {
        if (preferred is { Length: >= 2 } own && Languages.Contains(own[..2].ToLowerInvariant())) return own[..2].ToLowerInvariant();
        return country?.ToUpperInvariant() switch
        {
            "RU" or "BY" or "KZ" or "KG" => "ru",
            "DE" or "AT" or "CH" or "LI" or "LU" => "de",
            _ => "en",
        };
    }
}
