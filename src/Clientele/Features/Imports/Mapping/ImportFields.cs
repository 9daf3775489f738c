using System.Globalization;
using System.Resources;

namespace Clientele.Features.Imports.Mapping;

/// <summary>What a field's cells hold, so the mapping page can show it and the importer knows how to read it.</summary>
public enum ImportValueType { Text, Date, DateTime, Amount, Number, Phone, Email, TaxId, Choice, Employee }

/// <summary>
/// One field an import can fill. <paramref name="Label"/> is English and the key of its ru/de translations in
/// <see cref="ImportText"/>; <paramref name="Synonyms"/> are header names (any language) that mean this field.
/// <paramref name="OneOf"/>: fields of which at least one must be mapped ("client", "amount"), or null.
/// </summary>
public sealed record ImportField(string Key, ImportValueType Type, string Label, bool Required, string? OneOf, IReadOnlyList<string> Synonyms)
{
    /// <summary>The label in <paramref name="culture"/> (the UI culture when null), English if untranslated.</summary>
    public string LabelIn(CultureInfo? culture = null) => ImportFields.Translate(Label, culture);
}

/// <summary>The field catalogue of every import kind: keys, labels, value types, requirements and header synonyms.</summary>
public static partial class ImportFields
{
    private static readonly ResourceManager Texts = new("Clientele.Features.Imports.ImportText", typeof(ImportText).Assembly);

    public static readonly CultureInfo[] Languages = [new("en"), new("ru"), new("de")];

    /// <summary>An English UI text in <paramref name="culture"/> (the UI culture when null).</summary>
    public static string Translate(string english, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        if (culture.TwoLetterISOLanguageName is not ("ru" or "de")) return english;
        try
        {
            return Texts.GetString(english, culture) is { Length: > 0 } text ? text : english;
        }
        catch (MissingManifestResourceException)
        {
            return english;
        }
    }

    public static IReadOnlyList<ImportField> For(ImportKind kind) => kind switch
    {
        ImportKind.Clients => ClientFields,
        ImportKind.Purchases => PurchaseFields,
        ImportKind.Interactions => InteractionFields,
        ImportKind.ServiceCosts => ServiceCostFields,
        _ => [],
    };

    public static ImportField? Find(ImportKind kind, string key) => For(kind).FirstOrDefault(f => f.Key == key);

    // Keys shared by the record kinds: the client a row belongs to, and the employee who handled it.
    public const string ClientCode = "client_code";
    public const string ClientTaxId = "client_tax_id";
    public const string ClientEmail = "client_email";
    public const string ClientPhone = "client_phone";
    public const string ClientName = "client_name";
    public const string Manager = "manager";
    public const string Date = "date";
    public const string Currency = "currency";

    /// <summary>The order a row's client is looked up in: the most exact identifier first.</summary>
    public static readonly string[] ClientIdentifiers = [ClientCode, ClientTaxId, ClientEmail, ClientPhone, ClientName];

    private static ImportField F(string key, ImportValueType type, string label, params string[] synonyms) =>
        new(key, type, label, false, null, synonyms);

    private static ImportField Required(string key, ImportValueType type, string label, params string[] synonyms) =>
        new(key, type, label, true, null, synonyms);

    private static ImportField OneOf(string group, string key, ImportValueType type, string label, params string[] synonyms) =>
        new(key, type, label, false, group, synonyms);

    private static ImportField[] ClientIdentification =>
    [
        OneOf("client", ClientCode, ImportValueType.Text, "Client's code",
            "client code", "customer code", "client id", "customer id", "код контрагента", "код клиента", "код покупателя", "id клиента",
            "id компании", "kundennummer", "debitorennummer", "kunden-id"),
        OneOf("client", ClientTaxId, ImportValueType.TaxId, "Client's tax id",
            "tax id", "inn", "vat", "vat id", "vat number", "client inn", "client tax id", "инн", "инн клиента", "инн покупателя", "инн контрагента",
            "ust-idnr.", "ust-id", "umsatzsteuer-id", "steuernummer", "steuer-nr."),
        OneOf("client", ClientEmail, ImportValueType.Email, "Client's e-mail",
            "email", "e-mail", "mail", "client email", "customer email", "эл. почта", "электронная почта", "почта", "e-mail клиента", "email клиента",
            "рабочий e-mail", "e-mail-adresse", "e-mail kunde"),
        OneOf("client", ClientPhone, ImportValueType.Phone, "Client's phone",
            "phone", "telephone", "tel.", "mobile", "client phone", "телефон", "тел.", "моб. телефон", "рабочий телефон", "телефон клиента",
            "telefon", "rufnummer", "telefonnummer", "mobil"),
        OneOf("client", ClientName, ImportValueType.Text, "Client",
            "client", "customer", "company", "account", "account name", "client name", "customer name", "company name",
            "клиент", "покупатель", "контрагент", "компания", "название компании", "наименование", "название", "наименование клиента",
            "kunde", "kundenname", "firma", "firmenname", "käufer", "unternehmen"),
    ];

    private static ImportField ManagerField => F(Manager, ImportValueType.Employee, "Manager",
        "manager", "responsible", "assigned to", "owner", "sales rep", "employee", "менеджер", "ответственный", "ответственный менеджер", "сотрудник",
        "betreuer", "verantwortlich", "verantwortlicher", "zuständig", "mitarbeiter", "vertriebsmitarbeiter");

    private static ImportField CurrencyField => F(Currency, ImportValueType.Choice, "Currency", "currency", "валюта", "währung");
}
