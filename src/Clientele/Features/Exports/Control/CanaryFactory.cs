using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Exports.Control;

/// <summary>
/// Makes the fictitious clients planted in an export: a plausible person of the user's language and country, with a
/// random mobile number of that country (E.164) and a random address on the canary domain, each checked unused by any
/// canary or real client, so that a number or address found in a leaked list names exactly one export.
/// </summary>
public static class CanaryFactory
{
    private sealed record Person(string Name, string Latin);

    /// <param name="Prefix">Country code and the start of a mobile number; <paramref name="Digits"/> random digits follow.</param>
    private sealed record Style(Person[] First, Person[] Middle, Person[] Last, string Prefix, int Digits);

    // Surname, first name and a middle part (patronymic or initial): enough combinations that names rarely repeat.
    private static readonly Style Russian = new(
        [new("Сергей", "sergey"), new("Андрей", "andrey"), new("Дмитрий", "dmitry"), new("Алексей", "alexey"), new("Игорь", "igor"), new("Павел", "pavel"),
         new("Елена", "elena"), new("Ольга", "olga"), new("Наталья", "natalya"), new("Татьяна", "tatyana"), new("Ирина", "irina"), new("Марина", "marina")],
        [new("Иванович", "i"), new("Петрович", "p"), new("Николаевич", "n"), new("Викторович", "v"), new("Алексеевич", "a"), new("Сергеевич", "s")],
        [new("Кузнецов", "kuznetsov"), new("Смирнов", "smirnov"), new("Попов", "popov"), new("Волков", "volkov"), new("Морозов", "morozov"),
         new("Лебедев", "lebedev"), new("Соколов", "sokolov"), new("Новиков", "novikov"), new("Фёдоров", "fedorov"), new("Зайцев", "zaytsev"),
         new("Орлов", "orlov"), new("Егоров", "egorov")],
        "+79", 9);

    private static readonly Style German = new(
        [new("Thomas", "thomas"), new("Michael", "michael"), new("Stefan", "stefan"), new("Andreas", "andreas"), new("Jürgen", "juergen"), new("Markus", "markus"),
         new("Sabine", "sabine"), new("Petra", "petra"), new("Claudia", "claudia"), new("Monika", "monika"), new("Anja", "anja"), new("Katrin", "katrin")],
        [.. "ABCDEFGHJKLMNPRSTW".Select(c => new Person(c + ".", char.ToLowerInvariant(c).ToString()))],
        [new("Müller", "mueller"), new("Schmidt", "schmidt"), new("Schneider", "schneider"), new("Fischer", "fischer"), new("Weber", "weber"),
         new("Meyer", "meyer"), new("Wagner", "wagner"), new("Becker", "becker"), new("Hoffmann", "hoffmann"), new("Schäfer", "schaefer"),
         new("Koch", "koch"), new("Richter", "richter")],
        "+4917", 8);

    private static readonly Style English = new(
        [new("James", "james"), new("John", "john"), new("Robert", "robert"), new("David", "david"), new("Richard", "richard"), new("Daniel", "daniel"),
         new("Sarah", "sarah"), new("Emma", "emma"), new("Laura", "laura"), new("Helen", "helen"), new("Rachel", "rachel"), new("Claire", "claire")],
        [.. "ABCDEFGHJKLMNPRSTW".Select(c => new Person(c + ".", char.ToLowerInvariant(c).ToString()))],
        [new("Smith", "smith"), new("Jones", "jones"), new("Taylor", "taylor"), new("Brown", "brown"), new("Williams", "williams"),
         new("Wilson", "wilson"), new("Johnson", "johnson"), new("Davies", "davies"), new("Evans", "evans"), new("Walker", "walker"),
         new("Wright", "wright"), new("Hughes", "hughes")],
        "+447", 9);

    /// <summary>How many canaries an export of <paramref name="clients"/> clients carries: one, and more in larger lists, where a leak may be a part.</summary>
    public static int CountFor(int clients) => clients <= 0 ? 0 : clients < 100 ? 1 : clients < 1000 ? 2 : 3;

    public static async Task<List<ExportCanary>> CreateAsync(ClienteleDb db, string exportId, int count, CultureInfo culture, string domain, CancellationToken ct)
    {
        var style = culture.TwoLetterISOLanguageName switch { "ru" => Russian, "de" => German, _ => English };
        var made = new List<ExportCanary>(count);
        while (made.Count < count)
        {
            var first = Pick(style.First);
            var middle = Pick(style.Middle);
            var last = Pick(style.Last);
            var name = style == Russian ? $"{last.Name} {first.Name} {middle.Name}" : $"{first.Name} {middle.Name} {last.Name}";
            var email = $"{first.Latin}.{middle.Latin}.{last.Latin}{RandomNumberGenerator.GetInt32(10, 10_000)}@{domain}".ToLowerInvariant();
            var phone = style.Prefix + RandomNumberGenerator.GetString("0123456789", style.Digits);
            if (made.Any(c => c.Email == email || c.Phone == phone || c.Name == name)) continue;
            if (await InUseAsync(db, name, email, phone, ct)) continue;
            made.Add(new ExportCanary { ExportId = exportId, Name = name, Email = email, Phone = phone });
        }
        return made;
    }

    // Real clients are checked too: a canary must never share a number or address with someone real. Row filters are
    // bypassed for this yes/no answer only, since a manager's export must not reuse a colleague's client's number.
    private static async Task<bool> InUseAsync(ClienteleDb db, string name, string email, string phone, CancellationToken ct) =>
        await db.Set<ExportCanary>().AnyAsync(c => c.Email == email || c.Phone == phone || c.Name == name, ct)
        || await db.Clients.IgnoreQueryFilters().AnyAsync(c => c.Email == email || c.Phone == phone, ct);

    private static T Pick<T>(T[] items) => items[RandomNumberGenerator.GetInt32(items.Length)];
}
