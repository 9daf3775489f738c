using Clientele.Features.Clients;
using Clientele.Features.Contacts;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clientele.Features.Access;

/// <summary>
/// Hides personal fields from roles without access, on every entity read of clients and contact persons, so that the
/// API, the pages and the exports built from entities cannot show them. Projections that read these columns directly
/// (the grid, the analytics loader) call <see cref="MaskName"/> and <see cref="MaskContact"/> themselves.
/// </summary>
public sealed class FieldMasks : IMaterializationInterceptor, ISaveChangesInterceptor
{
    public static readonly FieldMasks Instance = new();

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (materializationData.Context is not ClienteleDb { Access: { MasksAnything: true } access }) return entity;
        switch (entity)
        {
            case Client client: Mask(client, access); break;
            case ContactPerson person: Mask(person, access); break;
        }
        return entity;
    }

    /// <summary>What an analyst sees instead of a client's name; queries that mask in SQL prepend it to the id too.</summary>
    public const string MaskedClientPrefix = "Client #";

    public static string MaskedClientName(long id) => MaskedClientPrefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string MaskedPersonName(long id) => $"Contact #{id}";

    /// <summary>The name a role may see: analysts see a number instead.</summary>
    public static string MaskName(AccessScope access, long clientId, string name) => access.MasksNames ? MaskedClientName(clientId) : name;

    /// <summary>A phone or e-mail a role may see: analysts never, marketers only with the person's consent.</summary>
    public static string? MaskContact(AccessScope access, string? value, bool consented) =>
        value is null || !access.MasksContacts || (access.Role == EmployeeRole.Marketer && consented) ? value : null;

    private static void Mask(Client client, AccessScope access)
    {
        if (access.MasksNames)
        {
            client.Name = MaskedClientName(client.Id);
            client.LegalName = null;
        }
        if (access.MasksSensitive)
        {
            client.Notes = null;
            if (client.Kind == ClientKind.Person) client.TaxId = null;
        }
        // A client's own phone and e-mail carry no consent record of their own; marketers reach clients through
        // the contact persons who consented.
        if (access.MasksContacts)
        {
            client.Phone = null;
            client.Email = null;
            if (client.Kind == ClientKind.Person) client.Website = null;
        }
    }

    private static void Mask(ContactPerson person, AccessScope access)
    {
        if (access.MasksNames) person.Name = MaskedPersonName(person.Id);
        if (access.MasksSensitive)
        {
            person.Birthday = null;
            person.Messenger = null;
        }
        if (access.MasksContacts)
        {
            // Consents are stored with the person but materialised after it, so the scope answers from the database.
            var marketer = access.Role == EmployeeRole.Marketer;
            if (!(marketer && access.HasConsent(person.Id, ConsentChannel.Email))) person.Emails = [];
            if (!(marketer && (access.HasConsent(person.Id, ConsentChannel.Phone) || access.HasConsent(person.Id, ConsentChannel.Sms)))) person.Phones = [];
        }
    }

    /// <summary>
    /// A masked entity must never be written back: it would replace the real values with the masks. The roles that
    /// see masks may not change clients or contact persons, so reaching this is a bug in an endpoint's role rule.
    /// </summary>
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        RefuseMaskedWrites(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        RefuseMaskedWrites(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void RefuseMaskedWrites(DbContext? context)
    {
        if (context is not ClienteleDb { Access.MasksAnything: true } db) return;
        foreach (EntityEntry entry in db.ChangeTracker.Entries())
            if (entry.Entity is Client or ContactPerson && entry.State is EntityState.Modified)
                throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} read with masked fields cannot be saved.");
    }
}
