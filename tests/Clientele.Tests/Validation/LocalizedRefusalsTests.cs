using System.Net;
using System.Text;
using System.Text.Json;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Validation;

/// <summary>
/// A refused value is answered in the caller's language (Accept-Language) with the value in it, formatted as that
/// language writes numbers and dates — in the problem's field errors and its title — and the database stays as it was.
/// </summary>
public abstract class LocalizedRefusalsTests(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<JsonElement> RefusedAsync(string culture, HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        request.Headers.AcceptLanguage.ParseAdd(culture);
        return await JsonAsync(await Http.SendAsync(request), HttpStatusCode.BadRequest);
    }

    private static string Error(JsonElement problem, string field)
    {
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for {field}: {problem}");
        return messages[0].GetString()!;
    }

    /// <summary>Posts as a writer would and checks that nothing was written.</summary>
    private async Task<JsonElement> RefusedWriteAsync(string culture, string path, string json)
    {
        var before = await DbSnapshot.TakeAsync(App);
        var problem = await RefusedAsync(culture, HttpMethod.Post, path, json);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        return problem;
    }

    [Theory]
    [InlineData("ru", "«anna@@example.com» — неверный адрес электронной почты.", "Данные введены неверно.")]
    [InlineData("de", "„anna@@example.com“ ist keine gültige E-Mail-Adresse.", "Die Eingabe ist ungültig.")]
    [InlineData("en", "'anna@@example.com' is not a valid e-mail address.", "The input is not valid.")]
    public async Task A_bad_e_mail_is_named_with_its_value_in_the_callers_language(string culture, string expected, string title)
    {
        var problem = await RefusedWriteAsync(culture, "/api/v1/clients", """{"name":"Acme","email":"anna@@example.com"}""");

        Assert.Equal(expected, Error(problem, "email"));
        Assert.Equal(title, problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("ru", "«call me» — неверный номер телефона.")]
    [InlineData("de", "„call me“ ist keine gültige Telefonnummer.")]
    [InlineData("en", "'call me' is not a valid phone number.")]
    public async Task A_bad_phone_is_named_with_its_value_in_the_callers_language(string culture, string expected)
    {
        var problem = await RefusedWriteAsync(culture, "/api/v1/clients", """{"name":"Acme","phone":"call me"}""");

        Assert.Equal(expected, Error(problem, "phone"));
    }

    [Theory]
    [InlineData("ru", "должно быть меньше 1\u00a0000\u00a0000\u00a0000\u00a0000.")]
    [InlineData("de", "muss kleiner als 1.000.000.000.000 sein.")]
    [InlineData("en", "must be less than 1,000,000,000,000.")]
    public async Task An_amount_past_the_limit_names_the_limit_as_the_caller_writes_numbers(string culture, string expected)
    {
        var problem = await RefusedWriteAsync(culture, "/api/v1/clients", """{"name":"Acme","acquisitionCost":2000000000000}""");

        Assert.Equal(expected, Error(problem, "acquisitionCost"));
    }

    [Theory]
    [InlineData("ru", "нет курса USD→RUB на 01.03.2025 или раньше")]
    [InlineData("de", "es gibt keinen Kurs USD→RUB am oder vor dem 01.03.2025")]
    [InlineData("en", "there is no exchange rate USD→RUB on or before 2025-03-01")]
    public async Task A_purchase_without_a_rate_names_the_currencies_and_the_day_as_the_caller_writes_dates(string culture, string expected)
    {
        var client = await CreateClientAsync(Unique("Rate"));
        var json = $$"""{"clientId":{{client.GetProperty("id").GetInt64()}},"date":"2025-03-01T10:00:00Z","currency":"USD","lines":[{"description":"W","quantity":1,"price":10}]}""";

        var problem = await RefusedWriteAsync(culture, "/api/v1/purchases", json);

        Assert.StartsWith(expected, Error(problem, "currency"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ru", "должно быть одним из: Potential, Active, Lost.")]
    [InlineData("de", "muss eines der folgenden sein: Potential, Active, Lost.")]
    [InlineData("en", "must be one of: Potential, Active, Lost.")]
    public async Task An_unknown_enum_value_lists_the_known_ones_in_the_callers_language(string culture, string expected)
    {
        var problem = await RefusedWriteAsync(culture, "/api/v1/clients", """{"name":"Acme","status":9}""");

        Assert.Equal(expected, Error(problem, "status"));
    }

    [Theory]
    [InlineData("ru", "должно быть целым числом.", "должно быть одним из: Potential, Active, Lost.")]
    [InlineData("de", "muss eine ganze Zahl sein.", "muss eines der folgenden sein: Potential, Active, Lost.")]
    [InlineData("en", "must be a whole number.", "must be one of: Potential, Active, Lost.")]
    public async Task An_unparsable_query_value_is_named_in_the_callers_language(string culture, string number, string status)
    {
        Assert.Equal(number, Error(await RefusedAsync(culture, HttpMethod.Get, "/api/v1/clients?limit=ten"), "limit"));
        Assert.Equal(status, Error(await RefusedAsync(culture, HttpMethod.Get, "/api/v1/clients?status=sleeping"), "status"));
    }

    [Theory]
    [InlineData("ru", "не является корректным JSON: текст обрывается или содержит синтаксическую ошибку в строке 1, позиция 4.")]
    [InlineData("de", "ist kein gültiges JSON: der Text bricht ab oder hat einen Syntaxfehler in Zeile 1, Position 4.")]
    public async Task Unreadable_json_says_where_it_broke_in_the_callers_language(string culture, string expected)
    {
        var problem = await RefusedWriteAsync(culture, "/api/v1/tasks", """{"a""");

        Assert.Equal(expected, Error(problem, "body"));
    }
}

public sealed class LocalizedRefusalsTestsOnSqlite(SqliteApp fixture) : LocalizedRefusalsTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-2")]
public sealed class LocalizedRefusalsTestsOnPostgres(PostgresApp fixture) : LocalizedRefusalsTests(fixture), IClassFixture<PostgresApp>;
