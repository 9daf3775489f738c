using Clientele.Features.Audit;
using Clientele.Features.Contacts;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Privacy;

/// <summary>Gives and withdraws consents (one call each, for the API and the card alike) and reads a client's consents.</summary>
/// <remarks>
/// Who may record what (SECURITY.md, personal-data law): a consent is recorded by whoever received it — the client's
/// manager, the owner, an import or the command line with its source — never by the role whose view it unlocks (a
/// marketer sees a contact's phone and e-mail once the person consents). A refusal (the current record withdrawn, or
/// the contact person's own list saying no) is changed only by the owner, stating how the person gave the consent again.
/// </remarks>
public sealed class ConsentWriter(ClienteleDb db, AuditLog audit, IStringLocalizer<PrivacyText> text)
{
    /// <summary>The ways a person can give a consent that the owner can point to when they change a refusal.</summary>
    public static readonly ConsentSource[] StatedSources =
        [ConsentSource.WebForm, ConsentSource.Paper, ConsentSource.Call, ConsentSource.Email, ConsentSource.InPerson];

    /// <summary>Owners and managers record consents; so do jobs and the command line (no role). Not the roles that read them.</summary>
    public bool MayRecord => db.Access.Role is null or EmployeeRole.Owner or EmployeeRole.Manager;

    private PrivacyResult<ConsentRecordResponse> Refused() =>
        PrivacyResult<ConsentRecordResponse>.Forbidden(text["Consents are recorded by whoever received them: the client's manager or the owner. Your role may read them but not record or change them."]);

    public async Task<PrivacyResult<ConsentRecordResponse>> GiveAsync(long clientId, GiveConsentInput input, long? by, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) return PrivacyResult<ConsentRecordResponse>.NotFound($"Client {clientId} does not exist.");
        if (!MayRecord) return Refused();
        var now = db.UtcNow;
        var errors = ConsentRules.Check(input, now);
        ContactPerson? person = null;
        if (input.ContactPersonId is { } personId)
        {
            person = await db.ContactPersons.SingleOrDefaultAsync(p => p.Id == personId && p.ClientId == clientId, ct);
            if (person is null) errors.Add("contactPersonId", Message.Of("client {0} has no contact person {1}.", clientId, personId));
        }
        if (input.ConsentTextId is { } textId && !await db.Set<ConsentText>().AnyAsync(t => t.Id == textId, ct))
            errors.Add("consentTextId", Message.Of("there is no consent text {0}.", textId));
        if (errors.Any) return PrivacyResult<ConsentRecordResponse>.Invalid(errors);
        if (await RefusedOnAsync(clientId, person, input.Channel!.Value, input.Purpose!.Value, ct) is { } refusedOn)
        {
            if (db.Access.Role == EmployeeRole.Manager)
                return PrivacyResult<ConsentRecordResponse>.Conflict(text["The person refused this consent on {0}. Only the owner can record it again, with the way the person gave it.", refusedOn.ToString("d")]);
            if (!StatedSources.Contains(input.Source!.Value))
            {
                errors.Add("source", Message.Of<PrivacyText>("After a refusal, state how the person gave their consent again: web form, signed paper, phone call, e-mail or in person."));
                return PrivacyResult<ConsentRecordResponse>.Invalid(errors);
            }
        }

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

    /// <summary>
    /// The person's own confirmation through a <see cref="ConsentRequest"/>'s link: records the consent (source
    /// <see cref="ConsentSource.ConfirmationLink"/>, now, the network address it came from) even over a refusal — the
    /// person is the one who may change their "no". False when the request was confirmed already (a second click).
    /// </summary>
    public async Task<bool> ConfirmAsync(ConsentRequest request, string from, CancellationToken ct)
    {
        var now = db.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The claim makes a request confirm once, however many clicks race for it.
        var claimed = await db.Set<ConsentRequest>().Where(r => r.Id == request.Id && r.ConfirmedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConfirmedAt, now).SetProperty(r => r.ConfirmedFrom, from), ct);
        if (claimed == 0) return false;
        var consent = new PersonalDataConsent
        {
            ClientId = request.ClientId, ContactPersonId = request.ContactPersonId, Channel = request.Channel, Purpose = request.Purpose,
            Source = ConsentSource.ConfirmationLink, GrantedAt = now, Text = request.Text, ConsentTextId = request.ConsentTextId, RecordedAt = now,
        };
        db.Add(consent);
        if (request.ContactPersonId is { } personId && await db.ContactPersons.SingleOrDefaultAsync(p => p.Id == personId, ct) is { } person)
            Mirror(person, consent.Channel, consent.Purpose, granted: true, now, consent.Source);
        await db.SaveChangesAsync(ct);
        await db.Set<ConsentRequest>().Where(r => r.Id == request.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ConsentId, consent.Id), ct);
        await audit.On(db).RecordAsync(new AuditEvent(AuditAction.ConsentChanged, null, nameof(PersonalDataConsent), consent.Id, [request.ClientId],
            $"granted {consent.Channel}/{consent.Purpose} ({consent.Source}) from {from}, request {request.Id}"), ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// When the person last said no to this (subject, channel, purpose): its current record is withdrawn, or — for a
    /// contact person's marketing — their own per-channel list says no. Null when there is no refusal standing.
    /// </summary>
    private async Task<DateTime?> RefusedOnAsync(long clientId, ContactPerson? person, ContactChannel channel, ConsentPurpose purpose, CancellationToken ct)
    {
        var personId = person?.Id;
        var latest = await db.Set<PersonalDataConsent>().AsNoTracking()
            .Where(c => c.ClientId == clientId && c.ContactPersonId == personId && c.Channel == channel && c.Purpose == purpose)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (latest?.WithdrawnAt is { } withdrawn) return withdrawn;
        if (person is null || purpose != ConsentPurpose.Marketing || OldChannel(channel) is not { } old) return null;
        var said = person.Consents.Where(c => c.Channel == old).OrderBy(c => c.RecordedAt).LastOrDefault();
        return said is { Granted: false } ? said.RecordedAt : null;
    }

    public async Task<PrivacyResult<ConsentRecordResponse>> WithdrawAsync(long clientId, long consentId, ConsentSource? source, long? by, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) return PrivacyResult<ConsentRecordResponse>.NotFound($"Client {clientId} does not exist.");
        if (!MayRecord) return Refused();
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
        if (purpose != ConsentPurpose.Marketing || OldChannel(channel) is not { } oldChannel) return;
        // A new list, so that the change tracker sees the owned JSON collection change.
        person.Consents = [.. person.Consents.Where(c => c.Channel != oldChannel),
            new Consent { Channel = oldChannel, Granted = granted, RecordedAt = at, Source = source.ToString() }];
    }

    private static ConsentChannel? OldChannel(ContactChannel channel) => channel switch
    {
        ContactChannel.Email => ConsentChannel.Email,
        ContactChannel.Sms => ConsentChannel.Sms,
        ContactChannel.Phone => ConsentChannel.Phone,
        _ => null,
    };
}
