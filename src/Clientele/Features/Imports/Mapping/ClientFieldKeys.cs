namespace Clientele.Features.Imports.Mapping;

/// <summary>
/// The field keys a client import maps columns to; the mapping (headers, presets, --map) and the client importer
/// both speak these. Values: kind "company"/"person" (ru/de words too), manager by e-mail or name, tags split on , or ;.
/// </summary>
public static class ClientFieldKeys
{
    /// <summary>The client's code in the system the file comes from (1C "Код", a Bitrix24 or amoCRM id): matched first.</summary>
    public const string Code = "client_code";
    public const string Name = "name";
    public const string Kind = "kind";
    public const string Role = "role";
    public const string LegalName = "legal_name";
    public const string TaxId = "tax_id";
    /// <summary>A Russian organisation's KPP; also split off a 1C "ИНН/КПП" cell mapped to the tax id.</summary>
    public const string Kpp = "kpp";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Website = "website";
    public const string City = "city";
    public const string Region = "region";
    public const string Country = "country";
    public const string Industry = "industry";
    public const string Manager = "manager";
    public const string Channel = "channel";
    public const string AcquiredOn = "acquired_on";
    public const string Status = "status";
    public const string Tags = "tags";
    public const string Notes = "notes";
    public const string ContactName = "contact_name";
    public const string ContactPosition = "contact_position";
    public const string ContactPhone = "contact_phone";
    public const string ContactEmail = "contact_email";

    public static readonly IReadOnlyList<string> All =
    [
        Name, Code, Kind, Role, LegalName, TaxId, Kpp, Phone, Email, Website, City, Region, Country, Industry, Manager, Channel,
        AcquiredOn, Status, Tags, Notes, ContactName, ContactPosition, ContactPhone, ContactEmail,
    ];
}
