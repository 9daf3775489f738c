using System.Globalization;
using System.Text.Json;
using Clientele.Features.Clients;
using Clientele.Features.Contacts;
using Clientele.Features.Duplicates;
using Clientele.Features.Imports.Mapping;
using Clientele.Features.Imports.Reading;

namespace Clientele.Features.Imports.Engine;

/// <summary>
/// Turns the reader's current row into a validated, normalised <see cref="StagedClient"/>, or one rejected with the
/// field and the reason, by the rules the client form applies (lengths, control characters, e-mail, phone, tax id).
/// </summary>
public sealed class ClientRowParser(ColumnMap map, ImportLookups lookups, string defaultRegion, PhoneCache phones)
{
    private readonly int?[] _columns = ClientFieldKeys.All.Select(map.ColumnOf).ToArray();

    private string? Get(ITabularReader reader, string field)
    {
        var column = _columns[ClientFieldKeysIndex.Of(field)];
        if (column is null) return null;
        var value = reader[column.Value];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public StagedClient Parse(ITabularReader reader, long seq)
    {
        var row = new StagedClient { Seq = seq, Line = reader.Line };
        if (reader.RowError is { } readerError) return Reject(row, readerError, null);
        var errors = new Errors();

        if (Get(reader, ClientFieldKeys.Kind) is { } kindText)
        {
            if (ImportLookups.KindOf(kindText) is { } kind) row.Kind = (int)kind;
            else return Reject(row, $"'{kindText}' is not a kind of client (company or person).", ClientFieldKeys.Kind);
        }
        if (Get(reader, ClientFieldKeys.Role) is { } roleText)
        {
            if (ImportLookups.RoleOf(roleText) is { } role) row.Role = (int)role;
            else return Reject(row, $"'{roleText}' is not a client role (end customer, dealer, distributor, agent, partner).", ClientFieldKeys.Role);
        }
        if (Get(reader, ClientFieldKeys.Status) is { } statusText)
        {
            var status = ImportLookups.StatusOf(statusText);
            if (status is null) return Reject(row, $"'{statusText}' is not a client status (potential, active).", ClientFieldKeys.Status);
            // A lost client needs a day and a reason the file does not carry; the card's "mark lost" records both.
            if (status == ClientStatus.Lost) return Reject(row, "lost clients cannot be imported; import them as active and mark them lost on the card.", ClientFieldKeys.Status);
            row.Status = (int)status;
        }

        row.ContactName = errors.Optional(ClientFieldKeys.ContactName, Get(reader, ClientFieldKeys.ContactName), 200);
        var name = Get(reader, ClientFieldKeys.Name);
        // A person is often listed by the contact's name alone (address books, vCards).
        if (name is null && row.Kind == (int)ClientKind.Person) name = row.ContactName;
        row.Name = errors.Required(ClientFieldKeys.Name, name, ClientRules.NameMax);
        row.LegalName = errors.Optional(ClientFieldKeys.LegalName, Get(reader, ClientFieldKeys.LegalName), ClientRules.NameMax);
        row.ExternalCode = errors.Optional(ClientFieldKeys.Code, Get(reader, ClientFieldKeys.Code), ClientRules.ExternalCodeMax);
        row.Industry = errors.Optional(ClientFieldKeys.Industry, Get(reader, ClientFieldKeys.Industry), 100);
        row.Region = errors.Optional(ClientFieldKeys.Region, Get(reader, ClientFieldKeys.Region), 100);
        row.City = errors.Optional(ClientFieldKeys.City, Get(reader, ClientFieldKeys.City), 100);
        row.Country = errors.Optional(ClientFieldKeys.Country, Get(reader, ClientFieldKeys.Country), 2)?.ToUpperInvariant();
        if (row.Country is { } country && !(country.Length == 2 && country.All(char.IsAsciiLetterUpper)))
            errors.Add(ClientFieldKeys.Country, Message.Of("'{0}' is not a two-letter ISO 3166 country code.", country));
        // The tax id is read by the client's country (ADR 021). 1C lists "ИНН/КПП" in one cell: the INN is the tax id, the
        // KPP kept beside it unless the file has a KPP column of its own. Reasons are stored as kinds (ADR 022).
        var taxCountry = errors.Has(ClientFieldKeys.Country) ? null : row.Country;
        var (taxCell, kppInCell) = Get(reader, ClientFieldKeys.TaxId) is { } cell ? Reading.OneC.SplitTaxId(cell) : (null, null);
        var taxId = errors.TaxId(ClientFieldKeys.TaxId, taxCell, taxCountry);
        row.TaxId = errors.Has(ClientFieldKeys.TaxId) ? null : taxId;
        var kpp = errors.Kpp(ClientFieldKeys.Kpp, Get(reader, ClientFieldKeys.Kpp) ?? kppInCell, row.TaxId, taxCountry);
        row.Kpp = errors.Has(ClientFieldKeys.Kpp) ? null : kpp;
        row.Website = errors.Optional(ClientFieldKeys.Website, Get(reader, ClientFieldKeys.Website), 300);
        if (row.Website is { } site && !Uri.TryCreate(site.Contains("://") ? site : "https://" + site, UriKind.Absolute, out _))
            errors.Add(ClientFieldKeys.Website, Message.Of("'{0}' is not a web address.", site));
        row.Phone = phones.Check(errors, ClientFieldKeys.Phone, Get(reader, ClientFieldKeys.Phone), defaultRegion, out var phoneOutsidePlan);
        row.Email = EmailFastPath.Check(errors, ClientFieldKeys.Email, Get(reader, ClientFieldKeys.Email));
        row.Notes = errors.Optional(ClientFieldKeys.Notes, Get(reader, ClientFieldKeys.Notes), ClientRules.NotesMax);
        row.ContactPosition = errors.Optional(ClientFieldKeys.ContactPosition, Get(reader, ClientFieldKeys.ContactPosition), 200);
        row.ContactPhone = phones.Check(errors, ClientFieldKeys.ContactPhone, Get(reader, ClientFieldKeys.ContactPhone), defaultRegion, out var contactPhoneOutsidePlan);
        row.ContactEmail = EmailFastPath.Check(errors, ClientFieldKeys.ContactEmail, Get(reader, ClientFieldKeys.ContactEmail));
        if (row.ContactName is null && (row.ContactPosition ?? row.ContactPhone ?? row.ContactEmail) is not null)
            errors.Add(ClientFieldKeys.ContactName, Message.Of("is required when the row has a contact person's position, phone or e-mail."));

        if (Get(reader, ClientFieldKeys.Manager) is { } manager)
        {
            row.ManagerId = lookups.Manager(manager);
            if (row.ManagerId is null) errors.Add(ClientFieldKeys.Manager, Message.Of("unknown manager '{0}'.", Short(manager)));
        }
        if (Get(reader, ClientFieldKeys.Channel) is { } channel)
        {
            row.ChannelId = lookups.Channel(channel);
            if (row.ChannelId is null) errors.Add(ClientFieldKeys.Channel, Message.Of("unknown acquisition channel '{0}'.", Short(channel)));
        }
        if (Get(reader, ClientFieldKeys.AcquiredOn) is { } acquired)
        {
            if (ImportValues.TryParseDate(acquired, out var day, out var dateError)) row.AcquiredOn = day;
            else errors.Add(ClientFieldKeys.AcquiredOn, Message.Of("'{0}' is not a date.", Short(acquired)));
        }
        if (Get(reader, ClientFieldKeys.Tags) is { } tagText)
        {
            var tags = tagText.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            if (tags.Length > ClientRules.MaxTags) errors.Add(ClientFieldKeys.Tags, Message.Of("at most {0} tags.", ClientRules.MaxTags));
            foreach (var tag in tags)
                if (tag.Length > ClientRules.TagMax) errors.Add(ClientFieldKeys.Tags, Message.Of("tag '{0}' is longer than {1} characters.", Short(tag), ClientRules.TagMax));
                else if (Infrastructure.Security.ControlCharacters.Problem(tag, multiLine: false) is { } problem) errors.Add(ClientFieldKeys.Tags, problem);
            row.Tags = tags.Length == 0 ? null : JsonSerializer.Serialize(tags);
        }
        if (errors.Any)
        {
            var field = ClientFieldKeys.All.First(errors.Has);
            return Reject(row, errors.FirstMessage(field)!.Encode(), field);
        }

        // A number the plan does not know is no reason to drop the client: kept as written, the report says so.
        if (phoneOutsidePlan || contactPhoneOutsidePlan)
            row.Warning = IdText.Say(CultureInfo.InvariantCulture, OutsidePlan, phoneOutsidePlan ? row.Phone! : row.ContactPhone!);
        row.NameKey = ClientSearch.Key(row.Name!);
        row.Terms = JsonSerializer.Serialize(TermsOf(row));
        row.Action = ImportRowAction.Create;
        return row;
    }

    /// <summary>The search terms the row brings to its client: its own words and keys, and its contact person's.</summary>
    public static IEnumerable<string> TermsOf(StagedClient row)
    {
        var client = new Client { Name = row.Name!, LegalName = row.LegalName, TaxId = row.TaxId, Phone = row.Phone, Email = row.Email };
        var contacts = row.ContactName is null ? [] : new[] { ContactOf(row) };
        return ClientSearch.TermsFor(client, contacts);
    }

    public static ContactPerson ContactOf(StagedClient row) => new()
    {
        Name = row.ContactName!,
        Position = row.ContactPosition,
        Phones = row.ContactPhone is null ? [] : [row.ContactPhone],
        Emails = row.ContactEmail is null ? [] : [row.ContactEmail],
    };

    /// <summary>The duplicate keys of the row: E.164 phone, e-mail, tax id, each hashed to 64 bits.</summary>
    public static void Hash(StagedClient row)
    {
        row.PhoneHash = KeyHash.Of(row.Phone);
        row.EmailHash = KeyHash.Of(row.Email);
        row.TaxIdHash = KeyHash.Of(row.TaxId is null ? null : DuplicateKeys.TaxId(row.TaxId));
    }

    private static StagedClient Reject(StagedClient row, string reason, string? field)
    {
        row.Action = ImportRowAction.Reject;
        row.Reason = reason;
        row.Field = field;
        return row;
    }

    /// <summary>The warning of a phone kept as written (a resource key of <see cref="IdText"/>).</summary>
    public const string OutsidePlan = "'{0}' is not in its country's numbering plan; kept as written.";

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

/// <summary>Index of a field key in <see cref="ClientFieldKeys.All"/>.</summary>
internal static class ClientFieldKeysIndex
{
    private static readonly Dictionary<string, int> Index = ClientFieldKeys.All.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);

    public static int Of(string field) => Index[field];
}
