using System.Net.Http.Json;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Clients;

/// <summary>
/// Tax ids as real bases have them (ADR 021) through the API: each kind accepted for its country, each refused with a
/// message naming the field and the value in the reader's language and nothing written; the KPP stored beside an
/// organisation's INN; a phone outside the numbering plan kept as written and found by its digits. On both providers.
/// </summary>
public abstract class TaxIdsAndPhonesTests(AppFixture fixture) : ApiTest(fixture)
{
    // The valid examples are the hand-computed ones of Validation/TaxIdsTests.
    public static readonly TheoryData<string, string?, string> ValidIds = new()
    {
        { "7707083893", null, "7707083893" }, // INN, 10 digits
        { "500100732259", "RU", "500100732259" }, // INN, 12 digits
        { "1027700132195", "RU", "1027700132195" }, // OGRN
        { "304500116000157", null, "304500116000157" }, // OGRNIP
        { "DE 136 695 976", "DE", "DE136695976" }, // USt-IdNr
        { "181/815/08155", "DE", "18181508155" }, // Steuernummer, Bayern
        { "ATU13585627", "AT", "ATU13585627" }, // Austrian UID
        { "CHE-116.281.710", "CH", "CHE116281710" }, // Swiss UID
        { "100582333", "BY", "100582333" }, // UNP
        { "940140000385", "KZ", "940140000385" }, // BIN
        { "1234563218", "PL", "1234563218" }, // another country's id, as written
    };

    [Theory]
    [MemberData(nameof(ValidIds))]
    public async Task Each_id_kind_is_accepted_for_its_country_and_stored_normalised(string taxId, string? country, string stored)
    {
        var created = await CreateClientAsync(Unique("Tax "), new { taxId, country });

        Assert.Equal(stored, created.GetProperty("taxId").GetString());
        var fetched = await GetJsonAsync($"/api/v1/clients/{Id(created)}");
        Assert.Equal(stored, fetched.GetProperty("taxId").GetString());
    }

    private static readonly (string TaxId, string? Country)[] InvalidIds =
    [
        ("7707083894", null), // INN check digit
        ("1027700132196", "RU"), // OGRN check digit
        ("DE136695977", "DE"), // USt-IdNr check digit
        ("4151181508156", "DE"), // Steuernummer layout
        ("ATU13585626", "AT"),
        ("CHE-116.281.711", "CH"),
        ("200988542", "BY"),
        ("940140000386", "KZ"),
        ("100582333", null), // a UNP given without its country reads as a (too short) INN
    ];

    /// <summary>One snapshot around every refusal keeps the class cheap; each refusal must name the field and the value.</summary>
    [Fact]
    public async Task A_bad_id_is_refused_on_create_and_update_naming_the_field_and_its_value_and_nothing_is_written()
    {
        var client = await CreateClientAsync(Unique("Kept "), new { taxId = "7707083893" });
        var before = await DbSnapshot.TakeAsync(App);

        foreach (var (taxId, country) in InvalidIds)
        {
            var onCreate = await AssertInvalidAsync(await PostAsync("/api/v1/clients", new { name = Unique("Bad "), taxId, country }), "taxId");
            var onUpdate = await AssertInvalidAsync(await SendAsync(HttpMethod.Put, $"/api/v1/clients/{Id(client)}",
                new { name = client.GetProperty("name").GetString(), taxId, country }, ifMatch: "\"1\""), "taxId");

            Assert.Contains(taxId, onCreate.GetProperty("errors").GetProperty("taxId")[0].GetString());
            Assert.Contains(taxId, onUpdate.GetProperty("errors").GetProperty("taxId")[0].GetString());
        }
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task The_kpp_is_stored_beside_an_organisations_inn_and_refused_elsewhere_in_the_readers_language()
    {
        var created = await CreateClientAsync(Unique("ООО КПП "), new { taxId = "7707083893", kpp = "7736 01 001" });
        Assert.Equal("773601001", created.GetProperty("kpp").GetString());
        Assert.Equal("773601001", (await GetJsonAsync($"/api/v1/clients/{Id(created)}")).GetProperty("kpp").GetString());

        var before = await DbSnapshot.TakeAsync(App);
        using var russian = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clients")
        {
            Content = JsonContent.Create(new { name = Unique("Bad KPP "), taxId = "7707083893", kpp = "77360100" }),
        };
        russian.Headers.AcceptLanguage.ParseAdd("ru");
        var layout = await AssertInvalidAsync(await Http.SendAsync(russian), "kpp");
        Assert.Equal("«77360100» — неверный КПП (9 знаков: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры).",
            layout.GetProperty("errors").GetProperty("kpp")[0].GetString());
        // A person's 12-digit INN has no KPP.
        var person = await AssertInvalidAsync(await PostAsync("/api/v1/clients",
            new { name = Unique("ИП "), kind = "Person", taxId = "500100732259", kpp = "773601001" }), "kpp");
        Assert.Contains("773601001", person.GetProperty("errors").GetProperty("kpp")[0].GetString());
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task A_phone_outside_the_numbering_plan_is_kept_as_written_and_found_by_its_digits()
    {
        var name = Unique("Unplanned ");
        var created = await CreateClientAsync(name, new { phone = "+7 (200) 123-45-67" });

        Assert.Equal("+7 (200) 123-45-67", created.GetProperty("phone").GetString());
        foreach (var query in new[] { "+7 200 123 45 67", "7200123", "8 200 123" })
        {
            var page = await GetJsonAsync($"/api/v1/clients?q={Uri.EscapeDataString(query)}");
            Assert.Contains(page.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetInt64() == Id(created));
        }
        // The card (as the server prerenders it) shows the number as written and warns about it, in the reader's language.
        using var card = new HttpRequestMessage(HttpMethod.Get, $"/clients/{Id(created)}");
        card.Headers.AcceptLanguage.ParseAdd("ru");
        var html = System.Net.WebUtility.HtmlDecode(await (await Http.SendAsync(card)).Content.ReadAsStringAsync());
        Assert.Contains("id=\"client-phone\">+7 (200) 123-45-67</span>", html);
        Assert.Contains("номера «+7 (200) 123-45-67» нет в плане нумерации его страны; сохранён как записан.", html);
        // Garbage is still refused.
        await AssertInvalidAsync(await PostAsync("/api/v1/clients", new { name = Unique("Garbage "), phone = "+7 916 12" }), "phone");
    }
}

public sealed class TaxIdsAndPhonesTestsOnSqlite(SqliteApp fixture) : TaxIdsAndPhonesTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-3")]
public sealed class TaxIdsAndPhonesTestsOnPostgres(PostgresApp fixture) : TaxIdsAndPhonesTests(fixture), IClassFixture<PostgresApp>;
