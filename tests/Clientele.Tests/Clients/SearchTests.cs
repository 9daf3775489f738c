using System.Text.Json;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Clients;

/// <summary>The one search box (?q=) over names, tax ids, phones in any format and e-mails, client and contacts.</summary>
public abstract class SearchTests(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<long[]> SearchAsync(string q, string? extra = null)
    {
        var page = await GetJsonAsync($"/api/v1/clients?q={Uri.EscapeDataString(q)}&limit=500{extra}");
        return [.. page.GetProperty("items").EnumerateArray().Select(Id).Order()];
    }

    [Theory]
    [InlineData("8(916)1234567")]
    [InlineData("8 (916) 123-45-67")]
    [InlineData("79161234567")]
    [InlineData("+7 916 123 45 67")]
    [InlineData("+79161234567")]
    [InlineData("7916123")]
    public async Task A_phone_is_found_in_any_format(string query)
    {
        var id = Id(await CreateClientAsync("Phone Search Client", new { phone = "+7 916 123-45-67" }));
        var other = Id(await CreateClientAsync("Other Phone Client", new { phone = "+7 916 765-43-21" }));

        var found = await SearchAsync(query);

        Assert.Contains(id, found);
        Assert.DoesNotContain(other, found);
        await Http.DeleteAsync($"/api/v1/clients/{id}");
        await Http.DeleteAsync($"/api/v1/clients/{other}");
    }

    [Fact]
    public async Task A_german_number_is_found_in_international_format()
    {
        var id = Id(await CreateClientAsync("Berliner Kunde", new { phone = "+49 30 12345678" }));

        Assert.Equal([id], await SearchAsync("+49 30 1234 5678"));
        Assert.Equal([id], await SearchAsync("4930123456"));
    }

    [Theory]
    [InlineData("ёлкин")]
    [InlineData("ЕЛКИН")]
    [InlineData("Елк")]
    [InlineData("партнер")]
    [InlineData("ПАРТНЁРЫ")]
    public async Task A_cyrillic_name_prefix_matches_case_insensitively_and_reads_yo_as_ye(string query)
    {
        var word = Unique("z");
        var id = Id(await CreateClientAsync($"Ёлкин и Партнёры {word}"));
        var decoy = Id(await CreateClientAsync($"Ромашка {word}"));

        var found = await SearchAsync($"{query} {word}");

        Assert.Equal([id], found);
        Assert.DoesNotContain(decoy, found);
    }

    [Fact]
    public async Task Every_word_must_match()
    {
        var word = Unique("w");
        var north = Id(await CreateClientAsync($"Торговый дом Север {word}"));
        var south = Id(await CreateClientAsync($"Торговый дом Юг {word}"));

        Assert.Equal([north, south], await SearchAsync($"торговый {word}"));
        Assert.Equal([north], await SearchAsync($"тор сев {word}"));
        Assert.Equal([south], await SearchAsync($"Юг ДОМ {word}"));
        Assert.Empty(await SearchAsync($"север юг {word}"));
    }

    [Fact]
    public async Task A_renamed_client_is_found_by_the_new_name_only()
    {
        var (before, after) = (Unique("old"), Unique("new"));
        var id = Id(await CreateClientAsync($"Renamed {before}", new { phone = "+7 912 555-11-22" }));

        await JsonAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/clients/{id}", $$"""{"name":"Renamed {{after}}","phone":"+7 912 555-33-44"}"""));

        Assert.Empty(await SearchAsync(before));
        Assert.Equal([id], await SearchAsync(after));
        Assert.DoesNotContain(id, await SearchAsync("79125551122"));
        Assert.Contains(id, await SearchAsync("8 912 555 33 44"));
    }

    [Fact]
    public async Task Legal_name_email_and_tax_ids_are_found()
    {
        var mail = Unique("kontakt") + "@example.de";
        var ru = Id(await CreateClientAsync("Иванов", new { legalName = "ИП Иванов Иван", taxId = "500100732259" }));
        var de = Id(await CreateClientAsync("Müller", new { legalName = "Müller Maschinenbau GmbH", taxId = "DE 136 695 976", email = mail.ToUpperInvariant() }));

        Assert.Contains(ru, await SearchAsync("500100732259"));
        Assert.Equal([de], await SearchAsync("DE136695976"));
        Assert.Equal([de], await SearchAsync("de136695976"));
        Assert.Equal([de], await SearchAsync(mail));
        Assert.Equal([de], await SearchAsync(mail.ToUpperInvariant()));
        Assert.Equal([de], await SearchAsync(mail[..^2]));
        Assert.Contains(de, await SearchAsync("maschinenbau"));
        Assert.Contains(de, await SearchAsync("MÜLLER"));
        Assert.Contains(ru, await SearchAsync("ип иван"));
    }

    [Fact]
    public async Task A_contact_persons_phone_and_email_find_their_client_until_the_contact_is_deleted()
    {
        var mail = Unique("boss") + "@firma.ru";
        var client = Id(await CreateClientAsync(Unique("Firma ")));
        var contact = await JsonAsync(await PostAsync("/api/v1/contact-persons",
            new { clientId = client, name = "Пётр Сидоров", phones = new[] { "8 495 123-45-67" }, emails = new[] { mail } }), System.Net.HttpStatusCode.Created);
        Assert.Equal(["+74951234567"], contact.GetProperty("phones").EnumerateArray().Select(p => p.GetString()));

        Assert.Equal([client], await SearchAsync(mail));
        Assert.Contains(client, await SearchAsync("+7 (495) 123-45-67"));
        Assert.Contains(client, await SearchAsync("сидоров"));

        await Http.DeleteAsync($"/api/v1/contact-persons/{Id(contact)}");

        Assert.Empty(await SearchAsync(mail));
        Assert.DoesNotContain(client, await SearchAsync("+7 (495) 123-45-67"));
    }

    [Fact]
    public async Task Search_combines_with_filters_and_finds_nothing_for_an_unknown_word()
    {
        var word = Unique("f");
        var active = Id(await CreateClientAsync($"Filter {word}", new { status = 1, region = "Tatarstan", tags = new[] { "key" } }));
        var potential = Id(await CreateClientAsync($"Filter {word}", new { status = 0, region = "Tatarstan" }));

        Assert.Equal([active], await SearchAsync(word, "&status=Active"));
        Assert.Equal([potential], await SearchAsync(word, "&status=Potential"));
        Assert.Equal([active], await SearchAsync(word, "&tag=key"));
        Assert.Equal([active, potential], await SearchAsync(word, "&region=Tatarstan"));
        Assert.Empty(await SearchAsync(word, "&hasPurchases=true"));
        Assert.Empty(await SearchAsync(Unique("nothing")));
        var all = await GetJsonAsync("/api/v1/clients?q=%20%20&limit=500");
        Assert.Contains(all.GetProperty("items").EnumerateArray(), c => Id(c) == active);
        Assert.Equal(JsonValueKind.Array, all.GetProperty("items").ValueKind);
    }

}


public sealed class SearchTestsOnSqlite(SqliteApp fixture) : SearchTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-3")]
public sealed class SearchTestsOnPostgres(PostgresApp fixture) : SearchTests(fixture), IClassFixture<PostgresApp>;
