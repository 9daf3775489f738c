using System.Diagnostics;
using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Duplicates;

/// <summary>What a scan found and how long it took.</summary>
public sealed record ScanResult(int Clients, int ExactPairs, int FuzzyPairs, int Opened, int Removed, int Open, TimeSpan Elapsed);

/// <summary>
/// Finds duplicate clients already in the base: exact pairs by phone, e-mail and tax id (grouped queries over the
/// indexed columns; for persons also their contact persons' phones and e-mails), fuzzy pairs by name in the same city
/// (blocked in memory over a compact projection). Writes Open candidates, leaves dismissed and merged pairs as they
/// are, and removes open scan candidates that no longer match. Runs with the context's access: a manager's scan sees
/// and touches only pairs of their own clients.
/// </summary>
public static class DuplicateScan
{
    /// <summary>Clients sharing one key beyond this are a shared office number or a placeholder, not duplicates; the
    /// first ones are still paired, so the list does not explode quadratically.</summary>
    private const int MaxGroup = 20;

    internal readonly record struct Found(DuplicateReason Reason, double Score);

    public static async Task<ScanResult> RunAsync(ClienteleDb db, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var found = new Dictionary<(long, long), Found>();
        var exact = 0;
        foreach (var (reason, groups) in new[]
        {
            (DuplicateReason.TaxId, await GroupsAsync(db, DuplicateReason.TaxId, ct)),
            (DuplicateReason.Phone, await GroupsAsync(db, DuplicateReason.Phone, ct)),
            (DuplicateReason.Email, await GroupsAsync(db, DuplicateReason.Email, ct)),
        })
            exact += AddPairs(found, groups, reason);
        exact += await PersonContactsAsync(db, found, ct);

        var clients = await db.Clients.AsNoTracking().Where(c => c.City != null && c.City != "")
            .Select(c => new { c.Id, c.Name, c.City }).ToListAsync(ct);
        var fuzzy = Fuzzy(clients.Select(c => (c.Id, c.Name, c.City)), found);
        fuzzy -= await SeparateLegalEntitiesAsync(db, found, ct);
        var total = await db.Clients.CountAsync(ct);
        var (opened, removed, open) = await StoreAsync(db, found, ct);
        return new ScanResult(total, exact, fuzzy, opened, removed, open, clock.Elapsed);
    }

    /// <summary>
    /// Client ids per key value shared by more than one client: the shared values by GROUP BY … HAVING on the indexed
    /// column first, then their clients by chunks of values (asked in one statement, EF correlates the grouped subquery
    /// with every row and the scan turns quadratic).
    /// </summary>
    private static async Task<List<long[]>> GroupsAsync(ClienteleDb db, DuplicateReason reason, CancellationToken ct)
    {
        var shared = await (reason switch
        {
            DuplicateReason.TaxId => db.Clients.Where(o => o.TaxId != null && o.TaxId != "").GroupBy(o => o.TaxId!),
            DuplicateReason.Phone => db.Clients.Where(o => o.Phone != null && o.Phone != "").GroupBy(o => o.Phone!),
            _ => db.Clients.Where(o => o.Email != null && o.Email != "").GroupBy(o => o.Email!),
        }).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync(ct);
        var rows = new List<(string Key, long Id)>();
        foreach (var chunk in shared.Chunk(500))
        {
            var query = reason switch
            {
                DuplicateReason.TaxId => db.Clients.Where(c => chunk.Contains(c.TaxId!)).Select(c => new { Key = c.TaxId!, c.Id }),
                DuplicateReason.Phone => db.Clients.Where(c => chunk.Contains(c.Phone!)).Select(c => new { Key = c.Phone!, c.Id }),
                _ => db.Clients.Where(c => chunk.Contains(c.Email!)).Select(c => new { Key = c.Email!, c.Id }),
            };
            rows.AddRange((await query.AsNoTracking().ToListAsync(ct)).Select(r => (r.Key, r.Id)));
        }
        return [.. rows.GroupBy(r => r.Key, StringComparer.Ordinal).Select(g => g.Select(r => r.Id).ToArray())];
    }

    /// <summary>The score of a shared phone or e-mail between two clients with different tax ids: worth a look, never certain.</summary>
    internal const double DifferentTaxIdScore = 0.5;

    /// <summary>
    /// Two clients with different tax ids are two legal entities (in Russia an INN is one taxpayer; a holding's firms
    /// share phones and e-mails): a shared phone or e-mail between them is kept at <see cref="DifferentTaxIdScore"/>
    /// instead of a 100% match, and a look-alike name in the same city is no candidate at all. One INN with two KPPs is
    /// one taxpayer's two branches: a pair, but not a certain one either. Returns the name pairs dropped.
    /// </summary>
    private static async Task<int> SeparateLegalEntitiesAsync(ClienteleDb db, Dictionary<(long, long), Found> found, CancellationToken ct)
    {
        var taxIds = new Dictionary<long, (string TaxId, string? Kpp)>();
        foreach (var chunk in found.Keys.SelectMany(p => new[] { p.Item1, p.Item2 }).Distinct().Chunk(500))
            foreach (var c in await db.Clients.AsNoTracking().Where(c => chunk.Contains(c.Id) && c.TaxId != null && c.TaxId != "")
                         .Select(c => new { c.Id, c.TaxId, c.Kpp }).ToListAsync(ct))
                // Stored normalised (the scan groups the column as it is, above); an empty KPP is none.
                taxIds[c.Id] = (c.TaxId!, string.IsNullOrWhiteSpace(c.Kpp) ? null : c.Kpp);
        var dropped = 0;
        foreach (var (pair, what) in found.ToList())
        {
            if (!taxIds.TryGetValue(pair.Item1, out var left) || !taxIds.TryGetValue(pair.Item2, out var right)
                || left.TaxId.Length == 0 || right.TaxId.Length == 0)
                continue;
            if (string.Equals(left.TaxId, right.TaxId, StringComparison.Ordinal))
            {
                if (left.Kpp is not null && right.Kpp is not null && !string.Equals(left.Kpp, right.Kpp, StringComparison.Ordinal))
                    found[pair] = what with { Score = Math.Min(what.Score, DifferentTaxIdScore) };
                continue;
            }
            if (what.Reason == DuplicateReason.NameAndCity)
            {
                found.Remove(pair);
                dropped++;
            }
            else found[pair] = what with { Score = Math.Min(what.Score, DifferentTaxIdScore) };
        }
        return dropped;
    }

    private static int AddPairs(Dictionary<(long, long), Found> found, IEnumerable<long[]> groups, DuplicateReason reason)
    {
        var added = 0;
        foreach (var ids in groups)
        {
            var first = ids.Distinct().Order().Take(MaxGroup).ToArray();
            for (var i = 0; i < first.Length; i++)
                for (var j = i + 1; j < first.Length; j++)
                    if (Add(found, first[i], first[j], new Found(reason, 1))) added++;
        }
        return added;
    }

    /// <summary>Keeps the strongest reason per pair: tax id, phone, e-mail, then name (the enum's order), then score.</summary>
    private static bool Add(Dictionary<(long, long), Found> found, long a, long b, Found what)
    {
        var pair = a < b ? (a, b) : (b, a);
        if (found.TryGetValue(pair, out var had))
        {
            if (had.Reason < what.Reason || (had.Reason == what.Reason && had.Score >= what.Score)) return false;
            found[pair] = what;
            return false;
        }
        found[pair] = what;
        return true;
    }

    /// <summary>
    /// A person's phone and e-mail often sit on its contact person row rather than on the client: those count as the
    /// person's own, matched against other persons' contacts and every client's own phone and e-mail.
    /// </summary>
    private static async Task<int> PersonContactsAsync(ClienteleDb db, Dictionary<(long, long), Found> found, CancellationToken ct)
    {
        var contacts = await db.ContactPersons.AsNoTracking()
            .Where(p => db.Clients.Any(c => c.Id == p.ClientId && c.Kind == ClientKind.Person))
            .Select(p => new { p.ClientId, p.Phones, p.Emails }).ToListAsync(ct);
        if (contacts.Count == 0) return 0;
        var phones = contacts.SelectMany(p => p.Phones.Select(x => (Key: x, p.ClientId))).ToList();
        var emails = contacts.SelectMany(p => p.Emails.Select(x => (Key: x, p.ClientId))).ToList();
        foreach (var chunk in phones.Select(p => p.Key).Distinct().Chunk(500))
            phones.AddRange((await db.Clients.AsNoTracking().Where(c => chunk.Contains(c.Phone!)).Select(c => new { c.Phone, c.Id }).ToListAsync(ct))
                .Select(c => (c.Phone!, c.Id)));
        foreach (var chunk in emails.Select(p => p.Key).Distinct().Chunk(500))
            emails.AddRange((await db.Clients.AsNoTracking().Where(c => chunk.Contains(c.Email!)).Select(c => new { c.Email, c.Id }).ToListAsync(ct))
                .Select(c => (c.Email!, c.Id)));
        return AddPairs(found, phones.GroupBy(p => p.Key).Select(g => g.Select(p => p.ClientId).Distinct().ToArray()).Where(g => g.Length > 1), DuplicateReason.Phone)
            + AddPairs(found, emails.GroupBy(p => p.Key).Select(g => g.Select(p => p.ClientId).Distinct().ToArray()).Where(g => g.Length > 1), DuplicateReason.Email);
    }

    /// <summary>Name pairs within each block (city + first letters of a word), compared by trigram profiles computed once.</summary>
    internal static int Fuzzy(IEnumerable<(long Id, string Name, string? City)> clients, Dictionary<(long, long), Found> found)
    {
        var keyed = clients
            .Select(c => (c.Id, Name: DuplicateKeys.NameKey(c.Name), City: DuplicateKeys.CityKey(c.City)))
            .Where(c => c.Name.Length > 0 && c.City.Length > 0)
            .Select(c => (c.Id, c.Name, c.City, Grams: DuplicateKeys.Trigrams(c.Name), Initials: c.Name.Split(' ').Any(w => w.Length == 1)))
            .ToList();
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < keyed.Count; i++)
            foreach (var block in DuplicateKeys.BlockKeys(keyed[i].Name, keyed[i].City))
            {
                if (!blocks.TryGetValue(block, out var members)) blocks[block] = members = [];
                members.Add(i);
            }
        var added = 0;
        var compared = new HashSet<(int, int)>();
        foreach (var members in blocks.Values)
            for (var x = 0; x < members.Count; x++)
                for (var y = x + 1; y < members.Count; y++)
                {
                    var (a, b) = (keyed[members[x]], keyed[members[y]]);
                    if (a.City != b.City || !compared.Add(members[x] < members[y] ? (members[x], members[y]) : (members[y], members[x]))) continue;
                    if (DuplicateKeys.NumbersDiffer(a.Name, b.Name)) continue;
                    var score = a.Name == b.Name ? 1 : DuplicateKeys.Dice(a.Grams, b.Grams);
                    // Only a name with initials can score higher by the full comparison; the others are settled by the trigrams.
                    if (score < DuplicateKeys.FuzzyThreshold && (a.Initials || b.Initials)) score = DuplicateKeys.NameSimilarity(a.Name, b.Name);
                    if (score >= DuplicateKeys.FuzzyThreshold && Add(found, a.Id, b.Id, new Found(DuplicateReason.NameAndCity, Math.Round(score, 3)))) added++;
                }
        return added;
    }

    /// <summary>Writes the pairs: new ones Open, open ones updated, dismissed and merged ones left; open scan pairs not found again removed.</summary>
    private static async Task<(int Opened, int Removed, int Open)> StoreAsync(ClienteleDb db, Dictionary<(long, long), Found> found, CancellationToken ct)
    {
        // Candidates of clients the context sees on both sides (the filter covers the first; the second is checked).
        var existing = await db.Set<DuplicateCandidate>().Where(d => db.Clients.Any(c => c.Id == d.OtherClientId)).ToListAsync(ct);
        var byPair = existing.GroupBy(d => d.ClientId < d.OtherClientId ? (d.ClientId, d.OtherClientId) : (d.OtherClientId, d.ClientId))
            .ToDictionary(g => g.Key, g => g.First());
        var opened = 0;
        var removed = 0;
        foreach (var (pair, what) in found)
        {
            if (byPair.Remove(pair, out var had))
            {
                if (had.Status == DuplicateStatus.Open && had.Source == DuplicateSource.Scan) (had.Reason, had.Score) = (what.Reason, what.Score);
                continue;
            }
            db.Add(new DuplicateCandidate
            {
                ClientId = pair.Item1, OtherClientId = pair.Item2, Reason = what.Reason, Score = what.Score,
                Source = DuplicateSource.Scan, Status = DuplicateStatus.Open, CreatedAt = db.UtcNow,
            });
            opened++;
        }
        foreach (var stale in byPair.Values.Where(d => d.Status == DuplicateStatus.Open && d.Source == DuplicateSource.Scan))
        {
            db.Remove(stale);
            removed++;
        }
        // Pairs whose other client is gone (deleted; the first one's deletion cascades).
        removed += await db.Set<DuplicateCandidate>().Where(d => d.Status == DuplicateStatus.Open && !db.Clients.IgnoreQueryFilters().Any(c => c.Id == d.OtherClientId))
            .ExecuteDeleteAsync(ct);
        var bulk = db.BulkLoad;
        db.BulkLoad = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.BulkLoad = bulk;
        }
        db.ChangeTracker.Clear();
        var open = await db.Set<DuplicateCandidate>().CountAsync(d => d.Status == DuplicateStatus.Open && db.Clients.Any(c => c.Id == d.OtherClientId), ct);
        return (opened, removed, open);
    }
}
