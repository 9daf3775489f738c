using System.Globalization;
using System.Text;

namespace Clientele.Bench;

/// <summary>
/// A deterministic client file as 1C or Excel would give it: ';'-separated UTF-8, phones written the national and the
/// international way, e-mails, cities, INN-less companies; every tenth row repeats an earlier client by phone or e-mail
/// (with a differently written name), which the import must merge rather than create.
/// </summary>
public static class ImportCsvGenerator
{
    private static readonly string[] Cities = ["Москва", "Санкт-Петербург", "Казань", "Новосибирск", "Екатеринбург", "Berlin", "München", "Hamburg", "Köln", "Leipzig"];
    private static readonly string[] Words = ["Ромашка", "Вектор", "Альфа", "Стройторг", "Техносервис", "Погода", "Nordlicht", "Weber", "Sonnenhof", "Rheintal", "Маяк", "Восход"];
    private static readonly string[] Forms = ["ООО", "АО", "ИП", "GmbH", "KG", ""];

    /// <returns>The number of rows that repeat an earlier row.</returns>
    public static long Write(string path, int rows, int seed)
    {
        var random = new Random(seed);
        var c = CultureInfo.InvariantCulture;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.WriteLine("name;phone;email;city;contact_name;tags");
        long repeats = 0;
        var fresh = 0;
        for (var i = 0; i < rows; i++)
        {
            var repeat = i > 100 && random.Next(10) == 0;
            var n = repeat ? random.Next(fresh) : fresh++;
            if (repeat) repeats++;
            var name = $"{Forms[n % Forms.Length]} {Words[n % Words.Length]} {n.ToString(c)}".Trim();
            if (repeat) name = name.ToUpperInvariant();
            var national = (9_160_000_000L + n).ToString(c);
            var phone = (n + i) % 2 == 0 ? $"+7 {national[..3]} {national[3..6]}-{national[6..8]}-{national[8..]}" : $"8 ({national[..3]}) {national[3..]}";
            // A repeat names the same client by its phone or, half the time, by its e-mail only.
            if (repeat && i % 2 == 0) phone = "";
            var email = repeat && phone.Length > 0 ? "" : $"client{n.ToString(c)}@example{(n % 97).ToString(c)}.ru";
            var city = Cities[n % Cities.Length];
            var contact = n % 3 == 0 ? $"Контакт {n.ToString(c)}" : "";
            var tags = n % 5 == 0 ? "опт" : "";
            writer.Write(name); writer.Write(';');
            writer.Write(phone); writer.Write(';');
            writer.Write(email); writer.Write(';');
            writer.Write(city); writer.Write(';');
            writer.Write(contact); writer.Write(';');
            writer.WriteLine(tags);
        }
        return repeats;
    }
}
