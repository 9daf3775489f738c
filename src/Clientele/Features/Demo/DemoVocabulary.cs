namespace Clientele.Features.Demo;

/// <summary>Words the demo base is made of: Russian and German firms, people and places.</summary>
internal static class DemoVocabulary
{
    public static readonly string[] RuCompanyWords =
    [
        "Альфа", "Вектор", "Гранит", "Сфера", "Престиж", "Меридиан", "Восток", "Север", "Техно", "Строй", "Торг",
        "Сибирь", "Волга", "Урал", "Профи", "Орион", "Квант", "Ресурс", "Стандарт", "Пульс", "Импульс", "Эталон",
        "Лидер", "Форвард", "Атлант", "Магистраль", "Горизонт", "Континент", "Фаворит", "Партнер",
    ];
    public static readonly string[] RuCompanySuffixes = ["Трейд", "Снаб", "Сервис", "Групп", "Логистик", "Маркет", "Пром", "Комплект", "Инвест", "Плюс"];
    public static readonly string[] RuForms = ["ООО", "АО", "ИП", "ПАО"];
    public static readonly string[] DeCompanyWords =
    [
        "Müller", "Schneider", "Becker", "Hoffmann", "Schäfer", "Koch", "Richter", "Klein", "Wolf", "Neumann",
        "Schwarz", "Zimmermann", "Braun", "Krüger", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Köhler",
    ];
    public static readonly string[] DeCompanySuffixes = ["Technik", "Handel", "Bau", "Logistik", "Service", "Vertrieb", "Systeme", "Werkzeuge", "Elektro", "Druck"];
    public static readonly string[] DeForms = ["GmbH", "AG", "KG", "GmbH & Co. KG", "e.K."];

    public static readonly string[] RuFirstNames = ["Александр", "Дмитрий", "Сергей", "Андрей", "Алексей", "Елена", "Ольга", "Наталья", "Ирина", "Татьяна", "Михаил", "Анна", "Мария", "Павел", "Юлия"];
    public static readonly string[] RuLastNames = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов"];
    public static readonly string[] DeFirstNames = ["Thomas", "Michael", "Andreas", "Stefan", "Christian", "Sabine", "Petra", "Claudia", "Julia", "Katrin", "Jürgen", "Monika", "Lukas", "Anna", "Felix"];
    public static readonly string[] DeLastNames = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Bauer", "Koch", "Richter", "Klein", "Wolf"];

    public static readonly (string City, string Region)[] RuCities =
    [
        ("Москва", "Москва"), ("Санкт-Петербург", "Санкт-Петербург"), ("Новосибирск", "Новосибирская область"),
        ("Екатеринбург", "Свердловская область"), ("Казань", "Татарстан"), ("Нижний Новгород", "Нижегородская область"),
        ("Самара", "Самарская область"), ("Краснодар", "Краснодарский край"), ("Ростов-на-Дону", "Ростовская область"), ("Пермь", "Пермский край"),
    ];
    public static readonly (string City, string Region)[] DeCities =
    [
        ("Berlin", "Berlin"), ("München", "Bayern"), ("Hamburg", "Hamburg"), ("Köln", "Nordrhein-Westfalen"),
        ("Frankfurt am Main", "Hessen"), ("Stuttgart", "Baden-Württemberg"), ("Leipzig", "Sachsen"), ("Düsseldorf", "Nordrhein-Westfalen"),
    ];

    public static readonly string[] RuIndustries = ["Строительство", "Розница", "Производство", "Логистика", "HoReCa", "IT", "Автосервис", "Салон красоты"];
    public static readonly string[] DeIndustries = ["Bau", "Einzelhandel", "Produktion", "Logistik", "Gastronomie", "IT", "Medizin", "Handwerk"];
    public static readonly string[] Positions = ["Директор", "Закупщик", "Главный бухгалтер", "Einkaufsleiter", "Geschäftsführer", "Менеджер по закупкам", "Inhaber"];
    public static readonly string[] Tags = ["vip", "опт", "сезонный", "Stammkunde", "тендер", "регион", "Neukunde", "выставка-2025"];
    public static readonly string[] Outcomes = ["договорились о встрече", "отправлено КП", "нет ответа", "перезвонить", "Angebot gesendet", "заказ подтверждён", "жалоба решена"];
    /// <summary>The demo tasks' titles, stored as kinds (DemoText) so that each reader reads them in their language.</summary>
    public static readonly string[] TaskTitles = ["Call back about the offer", "Send the invoice", "Clarify what they need", "Follow up on the offer", "Congratulate on their birthday", "Ask for a referral", "Hold a meeting"];
    /// <summary>Codes of the built-in churn reasons (the lost-client lists adopt them); price and competitors' offers most often.</summary>
    public static readonly string[] ChurnReasons = ["price", "price", "price", "competitor-offer", "competitor-offer", "quality", "quality", "service", "service", "moved", "closed", "other"];
    public static readonly string[] Competitors = ["Конкурент-Трейд", "МегаСнаб", "Lieferprofi GmbH", "ОптТорг"];

    public static readonly (string Category, string[] Products)[] Catalogue =
    [
        ("Инструмент", ["Дрель ударная", "Шуруповёрт", "Перфоратор", "Болгарка", "Лобзик"]),
        ("Крепёж", ["Саморезы (1000 шт.)", "Дюбели (500 шт.)", "Анкеры (100 шт.)", "Schrauben-Set"]),
        ("Расходники", ["Диски отрезные (25 шт.)", "Свёрла по металлу", "Bits-Set", "Пильные полотна"]),
        ("Электрика", ["Кабель ВВГ 3x2.5 (100 м)", "Автомат 16А", "Розетки (10 шт.)", "LED-Leuchte"]),
        ("Сервис", ["Доставка", "Монтаж", "Wartungsvertrag", "Обучение персонала"]),
        ("Спецодежда", ["Перчатки (12 пар)", "Каска", "Arbeitsjacke", "Очки защитные"]),
    ];
}
