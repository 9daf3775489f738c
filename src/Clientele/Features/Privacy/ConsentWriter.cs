using Clientele.Features.Audit;
using Clientele.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Privacy;

/// <summary>Gives and withdraws consents (one call each, for the API and the card alike) and reads a client's consents.</summary>
public sealed class ConsentWriter(ClienteleDb db, AuditLog audit)
{
    public async Task<PrivacyResult<ConsentRecordResponse>> GiveAsync(long clientId, GiveConsentInput input, long? by, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) return PrivacyResult<ConsentRecordResponse>.NotFound($"Client {clientId} does not exist.");
        var now = db.UtcNow;
        var errors = ConsentRules.Check(input, now);
        ContactPerson? person = null;
        if (input.ContactPersonId is { } personId)
        {
            person = await db.ContactPersons.SingleOrDefaultAsync(p => p.Id == personId && p.ClientId == clientId, ct);
            if (person is null) errors.Add("contactPersonId", $"client {clientId} has no contact person {personId}.");
        }
        if (input.ConsentTextId is { } textId && !await db.Set<ConsentText>().AnyAsync(t => t.Id == textId, ct))
            errors.Add("consentTextId", $"there is no consent text {textId}.");
        if (errors.Any) return PrivacyResult<ConsentRecordResponse>.Invalid(errors);

        var consent = new PersonalDataConsent
        {
            ClientId = clientId, ContactPersonId = input.ContactPersonId, Channel = input.Channel!.Value, Purpose = input.Purpose!.Value,
            Source = input.Source!.Value, GrantedAt = input.GrantedAt?.ToUniversalTime() ?? now, Text = input.Text?.Trim() is { Length: > 0 } t ? t : null,
            ConsentTextId = input.ConsentTextId, RecordedById = by, RecordedAt = now,
        };
        db.Add(consent);
        if (person is not null) Mirror(person, consent.Channel, consent.Purpose, granted: true, consent.GrantedAt, consent.Source);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditAction.ConsentChanged, by, nameof(PersonalDataConsent), consent.Id, [clientId],
            $"granted {consent.Channel}/{consent.Purpose} ({consent.Source})"), ct);
        return PrivacyResult<ConsentRecordResponse>.Ok((await ListAsync(clientId, ct))!.History.Single(r => r.Id == consent.Id));
    }

    public async Task<PrivacyResult<ConsentRecordResponse>> WithdrawAsync(long clientId, long consentId, ConsentSource? source, long? by, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) return PrivacyResult<ConsentRecordResponse>.NotFound($"Client {clientId} does not exist.");
        var consent = await db.Set<PersonalDataConsent>().SingleOrDefaultAsync(c => c.Id == consentId && c.ClientId == clientId, ct);
        if (consent is null) return PrivacyResult<ConsentRecordResponse>.NotFound($"Client {clientId} has no consent {consentId}.");
        if (source is { } s && !Enum.IsDefined(s))
        {
            var errors = new Errors();
            errors.Defined("source", s);
            return PrivacyResult<ConsentRecordResponse>.Invalid(errors);
        }
        if (consent.WithdrawnAt is not null)
            return PrivacyResult<ConsentRecordResponse>.Conflict($"Consent {consentId} was already withdrawn on {consent.WithdrawnAt:u}.");

        var now = db.UtcNow;
        (consent.WithdrawnAt, consent.WithdrawalSource, consent.WithdrawnById) = (now, source ?? ConsentSource.Other, by);
        // Withdrawing a record that a later one superseded changes history only; the old contact list follows the current state.
        var isCurrent = !await db.Set<PersonalDataConsent>().AnyAsync(l => l.ClientId == clientId && l.ContactPersonId == consent.ContactPersonId
            && l.Channel == consent.Channel && l.Purpose == consent.Purpose && l.Id > consent.Id, ct);
        if (isCurrent && consent.ContactPersonId is { } personId && await db.ContactPersons.SingleOrDefaultAsync(p => p.Id == personId, ct) is { } person)
            Mirror(person, consent.Channel, consent.Purpose, granted: false, now, consent.WithdrawalSource.Value);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditAction.ConsentChanged, by, nameof(PersonalDataConsent), consent.Id, [clientId],
            $"withdrew {consent.Channel}/{consent.Purpose} ({consent.WithdrawalSource})"), ct);
        return PrivacyResult<ConsentRecordResponse>.Ok((await ListAsync(clientId, ct))!.History.Single(r => r.Id == consent.Id));
    }

    /// <summary>Null when there is no such client.</summary>
    public async Task<ClientConsentsResponse?> ListAsync(long clientId, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) return null;
        var records = await db.Set<PersonalDataConsent>().AsNoTracking().Where(c => c.ClientId == clientId)
            .OrderByDescending(c => c.Id)
            .Select(c => new
            {
                Consent = c,
                TextCode = c.ConsentText == null ? null : c.ConsentText.Code,
                TextVersion = c.ConsentText == null ? (int?)null : c.ConsentText.Version,
                TextBody = c.ConsentText == null ? null : c.ConsentText.Body,
            })
            .ToListAsync(ct);
        var names = await db.ContactPersons.AsNoTracking().Where(p => p.ClientId == clientId).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var seen = new HashSet<(long?, ContactChannel, ConsentPurpose)>();
        var history = records.Select(r =>
        {
            var c = r.Consent;
            var current = seen.Add((c.ContactPersonId, c.Channel, c.Purpose));
            return new ConsentRecordResponse(c.Id, c.ClientId, c.ContactPersonId,
                c.ContactPersonId is { } p ? names.GetValueOrDefault(p) : null, c.Channel, c.Purpose, c.GrantedAt, c.Source,
                c.Text ?? r.TextBody, c.ConsentTextId, r.TextCode, r.TextVersion, c.RecordedById, c.RecordedAt, c.WithdrawnAt,
                c.WithdrawalSource, c.WithdrawnById, current, current && c.WithdrawnAt is null);
        }).ToList();
        return new ClientConsentsResponse(clientId, [.. history.Where(h => h.IsCurrent)], history);
    }

    /// <summary>
    /// Keeps the contact person's older per-channel consent list (shown on the card, used by mailings written before
    /// this table) in step with the marketing consents recorded here.
    /// </summary>
    private static void Mirror(ContactPerson person, ContactChannel channel, ConsentPurpose purpose, bool granted, DateTime at, ConsentSource source)
    {
        if (purpose != ConsentPurpose.Marketing) return;
        ConsentChannel? old = channel switch
        {
            ContactChannel.Email => ConsentChannel.Email,
            ContactChannel.Sms => ConsentChannel.Sms,
            ContactChannel.Phone => ConsentChannel.Phone,
            _ => null,
        };
        if (old is not { } oldChannel) return;
        // A new list, so that the change tracker sees the owned JSON collection change.
        person.Consents = [.. person.Consents.Where(c => c.Channel != oldChannel),
            new Consent { Channel = oldChannel, Granted = granted, RecordedAt = at, Source = source.ToString() }];
    }
}
