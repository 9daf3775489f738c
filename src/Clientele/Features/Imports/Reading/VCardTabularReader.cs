using Clientele.Features.Imports.Mapping;

namespace Clientele.Features.Imports.Reading;

/// <summary>
/// A phone book (vCard 2.1, 3.0, 4.0 as Google, Apple, Outlook and old phones write them) read as a table: one card per
/// row under fixed headers that are client field keys, so automatic mapping needs no help. A card with ORG is a
/// company whose person becomes its contact; a card without is a person.
/// </summary>
public sealed class VCardTabularReader : ITabularReader
{
    public const int MaxCardBytes = 1 << 20;

    public static readonly IReadOnlyList<string> Columns =
    [
        ClientFieldKeys.Name, ClientFieldKeys.Kind, ClientFieldKeys.Phone, ClientFieldKeys.Email, ClientFieldKeys.Website,
        ClientFieldKeys.City, ClientFieldKeys.Region, ClientFieldKeys.Country, ClientFieldKeys.Notes, ClientFieldKeys.Tags,
        ClientFieldKeys.ContactName, ClientFieldKeys.ContactPosition, ClientFieldKeys.ContactPhone, ClientFieldKeys.ContactEmail,
    ];

    private static readonly Dictionary<string, int> ColumnIndex = Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
    private static readonly string[] KnownVersions = ["2.1", "3.0", "4.0"];

    private readonly BoundedLines lines;
    private readonly string[] values = new string[Columns.Count];
    private string? carried; // a line read ahead while unfolding, not yet consumed

    private VCardTabularReader(BoundedLines lines, string description)
    {
        this.lines = lines;
        Description = description;
    }

    public IReadOnlyList<string> Header => Columns;
    public string Description { get; }
    public long Line { get; private set; }
    public string? RowError { get; private set; }
    public double Progress => lines.Progress;
    public string this[int column] => column < values.Length ? values[column] ?? "" : "";

    public static VCardTabularReader Open(string path, ReadOnlySpan<byte> sample)
    {
        var text = System.Text.Encoding.Latin1.GetString(sample);
        var at = text.IndexOf("VERSION:", StringComparison.OrdinalIgnoreCase);
        var version = at < 0 ? "" : text[(at + 8)..].Split('\n')[0].Trim();
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) stream.Position = 3;
        return new VCardTabularReader(new BoundedLines(stream, MaxCardBytes + 1), version.Length > 0 ? $"vCard {version}" : "vCard");
    }

    public bool Read()
    {
        // Find the next BEGIN:VCARD; blank or stray lines between cards are skipped.
        while (true)
        {
            var line = NextPhysical();
            if (line is null) return false;
            if (line.Trim().Equals("BEGIN:VCARD", StringComparison.OrdinalIgnoreCase)) break;
        }
        Line = lines.LineNumber;
        var properties = new List<VCardProperty>();
        string? error = null;
        long cardBytes = 0;
        while (true)
        {
            var logical = NextLogical(ref cardBytes, out var number);
            if (logical is null) throw new ImportFileException(Message.Of<ReadingText>("BEGIN:VCARD without END:VCARD"), Line);
            var trimmed = logical.Trim();
            if (trimmed.Equals("END:VCARD", StringComparison.OrdinalIgnoreCase)) break;
            if (trimmed.Equals("BEGIN:VCARD", StringComparison.OrdinalIgnoreCase))
                throw new ImportFileException(Message.Of<ReadingText>("BEGIN:VCARD without END:VCARD (the next card begins on line {0})", number), Line);
            if (trimmed.Length == 0 || cardBytes > MaxCardBytes) continue;
            var property = VCardProperty.Parse(logical, number, out var problem);
            error ??= problem;
            if (problem is null) properties.Add(property);
        }
        if (cardBytes > MaxCardBytes) error = Message.Of<ReadingText>("the card is larger than {0} MB", MaxCardBytes >> 20).Encode();
        RowError = error ?? Fill(properties);
        return true;
    }

    /// <summary>The next content line with folded continuations (a leading space or tab) and quoted-printable soft breaks joined.</summary>
    private string? NextLogical(ref long cardBytes, out long number)
    {
        var first = NextPhysical();
        number = lines.LineNumber;
        if (first is null) return null;
        cardBytes += lines.LastLineBytes + 1;
        var joined = new System.Text.StringBuilder(first);
        var quotedPrintable = first.Contains("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase);
        while (true)
        {
            var next = NextPhysical();
            if (next is null) break;
            var folded = next.Length > 0 && next[0] is ' ' or '\t';
            var softBreak = quotedPrintable && joined.Length > 0 && joined[^1] == '=';
            if (!folded && !softBreak)
            {
                carried = next;
                break;
            }
            cardBytes += lines.LastLineBytes + 1;
            if (cardBytes > MaxCardBytes) continue; // keep reading to the card's end, but hold no more of it
            if (softBreak) joined.Length--;
            joined.Append(folded ? next.AsSpan(1) : next.AsSpan());
        }
        return joined.ToString();
    }

    private string? NextPhysical()
    {
        if (carried is not null)
        {
            var line = carried;
            carried = null;
            return line;
        }
        return lines.Next();
    }

    /// <summary>The card's properties into the row; the first problem found, or null.</summary>
    private string? Fill(List<VCardProperty> properties)
    {
        Array.Fill(values, "");
        var text = new Dictionary<VCardProperty, string>();
        foreach (var property in properties)
        {
            if (property.Name is not ("VERSION" or "FN" or "N" or "ORG" or "TITLE" or "ROLE" or "TEL" or "EMAIL" or "ADR"
                or "URL" or "NOTE" or "CATEGORIES" or "KIND" or "X-ABSHOWAS")) continue;
            if (!property.TryText(out var value, out var error)) return error;
            text[property] = value;
        }
        var byName = properties.Where(text.ContainsKey).ToLookup(p => p.Name);
        string? First(string name) => Pick(byName[name]) is { } p ? text[p] : null;

        var version = First("VERSION");
        if (version is not null && !KnownVersions.Contains(version.Trim()))
            return Message.Of<ReadingText>("line {0}: VERSION:{1} is not a vCard version (2.1, 3.0 or 4.0)", properties.First(p => p.Name == "VERSION").Line, version.Trim()).Encode();

        var organisation = First("ORG") is { } org ? VCardProperty.Components(org, ';')[0] : "";
        var person = VCardProperty.Unescape(First("FN") ?? "").Trim();
        if (person.Length == 0 && First("N") is { } n)
        {
            var name = VCardProperty.Components(n, ';');
            string Part(int i) => i < name.Count ? name[i] : "";
            person = string.Join(' ', new[] { Part(3), Part(1), Part(2), Part(0), Part(4) }.Where(s => s.Length > 0));
        }
        var kind = First("KIND")?.Trim() ?? First("X-ABSHOWAS")?.Trim();
        var isCompany = organisation.Length > 0 || string.Equals(kind, "org", StringComparison.OrdinalIgnoreCase)
                                               || string.Equals(kind, "company", StringComparison.OrdinalIgnoreCase);
        if (organisation.Length == 0 && isCompany) (organisation, person) = (person, "");
        if (string.Equals(person, organisation, StringComparison.OrdinalIgnoreCase)) person = "";

        var phone = First("TEL") is { } tel ? Phone(tel) : "";
        var email = First("EMAIL")?.Trim() ?? "";
        if (email.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) email = email[7..];
        if (isCompany)
        {
            Set(ClientFieldKeys.Name, organisation);
            Set(ClientFieldKeys.Kind, "company");
            var hasContact = person.Length > 0;
            Set(ClientFieldKeys.ContactName, person);
            Set(ClientFieldKeys.ContactPosition, VCardProperty.Unescape(First("TITLE") ?? First("ROLE") ?? ""));
            Set(hasContact ? ClientFieldKeys.ContactPhone : ClientFieldKeys.Phone, phone);
            Set(hasContact ? ClientFieldKeys.ContactEmail : ClientFieldKeys.Email, email);
        }
        else
        {
            if (person.Length == 0) return Message.Of<ReadingText>("the card names nobody (no FN, N or ORG)").Encode();
            Set(ClientFieldKeys.Name, person);
            Set(ClientFieldKeys.Kind, "person");
            Set(ClientFieldKeys.Phone, phone);
            Set(ClientFieldKeys.Email, email);
        }
        if (First("ADR") is { } adr)
        {
            var address = VCardProperty.Components(adr, ';');
            Set(ClientFieldKeys.City, address.ElementAtOrDefault(3) ?? "");
            Set(ClientFieldKeys.Region, address.ElementAtOrDefault(4) ?? "");
            Set(ClientFieldKeys.Country, address.ElementAtOrDefault(6) ?? "");
        }
        Set(ClientFieldKeys.Website, VCardProperty.Unescape(First("URL") ?? ""));
        Set(ClientFieldKeys.Notes, VCardProperty.Unescape(First("NOTE") ?? ""));
        var tags = byName["CATEGORIES"]
            .SelectMany(p => VCardProperty.Components(text[p], ','))
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase);
        Set(ClientFieldKeys.Tags, string.Join(", ", tags));
        return null;
    }

    /// <summary>The property marked preferred (PREF, TYPE=pref), else the first.</summary>
    private static VCardProperty? Pick(IEnumerable<VCardProperty> candidates) =>
        candidates.FirstOrDefault(p => p.Preferred) ?? candidates.FirstOrDefault();

    // vCard 4.0 may write phones as URIs: tel:+49-30-1234567.
    private static string Phone(string value)
    {
        var phone = VCardProperty.Unescape(value).Trim();
        return phone.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? phone[4..].Split(';')[0] : phone;
    }

    private void Set(string key, string value) => values[ColumnIndex[key]] = value.Trim();

    public void Dispose() => lines.Dispose();
}
