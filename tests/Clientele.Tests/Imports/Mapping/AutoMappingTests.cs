using Clientele.Features.Imports;
using Clientele.Features.Imports.Mapping;

namespace Clientele.Tests.Imports.Mapping;

/// <summary>Columns matched to fields by their headers, in Russian, German, English and other CRMs' exports. Pure: no app.</summary>
public sealed class AutoMappingTests
{
    /// <summary>Fields as one comparable line, "-" for an ignored column.</summary>
    internal static string L(params IEnumerable<string?> fields) => string.Join(", ", fields.Select(f => f ?? "-"));

    private static string Auto(ImportKind kind, params string[] header) => L(ImportMapping.Auto(kind, header).Fields);

    [Fact]
    public void Russian_german_and_english_client_headers_find_their_fields()
    {
        Assert.Equal(L("name", "tax_id", "phone", "email", "city", "manager", null),
            Auto(ImportKind.Clients, "Наименование", "ИНН", "Тел.", "Эл. почта", "Город", "Ответственный", "Непонятная колонка"));
        Assert.Equal(L("name", "tax_id", "phone", "email", "city", "manager", "notes"),
            Auto(ImportKind.Clients, "Firmenname", "USt-IdNr.", "Rufnummer", "E-Mail", "Stadt", "Betreuer", "Bemerkung"));
        Assert.Equal(L("name", "tax_id", "phone", "email", "website", "industry"),
            Auto(ImportKind.Clients, "Account Name", "VAT", "Mobile", "E-mail", "Website", "Industry"));
        // Case, spacing, punctuation, ё/е and ß/ss do not matter.
        Assert.Equal(L("email", "phone", "name", "legal_name"), Auto(ImportKind.Clients, "ЭЛ.ПОЧТА", "  моб. телефон ", "КОМПАНИЯ", "Юридическое  назв-ание"));
        Assert.Equal(ImportMapping.HeaderKey("Ёлка, Straße!"), ImportMapping.HeaderKey("елка strasse"));
    }

    [Fact]
    public void Each_field_takes_its_best_column_once_and_a_synonym_inside_a_longer_header_counts_less()
    {
        // Both are phones; the first takes the field, the second is left for the user to map.
        Assert.Equal(L("phone", null, "name"), Auto(ImportKind.Clients, "Рабочий телефон", "Мобильный телефон", "Компания"));
        // An exact header beats one that merely contains a synonym, wherever it stands.
        Assert.Equal(L(null, "phone"), Auto(ImportKind.Clients, "Телефон для рассылок", "Телефон"));
        Assert.Equal(L("phone", "contact_phone"), Auto(ImportKind.Clients, "Рабочий телефон (компания)", "Телефон контакта"));
    }

    [Fact]
    public void Bitrix24_and_amocrm_exports_are_read_automatically_and_exactly_by_their_presets()
    {
        string[] bitrix = ["ID", "Название компании", "Тип компании", "Сфера деятельности", "Рабочий телефон", "Рабочий e-mail", "Корпоративный сайт", "Ответственный", "Комментарий"];
        Assert.Equal(L(null, "name", "role", "industry", "phone", "email", "website", "manager", "notes"), Auto(ImportKind.Clients, bitrix));
        var bitrixPreset = BuiltInPresets.All.Single(p => p.Name == "bitrix24-companies");
        // The preset reads Bitrix24's ID as the client's code (matched first on the next import, ADR 021); a file without
        // the preset leaves it alone, since an "ID" column could be anyone's.
        Assert.Equal(L("client_code", "name", "role", "industry", "phone", "email", "website", "manager", "notes"),
            L(ImportMapping.FromPreset(ImportKind.Clients, bitrixPreset.Map, bitrix).Fields));

        string[] amo = ["Наименование", "Рабочий телефон", "Рабочий email", "Полное имя контакта", "Рабочий телефон (контакт)", "Рабочий email (контакт)", "Теги"];
        var amoPreset = BuiltInPresets.All.Single(p => p.Name == "amocrm-companies");
        Assert.Equal(L("name", "phone", "email", "contact_name", "contact_phone", "contact_email", "tags"),
            L(ImportMapping.FromPreset(ImportKind.Clients, amoPreset.Map, amo).Fields));
        Assert.Equal(L("name", "phone", "email"), L(ImportMapping.Auto(ImportKind.Clients, amo).Fields.Take(3)));

        string[] amoDeals = ["ID", "Название сделки", "Бюджет", "Ответственный", "Дата закрытия", "Компания", "Рабочий телефон (компания)"];
        var deals = BuiltInPresets.All.Single(p => p.Name == "amocrm-deals");
        var map = ImportMapping.FromPreset(ImportKind.Purchases, deals.Map, amoDeals);
        Assert.Equal(L("number", "product", "total", "manager", "date", "client_name", "client_phone"), L(map.Fields));
        ImportMapping.CheckRequired(ImportKind.Purchases, map);

        string[] bitrixDealsDe = ["ID", "Auftragsname", "Betrag", "Währung", "Abschlussdatum", "Unternehmen", "Verantwortlich"];
        var bitrixDeals = BuiltInPresets.All.Single(p => p.Name == "bitrix24-deals");
        Assert.Equal(L("number", "product", "total", "currency", "date", "client_name", "manager"),
            L(ImportMapping.FromPreset(ImportKind.Purchases, bitrixDeals.Map, bitrixDealsDe).Fields));
        // Every built-in preset maps only to fields its kind has.
        Assert.All(BuiltInPresets.All, p => Assert.All(p.Map, m => Assert.Contains(m.Value, ImportMapping.FieldKeys(p.Kind))));
    }

    [Fact]
    public void Record_kinds_map_their_own_fields()
    {
        Assert.Equal(L("number", "date", "client_tax_id", "client_name", "product", "quantity", "price", "currency", "manager"),
            Auto(ImportKind.Purchases, "Номер", "Дата", "ИНН", "Клиент", "Товар", "Кол-во", "Цена", "Валюта", "Менеджер"));
        Assert.Equal(L("date", "total", "discount", "paid_on", "client_email"), Auto(ImportKind.Purchases, "Datum", "Summe", "Rabatt", "Bezahlt am", "E-Mail"));
        Assert.Equal(L("client_phone", "date", "type", "subject", "text"), Auto(ImportKind.Interactions, "Phone", "Date", "Type", "Subject", "Notes"));
        Assert.Equal(L("client_name", "date", "category", "amount", "description"), Auto(ImportKind.ServiceCosts, "Kunde", "Monat", "Kostenart", "Betrag", "Beschreibung"));
        Assert.Contains("client_tax_id", ImportMapping.FieldKeys(ImportKind.ServiceCosts));
        Assert.Equal(L(ClientFieldKeys.All), L(ImportMapping.FieldKeys(ImportKind.Clients)));
    }

    [Fact]
    public void A_required_field_left_unmapped_is_named_in_the_users_words()
    {
        var noName = Assert.Throws<ImportMappingException>(() => ImportMapping.CheckRequired(ImportKind.Clients, ImportMapping.Auto(ImportKind.Clients, ["Телефон"])));
        Assert.Contains("name", noName.Message);
        var noClient = Assert.Throws<ImportMappingException>(() =>
            ImportMapping.CheckRequired(ImportKind.Purchases, ImportMapping.Auto(ImportKind.Purchases, ["Дата", "Сумма"])));
        Assert.Contains("client_tax_id", noClient.Message);
        Assert.Contains("client_name", noClient.Message);
        var noAmount = Assert.Throws<ImportMappingException>(() =>
            ImportMapping.CheckRequired(ImportKind.Purchases, ImportMapping.Auto(ImportKind.Purchases, ["Дата", "Клиент"])));
        Assert.Contains("total", noAmount.Message);
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new("ru");
            var inRussian = Assert.Throws<ImportMappingException>(() => ImportMapping.CheckRequired(ImportKind.Interactions, ImportMapping.Auto(ImportKind.Interactions, ["Клиент"])));
            Assert.Contains("\"Дата и время\" (date)", inRussian.Message);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public void Every_field_has_a_russian_and_a_german_label()
    {
        foreach (var kind in Enum.GetValues<ImportKind>())
            foreach (var field in ImportFields.For(kind))
            {
                Assert.NotEqual(field.Label, field.LabelIn(new("ru")));
                Assert.False(string.IsNullOrWhiteSpace(field.LabelIn(new("de"))), $"{kind}.{field.Key} has no German label");
            }
    }
}
