using Clientele.Features.Access;
using Clientele.Features.Clients;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Duplicates;

public enum RepeatedField { TaxId, Phone, Email }

/// <summary>An existing client the reader can see that has the same tax id, phone or e-mail as a new one.</summary>
public sealed record ClientRepeat(long ClientId, string ClientName, RepeatedField Field)
{
    public string Link => $"/clients/{ClientId}";

    /// <summary>The field's name as the API's JSON and problem answers spell it.</summary>
    public string FieldName => Field switch { RepeatedField.TaxId => "taxId", RepeatedField.Phone => "phone", _ => "email" };

    /// <summary>"tax id", "phone", "e-mail" in the reader's language.</summary>
    public Message FieldWord => Field switch
    {
        RepeatedField.TaxId => Message.Of<DoorText>("tax id"),
        RepeatedField.Phone => Message.Of<DoorText>("phone"),
        _ => Message.Of<DoorText>("e-mail"),
    };

    public Message Title => Message.Of<DoorText>("A client with this {0} exists: {1} (id {2}).", FieldWord, ClientName, ClientId);
}

/// <summary>
/// Duplicates caught at the door: the API's create and the new-client form ask the same question, "does a client I
/// can see already have this tax id, phone or e-mail?". The row filters keep clients the reader cannot see out of the
/// answer (a manager is never told about another manager's client), and a field the reader sees masked is not asked
/// about at all, so the question cannot be used to probe it (issue 17).
/// </summary>
public static class ClientRepeats
{
    /// <summary>The first visible client with one of these stored-form values (tax id first, then phone, then e-mail).</summary>
    public static async Task<ClientRepeat?> FindAsync(ClienteleDb db, string? taxId, string? phone, string? email, CancellationToken ct)
    {
        var access = db.Access;
        var clients = db.Clients.AsNoTracking();
        if (taxId is not null)
        {
            var sameTaxId = clients.Where(c => c.TaxId == taxId);
            // A person's tax id is sensitive (FieldMasks): only a company's is asked about for a reader who sees it masked.
            if (access.MasksSensitive) sameTaxId = sameTaxId.Where(c => c.Kind != ClientKind.Person);
            if (await FirstAsync(sameTaxId, access, RepeatedField.TaxId, ct) is { } byTaxId) return byTaxId;
        }
        if (access.MasksContacts) return null;
        if (phone is not null && await FirstAsync(clients.Where(c => c.Phone == phone), access, RepeatedField.Phone, ct) is { } byPhone)
            return byPhone;
        if (email is not null && await FirstAsync(clients.Where(c => c.Email == email), access, RepeatedField.Email, ct) is { } byEmail)
            return byEmail;
        return null;
    }

    /// <summary>
    /// The same question for values as a user types them: each is read by the rule the save will use (ClientRules),
    /// and a value the rule refuses is not asked about.
    /// </summary>
    public static Task<ClientRepeat?> FindTypedAsync(ClienteleDb db, string? taxId, string? country, string? phone, string? email,
        string phoneRegion, CancellationToken ct)
    {
        var scratch = new Errors();
        var readCountry = country?.Trim().ToUpperInvariant() is { Length: 2 } code && code.All(char.IsAsciiLetterUpper) ? code : null;
        var storedTaxId = scratch.TaxId("taxId", taxId, readCountry);
        var storedPhone = scratch.Phone("phone", phone, phoneRegion);
        var storedEmail = scratch.Email("email", email);
        return FindAsync(db,
            scratch.Has("taxId") ? null : storedTaxId,
            scratch.Has("phone") ? null : storedPhone,
            scratch.Has("email") ? null : storedEmail, ct);
    }

    /// <summary>The API's 409 for a create that repeats a visible client, or null.</summary>
    public static async Task<ProblemHttpResult?> ProblemAsync(ClienteleDb db, ClientInput input, CancellationToken ct)
    {
        if (await FindAsync(db, input.TaxId, input.Phone, input.Email, ct) is not { } repeat) return null;
        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
            title: repeat.Title.Render(),
            detail: Message.Of<DoorText>("Open it at {0}, or send the request again with ?allowDuplicate=true if a second client with the same {1} is intended.",
                repeat.Link, repeat.FieldWord).Render(),
            extensions: new Dictionary<string, object?>
            {
                ["existingId"] = repeat.ClientId,
                ["existingUrl"] = $"/api/v1/clients/{repeat.ClientId}",
                ["field"] = repeat.FieldName,
            });
    }

    private static async Task<ClientRepeat?> FirstAsync(IQueryable<Client> query, AccessScope access, RepeatedField field, CancellationToken ct)
    {
        var hit = await query.OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct);
        return hit is null ? null : new ClientRepeat(hit.Id, FieldMasks.MaskName(access, hit.Id, hit.Name), field);
    }
}
