using static Clientele.Features.Imports.Mapping.ClientFieldKeys;

namespace Clientele.Features.Imports.Mapping;

public static partial class ImportFields
{
    // Synonyms: what people head these columns with in ru/de/en spreadsheets, 1C and other CRMs' exports.
    // Compared after HeaderKey (case, spaces, punctuation, ё/е and ß/ss do not matter).
    private static readonly ImportField[] ClientFields =
    [
        Required(Name, ImportValueType.Text, "Name",
            "name", "company", "company name", "account name", "account", "client", "customer", "organisation", "organization",
            "название", "наименование", "компания", "клиент", "название компании", "наименование компании", "организация", "контрагент", "покупатель",
            "firma", "firmenname", "kunde", "kundenname", "unternehmen", "name des kunden"),
        F(Code, ImportValueType.Text, "Client's code", "client code", "customer code", "external code", "код", "код клиента",
            "код контрагента", "id клиента", "id компании", "kundennummer", "debitorennummer", "kunden-id"),
        F(Kind, ImportValueType.Choice, "Kind", "kind", "client kind", "company or person", "вид клиента", "тип клиента", "лицо", "kundenart", "kundentyp"),
        F(Role, ImportValueType.Choice, "Role", "role", "company type", "роль", "тип компании", "rolle", "firmentyp", "unternehmenstyp"),
        F(LegalName, ImportValueType.Text, "Legal name", "legal name", "full name", "official name", "полное наименование", "полное название",
            "юридическое название", "юр. название", "юридическое наименование", "firmierung", "rechtlicher name", "offizieller name"),
        F(TaxId, ImportValueType.TaxId, "Tax id", "tax id", "tax number", "vat", "vat id", "vat number", "inn", "инн", "инн/кпп", "инн / кпп",
            "ust-idnr.", "ust-id", "ust-id-nr.", "umsatzsteuer-id", "umsatzsteuer-identifikationsnummer", "steuernummer", "steuer-nr."),
        F(Kpp, ImportValueType.Text, "KPP", "kpp", "кпп", "код причины постановки на учет"),
        F(Phone, ImportValueType.Phone, "Phone", "phone", "telephone", "tel.", "mobile", "phone number", "work phone", "mobile phone",
            "телефон", "тел.", "моб. телефон", "мобильный", "мобильный телефон", "рабочий телефон", "номер телефона", "телефон компании",
            "telefon", "rufnummer", "telefonnummer", "handy", "mobil", "mobiltelefon", "telefon geschäftlich"),
        F(Email, ImportValueType.Email, "E-mail", "email", "e-mail", "mail", "e-mail address", "email address", "work email",
            "эл. почта", "электронная почта", "почта", "емейл", "рабочий e-mail", "e-mail компании", "e-mail-adresse", "e-mail geschäftlich"),
        F(Website, ImportValueType.Text, "Website", "website", "web", "web site", "site", "url", "homepage", "сайт", "веб-сайт", "корпоративный сайт",
            "webseite", "internetseite", "internetadresse"),
        F(City, ImportValueType.Text, "City", "city", "town", "город", "населенный пункт", "stadt", "ort"),
        F(Region, ImportValueType.Text, "Region", "region", "state", "province", "регион", "область", "край", "bundesland"),
        F(Country, ImportValueType.Text, "Country", "country", "страна", "land"),
        F(Industry, ImportValueType.Text, "Industry", "industry", "sector", "отрасль", "сфера деятельности", "вид деятельности", "branche", "industrie"),
        ManagerField,
        F(Channel, ImportValueType.Choice, "Acquisition channel", "channel", "source", "lead source", "acquisition channel", "источник", "канал",
            "канал привлечения", "источник клиента", "quelle", "kanal", "akquisekanal", "herkunft"),
        F(AcquiredOn, ImportValueType.Date, "Acquired on", "acquired on", "client since", "first contact", "created", "date created",
            "дата привлечения", "клиент с", "дата первого контакта", "дата создания", "kunde seit", "erstkontakt", "angelegt am", "erstellt am"),
        F(Status, ImportValueType.Choice, "Status", "status", "статус", "состояние", "zustand"),
        F(Tags, ImportValueType.Text, "Tags", "tags", "labels", "теги", "метки", "schlagwörter", "schlagworte", "stichwörter"),
        F(Notes, ImportValueType.Text, "Notes", "notes", "note", "comment", "comments", "description", "примечание", "примечания", "комментарий",
            "описание", "notizen", "notiz", "bemerkung", "kommentar", "beschreibung"),
        F(ContactName, ImportValueType.Text, "Contact person", "contact", "contact name", "contact person", "full name of contact", "контакт",
            "контактное лицо", "фио контакта", "фио", "ansprechpartner", "kontaktperson", "kontakt"),
        F(ContactPosition, ImportValueType.Text, "Contact's position", "position", "job title", "title", "должность", "должность контакта",
            "funktion", "stellung", "position des ansprechpartners"),
        F(ContactPhone, ImportValueType.Phone, "Contact's phone", "contact phone", "contact's phone", "телефон контакта", "телефон контактного лица",
            "telefon ansprechpartner", "telefon kontakt"),
        F(ContactEmail, ImportValueType.Email, "Contact's e-mail", "contact email", "contact e-mail", "e-mail контакта", "email контакта",
            "почта контакта", "e-mail ansprechpartner", "e-mail kontakt"),
    ];

    private static readonly ImportField[] PurchaseFields =
    [
        .. ClientIdentification,
        Required(Date, ImportValueType.Date, "Date", "date", "order date", "sale date", "purchase date", "invoice date", "closing date",
            "дата", "дата покупки", "дата продажи", "дата заказа", "дата документа", "дата отгрузки", "дата закрытия",
            "datum", "bestelldatum", "kaufdatum", "rechnungsdatum", "verkaufsdatum", "abschlussdatum"),
        F("number", ImportValueType.Text, "Number", "number", "order number", "invoice number", "order no.", "no.", "номер", "номер заказа",
            "номер документа", "№", "номер счета", "nummer", "bestellnummer", "rechnungsnummer", "belegnummer", "auftragsnummer"),
        F("source", ImportValueType.Text, "Source system", "source system", "system", "система", "система-источник", "учетная система",
            "quellsystem", "system"),
        OneOf("amount", "total", ImportValueType.Amount, "Total", "total", "amount", "sum", "order total", "revenue", "deal amount",
            "сумма", "итого", "сумма заказа", "сумма сделки", "бюджет", "стоимость", "summe", "betrag", "gesamtbetrag", "gesamt", "umsatz"),
        F("product", ImportValueType.Text, "Product", "product", "item", "goods", "product name", "товар", "продукт", "номенклатура",
            "наименование товара", "товар/услуга", "услуга", "produkt", "artikel", "artikelbezeichnung", "ware", "leistung"),
        F("sku", ImportValueType.Text, "SKU", "sku", "code", "product code", "article number", "артикул", "код", "код товара",
            "artikelnummer", "art.-nr.", "produktcode"),
        F("quantity", ImportValueType.Number, "Quantity", "quantity", "qty", "количество", "кол-во", "menge", "anzahl", "stückzahl"),
        OneOf("amount", "price", ImportValueType.Amount, "Price", "price", "unit price", "цена", "цена за единицу", "preis", "einzelpreis", "stückpreis"),
        F("unit_cost", ImportValueType.Amount, "Unit cost", "unit cost", "cost price", "purchase price", "себестоимость единицы", "закупочная цена",
            "цена закупки", "einstandspreis", "einkaufspreis", "stückkosten"),
        CurrencyField,
        F("discount", ImportValueType.Amount, "Discount", "discount", "скидка", "rabatt", "nachlass"),
        F("bonus", ImportValueType.Amount, "Bonus", "bonus", "бонус", "бонусы", "prämie"),
        F("kickback", ImportValueType.Amount, "Kickback", "kickback", "rebate", "откат", "вознаграждение", "rückvergütung", "provision"),
        F("cost_of_goods", ImportValueType.Amount, "Cost of goods", "cost of goods", "cogs", "cost", "себестоимость", "затраты на товар",
            "wareneinsatz", "herstellkosten", "warenkosten"),
        F("payment_due", ImportValueType.Date, "Payment due", "payment due", "due date", "due", "срок оплаты", "оплатить до", "fällig",
            "fälligkeitsdatum", "zahlungsziel", "fällig am"),
        F("paid_on", ImportValueType.Date, "Paid on", "paid on", "payment date", "paid", "дата оплаты", "оплачено", "bezahlt am", "zahlungsdatum",
            "zahlungseingang"),
        ManagerField,
    ];

    private static readonly ImportField[] InteractionFields =
    [
        .. ClientIdentification,
        Required(Date, ImportValueType.DateTime, "Date and time", "date", "date and time", "datetime", "time", "when", "дата", "дата и время",
            "время", "когда", "datum", "datum und uhrzeit", "zeitpunkt", "zeit"),
        F("type", ImportValueType.Choice, "Type", "type", "channel", "kind", "activity type", "тип", "вид", "канал", "тип взаимодействия",
            "тип активности", "тип дела", "art", "typ", "kanal", "aktivitätstyp"),
        F("direction", ImportValueType.Choice, "Direction", "direction", "направление", "входящий/исходящий", "richtung"),
        F("subject", ImportValueType.Text, "Subject", "subject", "topic", "title", "тема", "предмет", "заголовок", "betreff", "thema"),
        F("text", ImportValueType.Text, "Text", "text", "notes", "note", "comment", "description", "body", "текст", "примечание", "комментарий",
            "описание", "содержание", "notiz", "bemerkung", "beschreibung", "inhalt", "kommentar"),
        F("outcome", ImportValueType.Text, "Outcome", "outcome", "result", "результат", "итог", "ergebnis"),
        F("score", ImportValueType.Number, "Score (0–10)", "score", "nps", "rating", "оценка", "bewertung", "note 0-10"),
        F("number", ImportValueType.Text, "Number", "number", "id", "activity id", "номер", "№", "id дела", "номер дела", "nummer", "aktivitäts-id"),
        F("source", ImportValueType.Text, "Source system", "source system", "system", "система", "система-источник", "учетная система",
            "quellsystem", "system"),
        ManagerField,
    ];

    private static readonly ImportField[] ServiceCostFields =
    [
        .. ClientIdentification,
        Required(Date, ImportValueType.Date, "Date or month", "date", "month", "period", "дата", "месяц", "период", "datum", "monat", "zeitraum"),
        F("category", ImportValueType.Choice, "Category", "category", "cost type", "type", "категория", "статья", "статья затрат", "вид затрат",
            "тип", "kategorie", "kostenart", "art"),
        OneOf("amount", "amount", ImportValueType.Amount, "Amount", "amount", "cost", "costs", "sum", "сумма", "затраты", "стоимость", "расход",
            "betrag", "kosten", "summe"),
        CurrencyField,
        F("hours", ImportValueType.Number, "Hours", "hours", "часы", "часов", "stunden"),
        OneOf("amount", "hourly_rate", ImportValueType.Amount, "Hourly rate", "hourly rate", "rate", "ставка", "ставка в час", "stundensatz"),
        F("description", ImportValueType.Text, "Description", "description", "note", "notes", "comment", "описание", "примечание", "комментарий",
            "beschreibung", "notiz", "bemerkung"),
        F("number", ImportValueType.Text, "Number", "number", "document number", "no.", "номер", "номер документа", "№", "nummer", "belegnummer"),
        F("source", ImportValueType.Text, "Source system", "source system", "system", "система", "система-источник", "учетная система",
            "quellsystem", "system"),
    ];
}
