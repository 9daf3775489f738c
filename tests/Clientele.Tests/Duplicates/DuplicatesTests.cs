using System.Net;
using System.Text.Json;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Duplicates;

/// <summary>The scan, the review list, dismissal, refusals and access; SQLite only (no provider-specific SQL beyond the merge, tested on both).</summary>
public abstract class DuplicatesTests(AppFixture fixture) : DuplicatesWorld(fixture)
{
    private async Task<List<JsonElement>> OpenPairsAsync(HttpClient? http = null, string query = "")
    {
        var page = await JsonAsync(await (http ?? Http).GetAsync("/api/v1/duplicates?limit=500" + query));
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static (long, long) Ids(JsonElement pair) =>
        (pair.GetProperty("left").GetProperty("id").GetInt64(), pair.GetProperty("right").GetProperty("id").GetInt64());

    private static bool Pairs(JsonElement pair, long a, long b) => Ids(pair) == (Math.Min(a, b), Math.Max(a, b));

    [Fact]
    public async Task The_scan_finds_exact_and_fuzzy_pairs_keeps_dismissed_ones_and_drops_stale_ones()
    {
        var city = Unique("Город");
        var tax = Id(await CreateClientAsync(Unique("Альфа "), new { city, taxId = "7707083893" }));
        var taxTwin = Id(await CreateClientAsync(Unique("Совсем другое имя "), new { taxId = "7707083893" }));
        var phone = Id(await CreateClientAsync(Unique("Бета "), new { phone = "+7 903 555-01-02" }));
        var phoneTwin = Id(await CreateClientAsync(Unique("Гамма "), new { phone = "8 (903) 555-01-02" }));
        var mail = Id(await CreateClientAsync(Unique("Дельта "), new { email = "Shop@Delta-Example.ru" }));
        var mailTwin = Id(await CreateClientAsync(Unique("Эпсилон "), new { email = "shop@delta-example.ru" }));
        var name = Unique("Ромашка");
        var fuzzy = Id(await CreateClientAsync($"ООО «{name}»", new { city }));
        var fuzzyTwin = Id(await CreateClientAsync($"{name} ООО", new { city = "г. " + city }));
        var person = Id(await CreateClientAsync("ИП Иванов И.И.", new { city, kind = "Person" }));
        var personTwin = Id(await CreateClientAsync("Иванов Иван Иванович ИП", new { city, kind = "Person" }));
        // Non-pairs: a longer name in the same city, the same name in another city.
        var plus = Id(await CreateClientAsync($"{name}-Плюс Сервис", new { city }));
        var elsewhere = Id(await CreateClientAsync($"ООО «{name}»", new { city = Unique("Другой") }));

        var scan = await JsonAsync(await Http.PostAsync("/api/v1/duplicates/scan", null));
        Assert.True(scan.GetProperty("opened").GetInt32() >= 5, scan.ToString());
        var open = await OpenPairsAsync();
        var mine = new[] { tax, taxTwin, phone, phoneTwin, mail, mailTwin, fuzzy, fuzzyTwin, person, personTwin, plus, elsewhere };
        var found = open.Where(p => mine.Contains(Ids(p).Item1) || mine.Contains(Ids(p).Item2)).ToList();
        string Reason(long a, long b) => found.Single(p => Pairs(p, a, b)).GetProperty("reason").GetString()!;
        Assert.Equal("TaxId", Reason(tax, taxTwin));
        Assert.Equal("Phone", Reason(phone, phoneTwin));
        Assert.Equal("Email", Reason(mail, mailTwin));
        Assert.Equal("NameAndCity", Reason(fuzzy, fuzzyTwin));
        Assert.Equal("NameAndCity", Reason(person, personTwin));
        Assert.Equal(5, found.Count);
        var fuzzyPair = found.Single(p => Pairs(p, fuzzy, fuzzyTwin));
        Assert.Equal(city, fuzzyPair.GetProperty("left").GetProperty("city").GetString());
        Assert.Equal(1.0, fuzzyPair.GetProperty("score").GetDouble());

        // Dismissed stays dismissed; a pair that no longer matches goes.
        var dismissed = Id(found.Single(p => Pairs(p, mail, mailTwin)));
        Assert.Equal(HttpStatusCode.NoContent, (await Http.PostAsync($"/api/v1/duplicates/{dismissed}/dismiss", null)).StatusCode);
        await AssertProblemAsync(await Http.PostAsync($"/api/v1/duplicates/{dismissed}/dismiss", null), HttpStatusCode.Conflict);
        await JsonAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/clients/{phoneTwin}", """{"phone":"+7 903 555-99-99"}""", contentType: "application/merge-patch+json"));
        var rescan = await JsonAsync(await Http.PostAsync("/api/v1/duplicates/scan", null));
        Assert.True(rescan.GetProperty("removed").GetInt32() >= 1, rescan.ToString());
        open = await OpenPairsAsync();
        Assert.DoesNotContain(open, p => Pairs(p, mail, mailTwin));
        Assert.DoesNotContain(open, p => Pairs(p, phone, phoneTwin));
        Assert.Contains(await OpenPairsAsync(query: "&status=dismissed"), p => Id(p) == dismissed);

        // The export carries the pairs (CSV, through the export gate).
        var csv = await Http.GetAsync("/api/v1/duplicates/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains(name, await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Two_taxpayers_or_two_branches_are_never_a_certain_match_and_look_alike_names_of_two_taxpayers_are_no_pair()
    {
        var city = Unique("Город");
        var name = Unique("Ромашка");
        // Two firms of one holding: one phone, one e-mail domain's mailbox, two INNs (both with valid check digits).
        var firm = Id(await CreateClientAsync($"ООО «{name}»", new { city, taxId = "7736207543", phone = "+7 903 555-77-01" }));
        var sister = Id(await CreateClientAsync($"{name} ООО", new { city, taxId = "7710140679", phone = "8 (903) 555-77-01" }));
        // The same INN written twice stays a certain match whatever else differs.
        var same = Id(await CreateClientAsync(Unique("Вектор "), new { taxId = "5029009950" }));
        var sameAgain = Id(await CreateClientAsync(Unique("Совсем не Вектор "), new { taxId = "5029009950" }));

        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync("/api/v1/duplicates/scan", null)).StatusCode);
        var open = await OpenPairsAsync();

        var holding = open.Where(p => Pairs(p, firm, sister)).ToList();
        var pair = Assert.Single(holding);
        Assert.Equal("Phone", pair.GetProperty("reason").GetString());
        Assert.Equal(0.5, pair.GetProperty("score").GetDouble());
        var certain = open.Single(p => Pairs(p, same, sameAgain));
        Assert.Equal("TaxId", certain.GetProperty("reason").GetString());
        Assert.Equal(1.0, certain.GetProperty("score").GetDouble());
        // One INN, two KPPs: two branches of one taxpayer, a pair to look at but not a certain one.
        var branch = Id(await CreateClientAsync(Unique("Филиал "), new { taxId = "5027123457", kpp = "502701001" }));
        var otherBranch = Id(await CreateClientAsync(Unique("Филиал "), new { taxId = "5027123457", kpp = "773001001" }));

        // Alike names in one city with nothing else shared: a pair without tax ids, none between two taxpayers.
        var other = Unique("Лютик");
        var named = Id(await CreateClientAsync($"ООО «{other}»", new { city }));
        var namedTwin = Id(await CreateClientAsync($"{other} ООО", new { city }));
        var taxpayer = Id(await CreateClientAsync($"ООО «{other}» Сервис", new { city = Unique("Город"), taxId = "7702070139" }));
        var taxpayerTwin = Id(await CreateClientAsync($"ООО «{name}»", new { city, taxId = "7712345671" }));
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync("/api/v1/duplicates/scan", null)).StatusCode);
        open = await OpenPairsAsync();
        Assert.Equal("NameAndCity", open.Single(p => Pairs(p, named, namedTwin)).GetProperty("reason").GetString());
        var branches = open.Single(p => Pairs(p, branch, otherBranch));
        Assert.Equal("TaxId", branches.GetProperty("reason").GetString());
        Assert.Equal(0.5, branches.GetProperty("score").GetDouble());
        Assert.DoesNotContain(open, p => Pairs(p, firm, taxpayerTwin) || Pairs(p, sister, taxpayerTwin));
        Assert.DoesNotContain(open, p => Pairs(p, taxpayer, named) || Pairs(p, taxpayer, namedTwin));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_named_and_nothing_changed()
    {
        var a = Id(await CreateClientAsync(Unique("Refused ")));
        var before = await SnapshotAsync();
        await AssertInvalidAsync(await Http.PostAsync("/api/v1/duplicates/merge", JsonContent(new { keepId = a, mergeId = a })), "mergeId");
        await AssertInvalidAsync(await Http.PostAsync("/api/v1/duplicates/merge", JsonContent(new { mergeId = a })), "keepId");
        await AssertInvalidAsync(await Http.PostAsync("/api/v1/duplicates/merge", JsonContent(new { keepId = a })), "mergeId");
        await AssertProblemAsync(await Http.PostAsync("/api/v1/duplicates/merge", JsonContent(new { keepId = a, mergeId = 999_999_999 })), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Http.PostAsync("/api/v1/duplicates/merges/999999999/undo", null), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Http.PostAsync("/api/v1/duplicates/999999999/dismiss", null), HttpStatusCode.NotFound);
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/duplicates?status=maybe"), "status");
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/duplicates?source=1"), "source");
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/duplicates/export?format=pdf"), "format");
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Undo_is_refused_after_a_later_merge_and_allowed_again_once_that_is_undone()
    {
        var first = await PairAsync(Unique("Chain "));
        var third = Id(await CreateClientAsync(Unique("Chain third ")));
        var merge1 = Id(await MergeAsync(first.Kept, first.Merged));
        var merge2 = await MergeAsync(third, first.Kept);
        var merges = (await GetJsonAsync("/api/v1/duplicates/merges")).EnumerateArray().ToList();
        Assert.False(merges.Single(m => Id(m) == merge1).GetProperty("canUndo").GetBoolean());

        var refused = await AssertProblemAsync(await Http.PostAsync($"/api/v1/duplicates/merges/{merge1}/undo", null), HttpStatusCode.Conflict);
        Assert.Contains($"{Id(merge2)}", refused.GetProperty("title").GetString());
        await JsonAsync(await Http.PostAsync($"/api/v1/duplicates/merges/{Id(merge2)}/undo", null));
        await JsonAsync(await Http.PostAsync($"/api/v1/duplicates/merges/{merge1}/undo", null));
        await App.ReadAsync(async db =>
        {
            Assert.Equal(2, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Purchases, p => p.ClientId == first.Merged));
            Assert.Equal(1, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Purchases, p => p.ClientId == first.Kept));
            return 0;
        });
    }

    [Fact]
    public async Task A_manager_works_within_their_own_clients_and_other_roles_are_refused()
    {
        var manager = await App.AddUserAsync(Unique("dm") + "@clientele.test", EmployeeRole.Manager, "Dora Manager");
        var http = App.ClientWithToken(await App.IssueTokenAsync(manager.Id, "tests"));
        var phoneNumber = "+7 912 " + Random.Shared.Next(100, 999) + "-77-66";
        var own = Id(await CreateClientAsync(Unique("Own "), new { managerId = manager.Id, phone = phoneNumber }));
        var ownTwin = Id(await CreateClientAsync(Unique("Own twin "), new { managerId = manager.Id, phone = phoneNumber }));
        var foreign = Id(await CreateClientAsync(Unique("Foreign "), new { phone = phoneNumber }));

        await JsonAsync(await http.PostAsync("/api/v1/duplicates/scan", null));
        var seen = await OpenPairsAsync(http);
        Assert.All(seen, p => Assert.True(new[] { own, ownTwin }.Contains(Ids(p).Item1) && new[] { own, ownTwin }.Contains(Ids(p).Item2), p.ToString()));
        Assert.Contains(seen, p => Pairs(p, own, ownTwin));

        var before = await SnapshotAsync();
        await AssertProblemAsync(await http.PostAsync("/api/v1/duplicates/merge", JsonContent(new { keepId = own, mergeId = foreign })), HttpStatusCode.NotFound);
        await AssertProblemAsync(await http.PostAsync("/api/v1/duplicates/merge", JsonContent(new { keepId = foreign, mergeId = own })), HttpStatusCode.NotFound);
        Assert.Equal(before, await SnapshotAsync());

        // The owner's merge into a foreign client is not the manager's to see or undo.
        var owners = Id(await MergeAsync(foreign, Id(await CreateClientAsync(Unique("Foreign twin ")))));
        await AssertProblemAsync(await http.PostAsync($"/api/v1/duplicates/merges/{owners}/undo", null), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await JsonAsync(await http.GetAsync("/api/v1/duplicates/merges"))).EnumerateArray(), m => Id(m) == owners);
        var merged = await MergeAsync(own, ownTwin, as_: http);
        Assert.Equal(own, merged.GetProperty("keptId").GetInt64());

        foreach (var role in new[] { EmployeeRole.Marketer, EmployeeRole.Analyst })
        {
            var user = await App.AddUserAsync(Unique(role.ToString()) + "@clientele.test", role, "Someone");
            var other = App.ClientWithToken(await App.IssueTokenAsync(user.Id, "tests"));
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/duplicates")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync("/api/v1/duplicates/merge", JsonContent(new { keepId = own, mergeId = foreign }))).StatusCode);
        }
    }
}

public sealed class DuplicatesTestsOnSqlite(SqliteApp fixture) : DuplicatesTests(fixture), IClassFixture<SqliteApp>;
