using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clientele.Data;
using Clientele.Features.Clients;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Validation;

/// <summary>
/// Text that looks like an attack but is only text is stored and returned exactly (or refused by a format rule with a
/// 400 naming the field) and never reaches SQL as code; text with control characters is refused naming the field,
/// while every legitimate script, emoji sequence and multi-line note passes.
/// </summary>
public abstract class HostileTextTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Hostile_but_valid_text_in_every_client_field_is_stored_verbatim_or_refused_and_the_tables_stay()
    {
        var tables = await TablesAsync();
        var clientsBefore = await App.ReadAsync(db => db.Clients.CountAsync());
        var stored = 0;
        var fields = WriteEndpoints.FieldsOf(typeof(ClientInput)).Where(f => f.IsText || f.IsTextList).ToList();
        Assert.Contains(fields, f => f.Name == "notes");

        foreach (var field in fields)
            foreach (var hostile in FuzzPayloads.HostileButValid)
            {
                JsonNode value = field.IsText ? hostile : new JsonArray(hostile);
                var body = FuzzPayloads.With(new JsonObject { ["name"] = Unique("Hostile ") }, field.Name, value);
                var response = await SendJsonAsync(HttpMethod.Post, "/api/v1/clients", body.ToJsonString());
                if (response.StatusCode == HttpStatusCode.BadRequest)
                {
                    await AssertInvalidAsync(response, field.Name);
                    continue;
                }
                var created = await JsonAsync(response, HttpStatusCode.Created);
                stored++;
                var readBack = await GetJsonAsync($"/api/v1/clients/{Id(created)}");
                if (field.Name == "previousSupplierName")
                {
                    // A name, not a field of the client: it finds or adds the competitor, whose id the client answers with.
                    var supplier = readBack.GetProperty("previousSupplierId").GetInt64();
                    Assert.Equal(hostile, await App.ReadAsync(db => db.Set<Clientele.Features.LostClients.Competitor>().Where(c => c.Id == supplier).Select(c => c.Name).SingleAsync()));
                    continue;
                }
                foreach (var json in new[] { created, readBack })
                {
                    var got = json.GetProperty(field.Name);
                    if (field.IsText) Assert.Equal(hostile, got.GetString());
                    else Assert.Contains(hostile, got.EnumerateArray().Select(t => t.GetString()));
                }
            }

        // Free text takes all of it; only format-checked fields (e-mail, phone, web site...) may refuse.
        Assert.True(stored >= FuzzPayloads.HostileButValid.Length * 5, $"only {stored} hostile values were stored");
        Assert.Equal(tables, await TablesAsync());
        Assert.Equal(clientsBefore + stored, await App.ReadAsync(db => db.Clients.CountAsync()));
    }

    public static TheoryData<string, string, string> ForbiddenText => new()
    {
        // path, body ({client} and {bad} filled in), the field the problem names
        { "/api/v1/clients", """{"name":"Acme{bad}"}""", "name" },
        { "/api/v1/clients", """{"name":"Acme","notes":"line one\nline two{bad}"}""", "notes" },
        { "/api/v1/clients", """{"name":"Acme\nLtd"}""", "name" },
        { "/api/v1/clients", """{"name":"Acme\tLtd"}""", "name" },
        { "/api/v1/clients", """{"name":"Acme","tags":["vip","x{bad}"]}""", "tags[1]" },
        { "/api/v1/purchases", """{"clientId":{client},"date":"2025-03-01T10:00:00Z","currency":"RUB","lines":[{"description":"W{bad}","quantity":1,"price":1}]}""", "lines[0].description" },
        { "/api/v1/groups", """{"name":"Key{bad}"}""", "name" },
    };

    [Theory]
    [MemberData(nameof(ForbiddenText))]
    public async Task Control_and_bidi_override_characters_are_400_naming_the_field_and_change_nothing(string path, string json, string field)
    {
        var client = await CreateClientAsync(Unique("Target "));
        var before = await DbSnapshot.TakeAsync(App);

        foreach (var bad in new[] { "\\u0000", "\\u001b[31m", "\\u0085", "\\u202e", "\\u2066", "\\ud800" })
        {
            var body = json.Replace("{client}", Id(client).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{bad}", bad, StringComparison.Ordinal);
            var problem = await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Post, path, body), field);
            var message = problem.GetProperty("errors").GetProperty(field)[0].GetString();
            // Says which character (U+...), or for an unpaired surrogate that the text is not Unicode.
            Assert.Matches(@"U\+[0-9A-F]{4}|not valid Unicode", message);
        }
        // A merge patch is read as free-form JSON first; its strings are checked all the same.
        await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/clients/{Id(client)}", """{"city":"Berlin\u202egnp.exe"}"""), "city");
        await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/clients/{Id(client)}", """{"notes":"ok","tags":["\ud800"]}"""), "tags[0]");

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task Every_script_emoji_sequence_and_multi_line_note_is_stored_as_sent()
    {
        var name = "Müller & Söhne — Торговый дом «Вектор» 👩‍👩‍👧‍👦 שלום";
        var notes = "Erste Zeile\r\nвторая строка\n\tmit Tab — RLM\u200f and ZWJ 🧑‍💻";
        var created = await CreateClientAsync(name, new { notes, city = "Zürich", tags = new[] { "VIP ✨", "ключевой" } });

        var client = await GetJsonAsync($"/api/v1/clients/{Id(created)}");
        Assert.Equal(name, client.GetProperty("name").GetString());
        Assert.Equal(notes, client.GetProperty("notes").GetString());
        Assert.Equal(["VIP ✨", "ключевой"], client.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Order(StringComparer.Ordinal));

        var patched = await JsonAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/clients/{Id(created)}", JsonSerializer.Serialize(new { notes = notes + "\n🇩🇪" })));
        Assert.Equal(notes + "\n🇩🇪", patched.GetProperty("notes").GetString());
    }

    private Task<List<string>> TablesAsync() => App.ReadAsync(db => (App.Target.Provider == DatabaseProvider.Sqlite
            ? db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'")
            : db.Database.SqlQueryRaw<string>("SELECT table_name::text AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'"))
        .OrderBy(t => t).ToListAsync());
}

public sealed class HostileTextTestsOnSqlite(SqliteApp fixture) : HostileTextTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-3")]
public sealed class HostileTextTestsOnPostgres(PostgresApp fixture) : HostileTextTests(fixture), IClassFixture<PostgresApp>;
