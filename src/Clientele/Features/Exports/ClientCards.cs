using System.Globalization;
using Clientele.Features.Exports.Formats;

namespace Clientele.Features.Exports;

/// <summary>A contact person of a company, written as a card of its own under the company's name.</summary>
public sealed record ContactCard(long Id, string Name, string? Position, IReadOnlyList<string> Phones, IReadOnlyList<string> Emails);

/// <summary>
/// Clients as vCards. The clients travel as an <see cref="ExportTable"/> like every other export, so that the export
/// gate counts them, holds a large export for approval and plants its canaries (a canary row becomes a person's card
/// with the canary's name, e-mail and phone); this class lays the table's columns out and writes its rows as cards:
/// a company as an organisation card followed by a card per contact person, a person as a person's card.
/// </summary>
public static class ClientCards
{
    public const int Id = 0, Name = 1, Kind = 2, Phone = 3, Email = 4, City = 5, Region = 6, Country = 7, Website = 8, Notes = 9,
        Tags = 10, Contacts = 11, LegalName = 12;

    /// <summary>What a canary leaves out: a neighbour's notes, tags, contacts or legal name would betray it as a copy (and leak them).</summary>
    public static readonly int[] CanaryBlanks = [Kind, Website, Notes, Tags, Contacts, LegalName];

    public static IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("Id", ExportType.Integer), new("Name", ExportType.Text), new("Kind", ExportType.Text), new("Phone", ExportType.Text),
        new("E-mail", ExportType.Text), new("City", ExportType.Text), new("Region", ExportType.Text), new("Country", ExportType.Text),
        new("Website", ExportType.Text), new("Notes", ExportType.Text), new("Tags", ExportType.Text), new("Contacts", ExportType.Text),
        new("Legal name", ExportType.Text),
    ];

    public static void Write(Stream output, ExportTable table, VCardVersion version, CancellationToken ct)
    {
        var cards = new VCardWriter(output, version);
        foreach (var row in table.Rows)
        {
            ct.ThrowIfCancellationRequested();
            WriteClient(cards, row);
        }
        cards.Flush();
    }

    private static void WriteClient(VCardWriter cards, object?[] row)
    {
        var id = Convert.ToInt64(row[Id], CultureInfo.InvariantCulture);
        var name = row[Name] as string ?? "";
        var company = row[Kind] as string == "Company";
        cards.Begin(VCardWriter.Uid("client", id), company);
        cards.Text("FN", name);
        if (company)
        {
            // 3.0 requires N; an organisation has no person's name, so its components stay empty.
            if (cards.Version == VCardVersion.V3) cards.Structured("N", "", "", "", "", "");
            cards.Structured("ORG", row[LegalName] as string is { Length: > 0 } legal && legal != name ? legal : name);
        }
        else cards.Structured("N", PersonName(name));
        cards.Phone(row[Phone] as string);
        cards.Email(row[Email] as string);
        if (row[City] is string || row[Region] is string || row[Country] is string)
            cards.Structured("ADR;TYPE=work", "", "", "", row[City] as string, row[Region] as string, "", row[Country] as string);
        cards.Text("URL", row[Website] as string);
        cards.List("CATEGORIES", row[Tags] as IEnumerable<string> ?? []);
        cards.Text("NOTE", row[Notes] as string);
        cards.End();

        foreach (var contact in row[Contacts] as IEnumerable<ContactCard> ?? [])
        {
            cards.Begin(VCardWriter.Uid("contact", contact.Id), organisation: false);
            cards.Text("FN", contact.Name);
            cards.Structured("N", PersonName(contact.Name));
            cards.Structured("ORG", name);
            cards.Text("TITLE", contact.Position);
            foreach (var phone in contact.Phones) cards.Phone(phone);
            foreach (var email in contact.Emails) cards.Email(email);
            cards.End();
        }
    }

    /// <summary>
    /// N's family;given;additional;prefix;suffix from a name held as one string: Russian names are written family name
    /// first ("Иванов Иван Иванович"), others given name first ("Anna Maria Schmidt").
    /// </summary>
    public static string[] PersonName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length < 2) return [name.Trim(), "", "", "", ""];
        var cyrillic = name.Any(c => c is >= '\u0400' and <= '\u04FF');
        return cyrillic
            ? [words[0], words[1], string.Join(' ', words.Skip(2)), "", ""]
            : [words[^1], words[0], string.Join(' ', words.Skip(1).SkipLast(1)), "", ""];
    }
}
