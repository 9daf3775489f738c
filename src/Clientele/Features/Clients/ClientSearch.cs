using System.Text;
using Clientele.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Clients;

/// <summary>
/// One search box over names, legal names, tax ids, phones and e-mails. Every client keeps a set of normalised
/// terms in an indexed table, so a query is a few index range scans whatever the size of the base.
/// </summary>
public static class ClientSearch
{
    public const int TermMax = 100;
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
                yield return word.Length > TermMax ? word.ToString(0, TermMax) : word.ToString();
                word.Clear();
            }
        }
    }

    /// <summary>The phone's digits without the plus: "+79161234567" is found as "79161234567".</summary>
    public static string PhoneTerm(string e164) => e164.TrimStart('+');

    public static HashSet<string> TermsFor(Client c, IEnumerable<ContactPerson> contacts)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        terms.UnionWith(Words(c.Name));
        terms.UnionWith(Words(c.LegalName));
        if (c.TaxId is { } tax) terms.Add(tax.ToLowerInvariant());
        if (c.Phone is { } phone) terms.Add(PhoneTerm(phone));
        if (c.Email is { } email) terms.Add(email);
        foreach (var person in contacts)
        {
            terms.UnionWith(Words(person.Name));
            terms.UnionWith(person.Phones.Select(PhoneTerm));
            terms.UnionWith(person.Emails);
        }
        terms.RemoveWhere(t => t.Length > TermMax);
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

    /// <summary>Ids of clients matching every word of <paramref name="query"/>; null when the query is blank.</summary>
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
            return e164 is null ? byDigits : byDigits.Union(Exact(db, PhoneTerm(e164)));
        }

        IQueryable<long>? ids = null;
        foreach (var word in Words(q).Distinct().Take(5))
            ids = ids is null ? Prefix(db, word) : ids.Intersect(Prefix(db, word));
        return ids ?? Exact(db, Top.ToString());
    }

    private static bool LooksLikePhoneOrNumber(string q) =>
        q.Count(char.IsAsciiDigit) >= 3 && q.All(ch => char.IsAsciiDigit(ch) || ch is '+' or ' ' or '(' or ')' or '-' or '.' or '/');

    private static IQueryable<long> Prefix(ClienteleDb db, string prefix)
    {
        var upper = prefix + Top;
        return db.ClientSearchTerms
            .Where(t => string.Compare(t.Term, prefix) >= 0 && string.Compare(t.Term, upper) < 0)
            .Select(t => t.ClientId);
    }

    private static IQueryable<long> Exact(ClienteleDb db, string term) =>
        db.ClientSearchTerms.Where(t => t.Term == term).Select(t => t.ClientId);
}
