using Clientele.Features.Clients;
using Clientele.Features.Demo;
using Microsoft.Data.Sqlite;

namespace Clientele.Bench;

public enum QueryKind { Grid, Search, Api }

/// <summary>One grid request: what <see cref="ClientQueries.PageAsync"/> is called with; Expect is a client that must be on the page.</summary>
public sealed record GridQuery(ClientFilter Filter, ClientSort Sort = ClientSort.Name, bool Descending = false, int Skip = 0, int Take = Scenarios.PageSize,
    long? Expect = null, string? Text = null, long After = 0);

public sealed record Scenario(string Name, QueryKind Kind, Func<Random, GridQuery> Next)
{
    /// <summary>The targets: grid p95 ≤ 30 ms, search p95 ≤ 50 ms.</summary>
    public double TargetMs => Kind == QueryKind.Search ? 50 : 30;
}

/// <summary>Existing clients to search for, picked at random from the filled base.</summary>
public sealed record SampleClient(long Id, string Name, string Country, ClientKind Kind, string Phone, string Email, string? TaxId);

public static class Scenarios
{
    public const int PageSize = 50;

    public static List<Scenario> All(IReadOnlyList<SampleClient> sample, IReadOnlyList<long> managers)
    {
        var ru = sample.Where(c => c.Country == "RU").ToArray();
        var de = sample.Where(c => c.Country == "DE").ToArray();
        var ruPersons = ru.Where(c => c.Kind == ClientKind.Person).ToArray();
        var all = sample.ToArray();
        var withTaxId = sample.Where(c => c.TaxId is not null).ToArray();
        var regions = DemoVocabulary.RuCities.Concat(DemoVocabulary.DeCities).Select(c => c.Region).Distinct().ToArray();
        long Manager(Random r) => managers[r.Next(managers.Count)];
        T Any<T>(Random r, T[] items) => items[r.Next(items.Length)];

        return
        [
            new("grid: all, by name, page 1", QueryKind.Grid, _ => new(new ClientFilter())),
            new("grid: all, by name, skip 1000", QueryKind.Grid, _ => new(new ClientFilter(), Skip: 1000)),
            new("grid: all, by name desc, page 1", QueryKind.Grid, _ => new(new ClientFilter(), Descending: true)),
            new("grid: active + manager, by name, page 1", QueryKind.Grid, r => new(new ClientFilter(Status: ClientStatus.Active, ManagerId: Manager(r)))),
            new("grid: active + manager, by name, skip 1000", QueryKind.Grid, r => new(new ClientFilter(Status: ClientStatus.Active, ManagerId: Manager(r)), Skip: 1000)),
            new("grid: manager, by name, page 1", QueryKind.Grid, r => new(new ClientFilter(ManagerId: Manager(r)))),
            new("grid: status lost, by name, page 1", QueryKind.Grid, _ => new(new ClientFilter(Status: ClientStatus.Lost))),
            new("grid: region, by name, page 1", QueryKind.Grid, r => new(new ClientFilter(Region: Any(r, regions)))),
            new("grid: region + active, by name, skip 1000", QueryKind.Grid, r => new(new ClientFilter(Status: ClientStatus.Active, Region: Any(r, regions)), Skip: 1000)),
            new("grid: role dealer + channel, by name, page 1", QueryKind.Grid, r => new(new ClientFilter(Role: ClientRole.Dealer, ChannelId: r.Next(1, 9)))),
            new("grid: tag, by name, page 1", QueryKind.Grid, r => new(new ClientFilter(Tag: Any(r, DemoVocabulary.Tags)))),
            new("grid: all, by created desc, page 1", QueryKind.Grid, _ => new(new ClientFilter(), ClientSort.Created, Descending: true)),
            new("grid: active, by last purchase desc, page 1", QueryKind.Grid, _ => new(new ClientFilter(Status: ClientStatus.Active), ClientSort.LastPurchase, Descending: true)),
            new("grid: all, by city, page 1", QueryKind.Grid, _ => new(new ClientFilter(), ClientSort.City)),

            new("search: phone RU as 8 (9xx) xxx-xx-xx", QueryKind.Search, r => PhoneRu(Any(r, ru))),
            new("search: phone DE as +49 151 xxxxxxxx", QueryKind.Search, r => PhoneDe(Any(r, de))),
            new("search: name prefix, Cyrillic (3-5 letters)", QueryKind.Search, r => Search(Prefix(r, Any(r, ru).Name))),
            new("search: name prefix, Latin (3-5 letters)", QueryKind.Search, r => Search(Prefix(r, Any(r, de).Name))),
            new("search: surname + first-name prefix", QueryKind.Search, r => TwoWords(Any(r, ruPersons))),
            new("search: e-mail, typed in capitals", QueryKind.Search, r => Email(Any(r, all))),
            new("search: tax id", QueryKind.Search, r => TaxId(Any(r, withTaxId))),
            new("search: name prefix + active + manager", QueryKind.Search, r => new(new ClientFilter(Q: Prefix(r, Any(r, ru).Name), Status: ClientStatus.Active, ManagerId: Manager(r)))),

            new("api: active + manager, keyset page", QueryKind.Api, r => new(new ClientFilter(Status: ClientStatus.Active, ManagerId: Manager(r)), After: Any(r, all).Id)),
            new("api: q=name prefix, keyset page", QueryKind.Api, r => new(new ClientFilter(Q: Prefix(r, Any(r, ru).Name)), After: Any(r, all).Id)),
        ];
    }

    private static GridQuery Search(string text, long? expect = null) => new(new ClientFilter(Q: text), Expect: expect, Text: text);

    private static GridQuery PhoneRu(SampleClient c) => Search(RuNational(c.Phone), c.Id);
    private static GridQuery PhoneDe(SampleClient c) => Search($"+49 151 {c.Phone[6..]}", c.Id);
    private static GridQuery Email(SampleClient c) => Search(c.Email.ToUpperInvariant(), c.Id);
    private static GridQuery TaxId(SampleClient c) => Search(c.TaxId!, c.Id);
    private static GridQuery TwoWords(SampleClient c)
    {
        var words = c.Name.Split(' ');
        // Many clients share the words, so the chosen one need not be on the first page.
        return Search($"{words[0]} {words[1][..Math.Min(3, words[1].Length)]}");
    }

    /// <summary>"+79161234567" as Russians write it at home: "8 (916) 123-45-67".</summary>
    public static string RuNational(string e164) => $"8 ({e164[2..5]}) {e164[5..8]}-{e164[8..10]}-{e164[10..12]}";

    /// <summary>The first 3 to 5 letters of a word of the name, as typed (not lower-cased).</summary>
    public static string Prefix(Random r, string name)
    {
        var words = name.Split([' ', '-', '«', '»', '.', '&'], StringSplitOptions.RemoveEmptyEntries);
        var word = words[r.Next(words.Length)];
        return word[..Math.Min(word.Length, r.Next(3, 6))];
    }

    public static List<SampleClient> LoadSample(SqliteConnection connection, int clients, int size, int seed)
    {
        var rng = new Random(seed);
        var ids = Enumerable.Range(0, size).Select(_ => (long)rng.Next(1, clients + 1)).Distinct();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"Id\", \"Name\", \"Country\", \"Kind\", \"Phone\", \"Email\", \"TaxId\" FROM \"Clients\" WHERE \"Id\" IN ({string.Join(",", ids)}) ORDER BY \"Id\"";
        using var reader = command.ExecuteReader();
        var sample = new List<SampleClient>();
        while (reader.Read())
            sample.Add(new SampleClient(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), (ClientKind)reader.GetInt32(3),
                reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        return sample;
    }
}
