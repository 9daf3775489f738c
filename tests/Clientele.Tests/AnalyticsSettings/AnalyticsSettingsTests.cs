using System.Net;
using System.Text.Json;
using Clientele.Features.Company;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.AnalyticsSettings;

/// <summary>GET/PUT /api/v1/analytics/settings: thresholds, activity window, target client, strategy table.</summary>
public abstract class AnalyticsSettingsTests(AppFixture fixture) : ApiTest(fixture)
{
    private const string Path = "/api/v1/analytics/settings";

    private const string Valid = """
        {"abcA":0.7,"abcB":0.9,"xyzX":0.15,"xyzY":0.4,"activeWindowMonths":6,
         "targetProfile":{"industries":[" Retail ","retail","Bakeries"],"roles":["Dealer"],"sizes":["Small","Medium"],"kind":"Company","minRevenue12Months":50000},
         "strategyRules":[{"abc":"A","strategy":"Develop"},{"sign":"Loss","segment":"Lost","strategy":"PolitelyDrop"},{"strategy":"Watch"}]}
        """;

    private async Task<(JsonElement Body, string ETag)> GetAsync()
    {
        var response = await Http.GetAsync(Path);
        return (await JsonAsync(response), response.Headers.ETag!.Tag);
    }

    private static Task<CompanySettings> StoredAsync(ClienteleApp app) =>
        app.ReadAsync(db => db.CompanySettings.AsNoTracking().SingleAsync());

    [Fact]
    public async Task A_full_replacement_is_stored_normalised_and_read_back_with_a_new_etag()
    {
        var (_, etag) = await GetAsync();

        var response = await SendAsync(HttpMethod.Put, Path, Valid, ifMatch: etag);
        var saved = await JsonAsync(response);

        Assert.NotEqual(etag, response.Headers.ETag!.Tag);
        Assert.Equal(0.7, saved.GetProperty("abcA").GetDouble());
        Assert.Equal(6, saved.GetProperty("activeWindowMonths").GetInt32());
        var profile = saved.GetProperty("targetProfile");
        // Trimmed, and the same industry in another case is kept once.
        Assert.Equal(["Retail", "Bakeries"], profile.GetProperty("industries").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("Company", profile.GetProperty("kind").GetString());
        Assert.Equal(3, saved.GetProperty("strategyRules").GetArrayLength());
        Assert.False(saved.GetProperty("defaultStrategyRules").GetBoolean());

        var (again, etagAgain) = await GetAsync();
        Assert.Equal(response.Headers.ETag!.Tag, etagAgain);
        Assert.Equal(saved.ToString(), again.ToString());
        var stored = await StoredAsync(App);
        Assert.Equal((0.7, 0.9, 0.15, 0.4, 6), (stored.AbcA, stored.AbcB, stored.XyzX, stored.XyzY, stored.ActiveWindowMonths));

        // The analytics see the new table at once: the cached report was dropped by the write.
        var strategies = await GetJsonAsync("/api/v1/analytics/strategies");
        Assert.Equal("PolitelyDrop", strategies.GetProperty("rules")[1].GetProperty("strategy").GetString());
    }

    [Fact]
    public async Task An_empty_rule_table_restores_the_defaults_and_no_profile_removes_the_target()
    {
        await JsonAsync(await SendAsync(HttpMethod.Put, Path, Valid));

        var saved = await JsonAsync(await SendAsync(HttpMethod.Put, Path,
            """{"abcA":0.8,"abcB":0.95,"xyzX":0.1,"xyzY":0.25,"activeWindowMonths":12,"strategyRules":[]}"""));

        Assert.True(saved.GetProperty("defaultStrategyRules").GetBoolean());
        Assert.True(saved.GetProperty("strategyRules").GetArrayLength() > 5);
        Assert.Equal(JsonValueKind.Null, saved.GetProperty("targetProfile").ValueKind);
        var stored = await StoredAsync(App);
        Assert.Null(stored.StrategyRules);
        Assert.Null(stored.TargetProfile);
    }

    [Fact]
    public async Task The_default_table_sent_back_unchanged_stays_the_default()
    {
        await JsonAsync(await SendAsync(HttpMethod.Put, Path, """{"abcA":0.8,"abcB":0.95,"xyzX":0.1,"xyzY":0.25,"activeWindowMonths":12}"""));
        var defaults = (await GetAsync()).Body.GetProperty("strategyRules").GetRawText();

        var saved = await JsonAsync(await SendAsync(HttpMethod.Put, Path,
            $$"""{"abcA":0.8,"abcB":0.95,"xyzX":0.1,"xyzY":0.25,"activeWindowMonths":12,"strategyRules":{{defaults}}}"""));

        Assert.True(saved.GetProperty("defaultStrategyRules").GetBoolean());
        Assert.Null((await StoredAsync(App)).StrategyRules);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_changes_nothing()
    {
        var (_, etag) = await GetAsync();
        await JsonAsync(await SendAsync(HttpMethod.Put, Path, Valid, ifMatch: etag));
        var before = await DbSnapshot.TakeAsync(App);

        var problem = await AssertProblemAsync(await SendAsync(HttpMethod.Put, Path, Valid.Replace("0.7", "0.6"), ifMatch: etag), HttpStatusCode.PreconditionFailed);

        Assert.Contains("version", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { """{"abcB":0.95,"xyzX":0.1,"xyzY":0.25,"activeWindowMonths":12}""", "abcA" },
        { """{"abcA":0,"abcB":0.95,"xyzX":0.1,"xyzY":0.25,"activeWindowMonths":12}""", "abcA" },
        { """{"abcA":0.8,"abcB":1,"xyzX":0.1,"xyzY":0.25,"activeWindowMonths":12}""", "abcB" },
        { """{"abcA":0.9,"abcB":0.8,"xyzX":0.1,"xyzY":0.25,"activeWindowMonths":12}""", "abcB" },
        { """{"abcA":0.8,"abcB":0.95,"xyzX":-0.1,"xyzY":0.25,"activeWindowMonths":12}""", "xyzX" },
        { """{"abcA":0.8,"abcB":0.95,"xyzX":0.3,"xyzY":0.25,"activeWindowMonths":12}""", "xyzY" },
        { """{"abcA":0.8,"abcB":0.95,"xyzX":0.1,"xyzY":0.25,"activeWindowMonths":0}""", "activeWindowMonths" },
        { """{"abcA":0.8,"abcB":0.95,"xyzX":0.1,"xyzY":0.25,"activeWindowMonths":37}""", "activeWindowMonths" },
        { """{"abcA":0.8,"abcB":0.95,"xyzX":0.1,"xyzY":0.25,"activeWindowMonths":"a year"}""", "activeWindowMonths" },
        { """{"abcA":0.8,"abcB":0.95,"xyzX":0.1,"xyzY":0.25,"activeWindowMonths":12,"targetProfile":{"roles":[99]}}""", "targetProfile.roles[0]" },
        { """{"abcA":0.8,"abcB":0.95,"xyzX":0.1,"xyzY":0.25,"activeWindowMonths":12,"targetProfile":{"roles":["Wholesaler"]}}""", "targetProfile.roles[0]" },
        { """{"abcA":0.8,"abcB":0.95,"xyzX":0.1,"xyzY":0.25,"activeWindowMonths":12,"targetProfile":{"kind":7}}""", "targetProfile.kind" },
        { """{"abcA":0.8,"abcB":0.95,"xyzX":0.1,"xyzY":0.25,"activeWindowMonths":12,"targetProfile":{"industries":["ok","{long}"]}}""", "targetProfile.industries[1]" },
        { """{"abcA":0.8,"abcB":0.95,"xyzX":0.1,"xyzY":0.25,"activeWindowMonths":12,"targetProfile":{"minRevenue12Months":-1}}""", "targetProfile.minRevenue12Months" },
        { """{"abcA":0.8,"abcB":0.95,"xyzX":0.1,"xyzY":0.25,"activeWindowMonths":12,"strategyRules":[{"abc":"A"}]}""", "strategyRules[0].strategy" },
        { """{"abcA":0.8,"abcB":0.95,"xyzX":0.1,"xyzY":0.25,"activeWindowMonths":12,"strategyRules":[{"strategy":"Watch"},{"strategy":42}]}""", "strategyRules[1].strategy" },
        { """{"abcA":0.8,"abcB":0.95,"xyzX":0.1,"xyzY":0.25,"activeWindowMonths":12,"strategyRules":[{"segment":"Sleepy","strategy":"Watch"}]}""", "strategyRules[0].segment" },
        { """{"abcA":0.8,"abcB":0.95,"xyzX":0.1,"xyzY":0.25,"activeWindowMonths":12,"strategyRules":[null]}""", "strategyRules[0]" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_400_naming_the_field_and_changes_nothing(string json, string field)
    {
        var before = await DbSnapshot.TakeAsync(App);

        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, Path, json.Replace("{long}", new string('Ж', 101), StringComparison.Ordinal)), field);

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task Anyone_signed_in_reads_the_settings_but_only_the_owner_changes_them()
    {
        var manager = await ManagerAsync();

        var read = await JsonAsync(await manager.GetAsync(Path));

        Assert.True(read.GetProperty("abcB").GetDouble() > read.GetProperty("abcA").GetDouble());
        await AssertOwnerOnlyAsync(HttpMethod.Put, Path, Valid);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.ClientWithToken(null).GetAsync(Path)).StatusCode);
    }

    [Fact]
    public async Task The_endpoints_are_documented()
    {
        var document = await GetJsonAsync("/openapi/v1.json");

        var settings = document.GetProperty("paths").GetProperty(Path);
        Assert.False(string.IsNullOrWhiteSpace(settings.GetProperty("put").GetProperty("summary").GetString()));
        Assert.Equal("Analytics settings", settings.GetProperty("get").GetProperty("tags")[0].GetString());
    }
}

public sealed class AnalyticsSettingsTestsOnSqlite(SqliteApp fixture) : AnalyticsSettingsTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class AnalyticsSettingsTestsOnPostgres(PostgresApp fixture) : AnalyticsSettingsTests(fixture), IClassFixture<PostgresApp>;
