using System.Globalization;
using System.Security.Cryptography;
using Clientele.Features.Access;
using Clientele.Features.Exports.Formats;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Exports.Control;

/// <summary>
/// What the real rows of one export look like, read before its canaries are made: their names, e-mail addresses,
/// phone numbers and client ids. Canaries are drawn from it so that nothing in the file tells them apart (ADR 015).
/// </summary>
public sealed class CanarySample
{
    /// <summary>Enough rows to see the export's name shapes, domains and phone regions; more would only cost memory.</summary>
    public const int MaxRows = 500;

    public List<string> Names { get; } = [];
    /// <summary>Each address with the client id of its row, since a base may put the id into its addresses.</summary>
    public List<(long? ClientId, string Email)> Emails { get; } = [];
    public List<string> Phones { get; } = [];
    public List<long> ClientIds { get; } = [];

    public static CanarySample Of(IEnumerable<object?[]> rows, ClientRows spec)
    {
        var sample = new CanarySample();
        foreach (var row in rows.Take(MaxRows))
        {
            long? rowId = Cell(row, spec.IdColumn) is { } id && long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var clientId) ? clientId : null;
            if (rowId is { } known) sample.ClientIds.Add(known);
            // A masked name ("Client #12") says nothing about how the base's names look.
            if (Cell(row, spec.NameColumn) is { } name && !name.StartsWith(FieldMasks.MaskedClientPrefix, StringComparison.Ordinal)) sample.Names.Add(name);
            if (spec.EmailColumn is { } e && Cell(row, e) is { } email && email.Contains('@')) sample.Emails.Add((rowId, email.ToLowerInvariant()));
            if (spec.PhoneColumn is { } p && Cell(row, p) is { } phone && phone.StartsWith('+') && phone.Length >= 8) sample.Phones.Add(phone);
        }
        return sample;
    }

    private static string? Cell(object?[] row, int column) =>
        column >= 0 && column < row.Length && row[column] is { } value && Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null;
}

/// <summary>
/// Makes the fictitious clients planted in an export, in the likeness of the export's own rows: a name put together from
/// the words of real names of the same shape, an e-mail address on a domain the real rows use, a phone number with the
/// country and network prefix of a real row's number. Each address and number is checked unused by any canary or real
/// client, so that a number or address found in a leaked list names exactly one export. Where the export shows no
/// names or contacts (a masked export), the factory falls back to a plausible person of the user's language; those values
/// are then recorded for the trace but never written, since the canary is masked like its neighbour.
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

    /// <summary>Tries per value before a drawn name, address or number gives way to a freer one.</summary>
    private const int Attempts = 40;

    /// <summary>How many canaries an export of <paramref name="clients"/> clients carries: one, and more in larger lists, where a leak may be a part.</summary>
    public static int CountFor(int clients) => clients <= 0 ? 0 : clients < 100 ? 1 : clients < 1000 ? 2 : 3;

    /// <param name="clientIds">The canaries' client ids (<see cref="CanaryIds"/>), one per canary to make.</param>
    public static async Task<List<ExportCanary>> CreateAsync(ClienteleDb db, string exportId, IReadOnlyList<long> clientIds, CultureInfo culture, string domain,
        CanarySample sample, CancellationToken ct)
    {
        var count = clientIds.Count;
        var style = culture.TwoLetterISOLanguageName switch { "ru" => Russian, "de" => German, _ => English };
        var made = new List<ExportCanary>(count);
        while (made.Count < count)
        {
            var (fallbackName, fallbackEmail, fallbackPhone) = FromStyle(style, domain);
            string name = fallbackName, email = fallbackEmail, phone = fallbackPhone;
            for (var attempt = 0; attempt < Attempts && NameLike(sample) is { } drawn; attempt++)
                if (!sample.Names.Contains(drawn, StringComparer.OrdinalIgnoreCase) && made.All(c => c.Name != drawn)) { name = drawn; break; }
            var fakeId = clientIds[made.Count];
            for (var attempt = 0; attempt < Attempts && EmailLike(sample, fakeId) is { } drawn; attempt++)
                if (made.All(c => c.Email != drawn) && !await EmailInUseAsync(db, drawn, ct)) { email = drawn; break; }
            for (var attempt = 0; attempt < Attempts && PhoneLike(sample) is { } drawn; attempt++)
                if (made.All(c => c.Phone != drawn) && !await PhoneInUseAsync(db, drawn, ct)) { phone = drawn; break; }
            if (made.Any(c => c.Email == email || c.Phone == phone)) continue;
            if (await EmailInUseAsync(db, email, ct) || await PhoneInUseAsync(db, phone, ct)) continue;
            made.Add(new ExportCanary { ExportId = exportId, Name = name, Email = email, Phone = phone, FakeClientId = fakeId });
        }
        return made;
    }

    /// <summary>A name of the shape of a real one (words, script), each word taken from another real name of that shape.</summary>
    internal static string? NameLike(CanarySample sample)
    {
        if (sample.Names.Count < 2) return null;
        var model = Pick(sample.Names);
        var sameShape = sample.Names.Where(n => SameShape(n, model)).ToList();
        var shape = Words(model).Length;
        if (sameShape.Count < 2) return null;
        return string.Join(' ', Enumerable.Range(0, shape).Select(i => Words(Pick(sameShape))[i]));
    }

    /// <summary>
    /// An address on the domain of a real row, with the local part of another: where that row's address holds its own
    /// client id (info42@…), the canary's holds the canary's id; otherwise its digits are drawn anew, or, where it has
    /// none, the parts of two real local parts are joined as the base joins them.
    /// </summary>
    internal static string? EmailLike(CanarySample sample, long fakeId)
    {
        if (sample.Emails.Count == 0) return null;
        var domain = Pick(sample.Emails).Email.Split('@')[1];
        var (modelId, model) = Pick(sample.Emails);
        var local = model.Split('@')[0];
        var ownId = modelId?.ToString(CultureInfo.InvariantCulture);
        if (ownId is not null && local.Contains(ownId, StringComparison.Ordinal))
            return local.Replace(ownId, fakeId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) + "@" + domain;
        if (local.Any(char.IsAsciiDigit))
            return new string([.. local.Select(c => char.IsAsciiDigit(c) ? (char)('0' + RandomNumberGenerator.GetInt32(10)) : c)]) + "@" + domain;
        var other = Pick(sample.Emails).Email.Split('@')[0];
        var separator = local.FirstOrDefault(c => c is '.' or '_' or '-');
        var head = separator == default ? local : local[..local.IndexOf(separator)];
        var tail = other.IndexOfAny(['.', '_', '-']) is var at and >= 0 ? other[(at + 1)..] : other;
        return (separator == default ? head + tail : head + separator + tail) + "@" + domain;
    }

    /// <summary>A number with the country and network prefix of a real row's number; the subscriber part (the last seven digits) drawn anew.</summary>
    internal static string? PhoneLike(CanarySample sample)
    {
        if (sample.Phones.Count == 0) return null;
        var model = Pick(sample.Phones);
        var kept = Math.Max(2, model.Length - 7);
        return model[..kept] + RandomNumberGenerator.GetString("0123456789", model.Length - kept);
    }

    private static (string Name, string Email, string Phone) FromStyle(Style style, string domain)
    {
        var first = Pick(style.First);
        var middle = Pick(style.Middle);
        var last = Pick(style.Last);
        var name = style == Russian ? $"{last.Name} {first.Name} {middle.Name}" : $"{first.Name} {middle.Name} {last.Name}";
        var email = $"{first.Latin}.{middle.Latin}.{last.Latin}{RandomNumberGenerator.GetInt32(10, 10_000)}@{domain}".ToLowerInvariant();
        return (name, email, style.Prefix + RandomNumberGenerator.GetString("0123456789", style.Digits));
    }

    private static string[] Words(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Names of one shape: as many words, in the same script (a Russian first name after a German surname would stand out).</summary>
    internal static bool SameShape(string a, string b) => Words(a).Length == Words(b).Length && IsCyrillic(a) == IsCyrillic(b);

    private static bool IsCyrillic(string name) => name.Any(c => c is >= '\u0400' and <= '\u04FF');

    // Real clients are checked too: a canary must never share a number or address with someone real. Row filters are
    // bypassed for this yes/no answer only, since a manager's export must not reuse a colleague's client's number.
    private static async Task<bool> EmailInUseAsync(ClienteleDb db, string email, CancellationToken ct) =>
        await db.Set<ExportCanary>().AnyAsync(c => c.Email == email, ct)
        || await db.Clients.IgnoreQueryFilters().AnyAsync(c => c.Email == email, ct);

    private static async Task<bool> PhoneInUseAsync(ClienteleDb db, string phone, CancellationToken ct) =>
        await db.Set<ExportCanary>().AnyAsync(c => c.Phone == phone, ct)
        || await db.Clients.IgnoreQueryFilters().AnyAsync(c => c.Phone == phone, ct);

    private static T Pick<T>(IReadOnlyList<T> items) => items[RandomNumberGenerator.GetInt32(items.Count)];
}
