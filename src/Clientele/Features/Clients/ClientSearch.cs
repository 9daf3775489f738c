using System.Text;
using Clientele.Features.Contacts;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Clients;

/// <summary>
/// One search box over names, legal names, tax ids, phones and e-mails. Every client keeps a set of normalised
/// terms in an indexed table, so a query is a few index range scans whatever the size of the base.
/// </summary>
/// <remarks>
/// A term starts with the field it came from (<see cref="TermSource"/>), and a search reads only the fields the reader
/// sees unmasked: otherwise a reader who sees "Client #17" and no phone could recover the name or the phone a
/// character at a time from which clients a prefix finds (issue 17). For a marketer, a contact person's phone or
/// e-mail counts only where that person consented to the channel, checked in the same query, so that counts and
/// pages leak nothing either.
/// </remarks>
public static class ClientSearch
{
    public const int TermMax = 100;
    /// <summary>A term's value after its one-character source.</summary>
    public const int ValueMax = TermMax - 1;
    // Above every character a term can hold, so [prefix, prefix + Top) is the range of terms starting with prefix.
    private const char Top = '\uffff';

    /// <summary>The form names are sorted and matched in: lower case, ё read as е.</summary>
    public static string Key(string text)
    {
        var lower = text.Trim().ToLowerInvariant().Replace('ё', 'е');
        return lower.Length > ClientRules.NameMax ? lower[..ClientRules.NameMax] : lower;
    }

    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) yield break;
        var word = new StringBuilder();
        foreach (var ch in Key(text).Append(' '))
        {
            if (char.IsLetterOrDigit(ch)) word.Append(ch);
            else if (word.Length > 0)
            {
                yield return word.Length > ValueMax ? word.ToString(0, ValueMax) : word.ToString();
                word.Clear();
            }
        }
    }

    /// <summary>
    /// The phone's digits: "+79161234567" is found as "79161234567"; a number kept as written (outside the numbering plan,
    /// ADR 021) by the digits it was written with, "8 (200) 123-45-67" as "82001234567".
    /// </summary>
    public static string PhoneTerm(string phone) => phone.StartsWith('+') && phone.Skip(1).All(char.IsAsciiDigit)
        ? phone[1..]
        : new string(phone.Where(char.IsAsciiDigit).ToArray());

    public static HashSet<string> TermsFor(Client c, IEnumerable<ContactPerson> contacts)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        void Add(char source, IEnumerable<string> values)
        {
            foreach (var value in values)
                if (value.Length is > 0 and <= ValueMax) terms.Add(source + value);
        }
        Add(TermSource.Name, Words(c.Name));
        Add(TermSource.Name, Words(c.LegalName));
        if (c.TaxId is { } tax) Add(c.Kind == ClientKind.Person ? TermSource.PersonTaxId : TermSource.CompanyTaxId, [tax.ToLowerInvariant()]);
        if (c.Phone is { } phone) Add(TermSource.ClientContact, [PhoneTerm(phone)]);
        if (c.Email is { } email) Add(TermSource.ClientContact, [email]);
        foreach (var person in contacts)
        {
            Add(TermSource.Name, Words(person.Name));
            Add(TermSource.PersonPhone, person.Phones.Select(PhoneTerm));
            Add(TermSource.PersonEmail, person.Emails);
        }
        return terms;
    }

    /// <summary>Brings the tracked client's terms in line with its fields and contacts (loaded with SearchTerms).</summary>
    public static void Sync(Client client, IEnumerable<ContactPerson> contacts)
    {
        var wanted = TermsFor(client, contacts);
        client.SearchTerms.RemoveAll(t => !wanted.Contains(t.Term));
        foreach (var term in wanted.Where(w => !client.SearchTerms.Any(t => t.Term == w)))
            client.SearchTerms.Add(new ClientSearchTerm { Term = term });
    }

    /// <summary>Re-derives a client's terms after its contacts changed, counting the changes not yet saved.</summary>
    public static async Task SyncAsync(ClienteleDb db, long clientId, CancellationToken ct)
    {
        var client = await db.Clients.Include(c => c.SearchTerms).SingleAsync(c => c.Id == clientId, ct);
        // A tracking query hands back the tracked instances, so pending edits are seen; pending adds and deletes are not.
        var stored = await db.ContactPersons.Where(p => p.ClientId == clientId).ToListAsync(ct);
        var pendingAdds = db.ContactPersons.Local.Where(p => p.ClientId == clientId && db.Entry(p).State == EntityState.Added);
        Sync(client, stored.Where(p => db.Entry(p).State != EntityState.Deleted).Concat(pendingAdds));
    }

    /// <summary>
    /// Ids of clients matching every word of <paramref name="query"/> in the fields the context's reader sees unmasked;
    /// null when the query is blank.
    /// </summary>
    public static IQueryable<long>? Matching(ClienteleDb db, string? query, string phoneRegion)
    {
        if (string.IsNullOrWhiteSpace(query)) return null;
        var q = query.Trim();
        if (q.Contains('@')) return Prefix(db, q.ToLowerInvariant());

        if (LooksLikePhoneOrNumber(q))
        {
            var digits = new string(q.Where(char.IsAsciiDigit).ToArray());
            var e164 = ContactRules.NormalizePhone(q, phoneRegion);
            var byDigits = Prefix(db, digits);
            // A number typed the national way ("8 916…", "0151…") is stored with its country code.
            // The company's region first, then the markets Clientele is made for.
            if (!q.TrimStart().StartsWith('+'))
                foreach (var region in new[] { phoneRegion, "RU", "DE" }.Distinct())
                    if (ContactRules.NationalToInternational(digits, region) is { } international)
                        byDigits = byDigits.Union(Prefix(db, international));
            return e164 is null ? byDigits : byDigits.Union(Terms(db, PhoneTerm(e164), exact: true));
        }

        IQueryable<long>? ids = null;
        foreach (var word in Words(q).Distinct().Take(5))
            ids = ids is null ? Prefix(db, word) : ids.Intersect(Prefix(db, word));
        return ids ?? db.ClientSearchTerms.Where(t => t.Term == Top.ToString()).Select(t => t.ClientId);
    }

    private static bool LooksLikePhoneOrNumber(string q) =>
        q.Count(char.IsAsciiDigit) >= 3 && q.All(ch => char.IsAsciiDigit(ch) || ch is '+' or ' ' or '(' or ')' or '-' or '.' or '/');

    private static IQueryable<long> Prefix(ClienteleDb db, string prefix) => Terms(db, prefix, exact: false);

    /// <summary>
    /// Clients with a term equal to (or starting with) <paramref name="value"/> in a field the reader may see: one index
    /// range per such field, concatenated (the caller's IN does not care for repeats).
    /// </summary>
    private static IQueryable<long> Terms(ClienteleDb db, string value, bool exact)
    {
        var access = db.Access;
        var ids = Range(db, TermSource.CompanyTaxId, value, exact);
        if (!access.MasksNames) ids = ids.Concat(Range(db, TermSource.Name, value, exact));
        if (!access.MasksSensitive) ids = ids.Concat(Range(db, TermSource.PersonTaxId, value, exact));
        if (!access.MasksContacts)
            return ids.Concat(Range(db, TermSource.ClientContact, value, exact))
                .Concat(Range(db, TermSource.PersonPhone, value, exact))
                .Concat(Range(db, TermSource.PersonEmail, value, exact));
        // A client's own phone and e-mail carry no consent of their own: marketers never see them (FieldMasks).
        return access.Role == EmployeeRole.Marketer ? ids.Concat(ConsentedContacts(db, value, exact)) : ids;
    }

    private static IQueryable<long> Range(ClienteleDb db, char source, string value, bool exact)
    {
        var from = source + value;
        if (exact) return db.ClientSearchTerms.Where(t => t.Term == from).Select(t => t.ClientId);
        var upper = from + Top;
        return db.ClientSearchTerms
            .Where(t => string.Compare(t.Term, from) >= 0 && string.Compare(t.Term, upper) < 0)
            .Select(t => t.ClientId);
    }

    /// <summary>
    /// The clients found by a contact person's phone or e-mail that the marketer may see: the person's latest say on
    /// the channel is "yes" (e-mail for addresses; phone or SMS for numbers), as <see cref="Clientele.Features.Access.FieldMasks"/> decides.
    /// The term index narrows to a few clients first; their contact persons are checked in the same query.
    /// </summary>
    private static IQueryable<long> ConsentedContacts(ClienteleDb db, string value, bool exact)
    {
        var byEmail = Range(db, TermSource.PersonEmail, value, exact);
        var byPhone = Range(db, TermSource.PersonPhone, value, exact);
        var number = "+" + value;
        var withEmail = db.ContactPersons.Where(p => byEmail.Contains(p.ClientId));
        withEmail = exact ? withEmail.Where(p => p.Emails.Contains(value)) : withEmail.Where(p => p.Emails.Any(e => e.StartsWith(value)));
        var withPhone = db.ContactPersons.Where(p => byPhone.Contains(p.ClientId));
        withPhone = exact ? withPhone.Where(p => p.Phones.Contains(number)) : withPhone.Where(p => p.Phones.Any(x => x.StartsWith(number)));
        var emails = withEmail
            .Where(p => p.Consents.Any(c => c.Channel == ConsentChannel.Email && c.Granted
                && !p.Consents.Any(d => d.Channel == ConsentChannel.Email && !d.Granted && d.RecordedAt >= c.RecordedAt)))
            .Select(p => p.ClientId);
        var phones = withPhone
            .Where(p => p.Consents.Any(c => (c.Channel == ConsentChannel.Phone || c.Channel == ConsentChannel.Sms) && c.Granted
                && !p.Consents.Any(d => d.Channel == c.Channel && !d.Granted && d.RecordedAt >= c.RecordedAt)))
            .Select(p => p.ClientId);
        return emails.Concat(phones);
    }

    /// <summary>
    /// Re-derives every client's terms (after the term format changed): a thousand clients at a time, each batch
    /// saved on its own, so a large base does not sit in one change tracker.
    /// </summary>
    public static async Task RebuildAllAsync(ClienteleDb db, CancellationToken ct)
    {
        long after = 0;
        while (true)
        {
            var clients = await db.Clients.IgnoreQueryFilters().Include(c => c.SearchTerms)
                .Where(c => c.Id > after).OrderBy(c => c.Id).Take(1000).ToListAsync(ct);
            if (clients.Count == 0) return;
            var ids = clients.Select(c => c.Id).ToList();
            var contacts = (await db.ContactPersons.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.ClientId)).ToListAsync(ct))
                .ToLookup(p => p.ClientId);
            foreach (var client in clients) Sync(client, contacts[client.Id]);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            after = ids[^1];
        }
    }
}

/// <summary>
/// The field a search term came from, stored as the term's first character: what a reader may search is what they
/// may see (<see cref="Clientele.Features.Access.FieldMasks"/>).
/// </summary>
public static class TermSource
{
    /// <summary>Words of the client's name and legal name and of its contact persons' names: hidden from analysts.</summary>
    public const char Name = 'n';
    /// <summary>A company's tax id: every role sees it.</summary>
    public const char CompanyTaxId = 't';
    /// <summary>A private person's tax id: hidden from analysts and marketers.</summary>
    public const char PersonTaxId = 'i';
    /// <summary>The client's own phone (digits) and e-mail: hidden from analysts and marketers.</summary>
    public const char ClientContact = 'c';
    /// <summary>A contact person's phone (digits): hidden from analysts, from marketers unless the person consented.</summary>
    public const char PersonPhone = 'p';
    /// <summary>A contact person's e-mail: hidden from analysts, from marketers unless the person consented.</summary>
    public const char PersonEmail = 'e';
}
