using Clientele.Features.Audit;
using Clientele.Features.Clients;
using Clientele.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Contacts;

public sealed class ConsentInput
{
    public ConsentChannel Channel { get; set; }
    public bool Granted { get; set; }
    public DateTime? RecordedAt { get; set; }
    public string? Source { get; set; }
}

public sealed class ContactPersonInput
{
    public long ClientId { get; set; }
    public string? Name { get; set; }
    public string? Position { get; set; }
    public string[]? Phones { get; set; }
    public string[]? Emails { get; set; }
    public string? Messenger { get; set; }
    public DateOnly? Birthday { get; set; }
    public string? PreferredLanguage { get; set; }
    public ConsentInput[]? Consents { get; set; }
}

public sealed record ConsentResponse(ConsentChannel Channel, bool Granted, DateTime RecordedAt, string? Source);

public sealed record ContactPersonResponse(
    long Id, long ClientId, string Name, string? Position, string[] Phones, string[] Emails, string? Messenger,
    DateOnly? Birthday, string? PreferredLanguage, ConsentResponse[] Consents, DateTime CreatedAt, DateTime UpdatedAt, long Version);

public static class ContactPersonsApi
{
    public static readonly EntitySpec<ContactPerson, ContactPersonInput, ContactPersonResponse> Spec = new()
    {
        Name = "Contact person",
        Query = db => db.ContactPersons,
        ToInput = p => new ContactPersonInput
        {
            ClientId = p.ClientId, Name = p.Name, Position = p.Position, Phones = [.. p.Phones], Emails = [.. p.Emails],
            Messenger = p.Messenger, Birthday = p.Birthday, PreferredLanguage = p.PreferredLanguage,
            Consents = [.. p.Consents.Select(c => new ConsentInput { Channel = c.Channel, Granted = c.Granted, RecordedAt = c.RecordedAt, Source = c.Source })],
        },
        ToResponse = p => new ContactPersonResponse(p.Id, p.ClientId, p.Name, p.Position, [.. p.Phones], [.. p.Emails], p.Messenger,
            p.Birthday, p.PreferredLanguage, [.. p.Consents.Select(c => new ConsentResponse(c.Channel, c.Granted, c.RecordedAt, c.Source))],
            p.CreatedAt, p.UpdatedAt, p.Version),
        Check = CheckAsync,
        Create = input => Apply(new ContactPerson { Name = input.Name! }, input),
        Apply = (p, input) => Apply(p, input),
        UpdateDependants = (db, p, ct) => ClientSearch.SyncAsync(db, p.ClientId, ct),
    };

    public static RouteGroupBuilder MapContactPersons(this RouteGroupBuilder api)
    {
        // Contact persons are client rows with e-mails and phones: every page and card read is on the trail.
        api.MapEntity("/contact-persons", "Contact persons", Spec, (query, request) =>
            EntityEndpoints.LongQuery(request, "clientId") is { } clientId ? query.Where(p => p.ClientId == clientId) : query)
            .AuditsClientRows(value => value switch
            {
                Page<ContactPersonResponse> page => [.. page.Items.Select(p => p.ClientId)],
                ContactPersonResponse person => [person.ClientId],
                _ => null,
            });
        return api;
    }

    private static async Task<Errors> CheckAsync(CheckContext<ContactPerson> ctx, ContactPersonInput input)
    {
        var e = new Errors();
        if (ctx.Existing is { } existing && existing.ClientId != input.ClientId)
            e.Add("clientId", Message.Of("a contact person cannot be moved to another client."));
        else if (ctx.Existing is null && !await ctx.Db.Clients.AnyAsync(c => c.Id == input.ClientId, ctx.Cancellation))
            e.Add("clientId", Message.Of("there is no client {0}.", input.ClientId));
        input.Name = e.Required("name", input.Name, 200);
        input.Position = e.Optional("position", input.Position, 200);
        input.Messenger = e.Optional("messenger", input.Messenger, 100);
        input.Phones = [.. (input.Phones ?? []).Select((p, i) => e.Phone($"phones[{i}]", p, ctx.PhoneRegion)).OfType<string>().Distinct()];
        input.Emails = [.. (input.Emails ?? []).Select((m, i) => e.Email($"emails[{i}]", m)).OfType<string>().Distinct()];
        if (input.Phones.Length > 10) e.Add("phones", Message.Of("at most 10 phone numbers."));
        if (input.Emails.Length > 10) e.Add("emails", Message.Of("at most 10 e-mail addresses."));
        input.PreferredLanguage = e.Optional("preferredLanguage", input.PreferredLanguage, 5)?.ToLowerInvariant();
        if (input.PreferredLanguage is { } lang && lang is not ("ru" or "de" or "en"))
            e.Add("preferredLanguage", Message.Of("must be ru, de or en."));
        if (input.Birthday is { } birthday && (birthday.Year < 1900 || birthday > DateOnly.FromDateTime(ctx.Db.UtcNow)))
            e.Add("birthday", Message.Of("must be a past date after 1900."));
        var consents = input.Consents ?? [];
        for (var i = 0; i < consents.Length; i++)
        {
            e.Defined($"consents[{i}].channel", consents[i].Channel);
            consents[i].Source = e.Optional($"consents[{i}].source", consents[i].Source, 200);
            consents[i].RecordedAt ??= ctx.Db.UtcNow;
        }
        if (consents.GroupBy(c => c.Channel).Any(g => g.Count() > 1)) e.Add("consents", Message.Of("one consent per channel."));
        // A "no" stands until the person says otherwise: only the owner turns it into a "yes", stating how (issue 17;
        // the same rule as the consents API, ConsentWriter). A marketer cannot write here at all.
        for (var i = 0; ctx.Existing is not null && i < consents.Length; i++)
        {
            var said = ctx.Existing.Consents.Where(c => c.Channel == consents[i].Channel).OrderBy(c => c.RecordedAt).LastOrDefault();
            if (said is not { Granted: false } || !consents[i].Granted) continue;
            if (ctx.Db.Access.Role is not (null or Identity.EmployeeRole.Owner))
                e.Add($"consents[{i}].granted", Message.Of("the person refused this channel: only the owner can record a new consent, with its source."));
            else if (consents[i].Source is null)
                e.Add($"consents[{i}].source", Message.Of("after a refusal, state how the person consented again."));
        }
        return e;
    }

    private static ContactPerson Apply(ContactPerson p, ContactPersonInput input)
    {
        p.ClientId = input.ClientId; p.Name = input.Name!; p.Position = input.Position; p.Phones = [.. input.Phones ?? []];
        p.Emails = [.. input.Emails ?? []]; p.Messenger = input.Messenger; p.Birthday = input.Birthday; p.PreferredLanguage = input.PreferredLanguage;
        // A consent keeps the time it was first recorded unless its answer changes.
        p.Consents = [.. (input.Consents ?? []).Select(c =>
        {
            var before = p.Consents.FirstOrDefault(x => x.Channel == c.Channel);
            var at = before is not null && before.Granted == c.Granted ? before.RecordedAt : c.RecordedAt!.Value;
            return new Consent { Channel = c.Channel, Granted = c.Granted, RecordedAt = at, Source = c.Source };
        })];
        return p;
    }
}
