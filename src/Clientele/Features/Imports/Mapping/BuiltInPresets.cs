namespace Clientele.Features.Imports.Mapping;

/// <summary>
/// Mappings for the export files of other CRMs, so a base moves over without mapping a column by hand. Each lists every
/// column its CRM may write (Russian, English and German interface); a file has some of them. Where several columns
/// mean one field, the first present wins (e.g. the work phone before the mobile one). docs/import-presets.md says
/// which exports each reads.
/// </summary>
public static class BuiltInPresets
{
    private static KeyValuePair<string, string> P(string header, string field) => new(header, field);

    public static readonly IReadOnlyList<PresetView> All =
    [
        // 1C (Бухгалтерия 3.0, УТ 11, КА/ERP): the list "Контрагенты" (Ещё → Вывести список / Сохранить как), which
        // writes the columns shown in the list; "Код" is the catalogue code, "ИНН/КПП" one cell in some layouts.
        new("1c-counterparties", ImportKind.Clients, true,
        [
            P("Наименование", "name"), P("Рабочее наименование", "name"), P("Полное наименование", "legal_name"), P("Наименование полное", "legal_name"),
            P("Код", "client_code"), P("ИНН", "tax_id"), P("ИНН/КПП", "tax_id"), P("ИНН / КПП", "tax_id"), P("КПП", "kpp"),
            P("Вид контрагента", "kind"), P("Юр. / физ. лицо", "kind"), P("Юридическое / физическое лицо", "kind"),
            P("Телефон", "phone"), P("Телефон контрагента", "phone"), P("Email", "email"), P("E-mail", "email"), P("Адрес электронной почты", "email"),
            P("Электронная почта", "email"), P("Сайт", "website"), P("Город", "city"), P("Регион", "region"), P("Страна регистрации", "country"),
            P("Основной менеджер", "manager"), P("Ответственный", "manager"), P("Комментарий", "notes"), P("Дополнительная информация", "notes"),
        ]),
        // 1C sales: the document list "Реализация (акты, накладные, УПД)" / "Реализация товаров и услуг" (one row per
        // document: Дата, Номер, Контрагент, Сумма), its table part (Номенклатура, Количество, Цена), and the report
        // "Продажи по контрагентам" (Контрагент, Регистратор/Документ, Номенклатура, Количество, Выручка, Себестоимость).
        new("1c-sales", ImportKind.Purchases, true,
        [
            P("Номер", "number"), P("Номер документа", "number"), P("Документ", "number"), P("Регистратор", "number"), P("Документ продажи", "number"),
            P("Дата", "date"), P("Дата документа", "date"), P("Период", "date"),
            P("Код контрагента", "client_code"), P("Контрагент.Код", "client_code"),
            P("ИНН", "client_tax_id"), P("ИНН контрагента", "client_tax_id"), P("ИНН/КПП", "client_tax_id"), P("Контрагент.ИНН", "client_tax_id"),
            P("Контрагент", "client_name"), P("Покупатель", "client_name"), P("Клиент", "client_name"), P("Партнер", "client_name"),
            P("Номенклатура", "product"), P("Товар", "product"), P("Артикул", "sku"),
            P("Количество", "quantity"), P("Цена", "price"),
            P("Сумма", "total"), P("Выручка", "total"), P("Сумма документа", "total"), P("Всего", "total"),
            P("Себестоимость", "cost_of_goods"), P("Скидка", "discount"), P("Сумма скидки", "discount"),
            P("Валюта", "currency"), P("Валюта документа", "currency"),
            P("Ответственный", "manager"), P("Менеджер", "manager"), P("Дата оплаты", "paid_on"), P("Срок оплаты", "payment_due"),
        ]),
        new("bitrix24-companies", ImportKind.Clients, true,
        [
            P("ID", "client_code"), P("Название компании", "name"), P("Company name", "name"), P("Firmenname", "name"), P("Unternehmensname", "name"),
            P("Тип компании", "role"), P("Company type", "role"), P("Unternehmenstyp", "role"),
            P("Сфера деятельности", "industry"), P("Industry", "industry"), P("Branche", "industry"),
            P("ИНН", "tax_id"), P("Реквизиты: ИНН", "tax_id"),
            P("Рабочий телефон", "phone"), P("Work phone", "phone"), P("Telefon geschäftlich", "phone"), P("Geschäftliche Telefonnummer", "phone"),
            P("Мобильный телефон", "phone"), P("Mobile phone", "phone"), P("Mobiltelefon", "phone"),
            P("Рабочий e-mail", "email"), P("Work e-mail", "email"), P("E-Mail geschäftlich", "email"), P("Geschäftliche E-Mail", "email"),
            P("Частный e-mail", "email"), P("Private e-mail", "email"),
            P("Корпоративный сайт", "website"), P("Corporate website", "website"), P("Unternehmenswebsite", "website"), P("Website", "website"),
            P("Город", "city"), P("City", "city"), P("Stadt", "city"),
            P("Область", "region"), P("Регион", "region"), P("Region", "region"), P("State / Province", "region"), P("Bundesland", "region"),
            P("Страна", "country"), P("Country", "country"), P("Land", "country"),
            P("Ответственный", "manager"), P("Responsible person", "manager"), P("Responsible", "manager"), P("Verantwortlich", "manager"),
            P("Источник", "channel"), P("Source", "channel"), P("Quelle", "channel"),
            P("Дата создания", "acquired_on"), P("Created", "acquired_on"), P("Erstellt am", "acquired_on"),
            P("Комментарий", "notes"), P("Comment", "notes"), P("Kommentar", "notes"),
        ]),
        new("bitrix24-deals", ImportKind.Purchases, true,
        [
            P("ID", "number"),
            P("Компания", "client_name"), P("Company", "client_name"), P("Unternehmen", "client_name"),
            P("Контакт", "client_name"), P("Contact", "client_name"), P("Kontakt", "client_name"),
            P("Дата закрытия", "date"), P("Closing date", "date"), P("Close date", "date"), P("Abschlussdatum", "date"),
            P("Предполагаемая дата закрытия", "date"), P("Expected close date", "date"), P("Voraussichtliches Abschlussdatum", "date"),
            P("Дата начала", "date"), P("Start date", "date"), P("Startdatum", "date"),
            P("Сумма", "total"), P("Amount", "total"), P("Opportunity", "total"), P("Betrag", "total"),
            P("Валюта", "currency"), P("Currency", "currency"), P("Währung", "currency"),
            P("Название сделки", "product"), P("Deal name", "product"), P("Auftragsname", "product"), P("Name des Auftrags", "product"),
            P("Ответственный", "manager"), P("Responsible person", "manager"), P("Responsible", "manager"), P("Verantwortlich", "manager"),
        ]),
        new("amocrm-companies", ImportKind.Clients, true,
        [
            P("ID", "client_code"), P("Наименование", "name"), P("Название компании", "name"), P("Name", "name"), P("Company name", "name"),
            P("Рабочий телефон", "phone"), P("Рабочий телефон (компания)", "phone"), P("Work phone", "phone"), P("Work phone (company)", "phone"),
            P("Мобильный телефон", "phone"), P("Mobile phone", "phone"),
            P("Рабочий email", "email"), P("Рабочий email (компания)", "email"), P("Work email", "email"), P("Work email (company)", "email"),
            P("Личный email", "email"), P("Private email", "email"),
            P("Web", "website"), P("Web (компания)", "website"), P("Web (company)", "website"),
            P("ИНН", "tax_id"),
            P("Ответственный", "manager"), P("Responsible user", "manager"),
            P("Теги", "tags"), P("Tags", "tags"),
            P("Дата создания", "acquired_on"), P("Created at", "acquired_on"),
            P("Примечание", "notes"), P("Примечание 1", "notes"), P("Note", "notes"), P("Note 1", "notes"),
            P("Полное имя контакта", "contact_name"), P("Contact full name", "contact_name"),
            P("Должность (контакт)", "contact_position"), P("Должность", "contact_position"), P("Position (contact)", "contact_position"), P("Position", "contact_position"),
            P("Рабочий телефон (контакт)", "contact_phone"), P("Мобильный телефон (контакт)", "contact_phone"), P("Work phone (contact)", "contact_phone"),
            P("Рабочий email (контакт)", "contact_email"), P("Личный email (контакт)", "contact_email"), P("Work email (contact)", "contact_email"),
        ]),
        new("amocrm-deals", ImportKind.Purchases, true,
        [
            P("ID", "number"),
            P("Компания", "client_name"), P("Компания контакта", "client_name"), P("Company", "client_name"), P("Contact company", "client_name"),
            P("Полное имя контакта", "client_name"), P("Contact full name", "client_name"),
            P("Рабочий email (компания)", "client_email"), P("Рабочий email (контакт)", "client_email"), P("Work email (company)", "client_email"),
            P("Work email (contact)", "client_email"),
            P("Рабочий телефон (компания)", "client_phone"), P("Рабочий телефон (контакт)", "client_phone"), P("Мобильный телефон (контакт)", "client_phone"),
            P("Work phone (company)", "client_phone"), P("Work phone (contact)", "client_phone"),
            P("Дата закрытия", "date"), P("Closed at", "date"), P("Дата создания", "date"), P("Created at", "date"),
            P("Бюджет", "total"), P("Sale", "total"), P("Budget", "total"),
            P("Название сделки", "product"), P("Lead title", "product"), P("Deal name", "product"),
            P("Ответственный", "manager"), P("Responsible user", "manager"),
        ]),
    ];
}
