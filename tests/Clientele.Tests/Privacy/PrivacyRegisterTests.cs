using System.Net;
using System.Text.Json;
using Clientele.Features.Privacy;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Clientele.Tests.Privacy.PrivacyKit;

namespace Clientele.Tests.Privacy;

/// <summary>The owner's side: the retention rule and its nightly job, and the breach register with its deadlines.</summary>
public abstract class PrivacyRegisterTests(AppFixture fixture) : ApiTest(fixture)
{
    private PrivacyKit Privacy => new(App);

    private static readonly DateTime LongAgo = DateTime.UtcNow.AddMonths(-40);

    /// <summary>Moves a client's own stamps, and those of its interactions, into the past, as if written then.</summary>
    private Task AgeAsync(long clientId, DateTime at) => App.ReadAsync(async db =>
    {
        await db.Clients.Where(c => c.Id == clientId).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, at).SetProperty(c => c.UpdatedAt, at));
        await db.Interactions.Where(i => i.ClientId == clientId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.OccurredAt, at).SetProperty(i => i.CreatedAt, at).SetProperty(i => i.UpdatedAt, at));
        await db.ContactPersons.Where(p => p.ClientId == clientId).ExecuteUpdateAsync(s => s.SetProperty(p => p.CreatedAt, at).SetProperty(p => p.UpdatedAt, at));
        return 0;
    });

    private async Task<string> RunRetentionAsync() =>
        (await JsonAsync(await Http.PostAsync("/api/v1/jobs/privacy-retention/run", null))).GetProperty("status").GetString()!;

    private Task<List<long>> ErasedAsync() =>
        App.ReadAsync(db => db.Set<ErasureRecord>().AsNoTracking().Where(r => r.Trigger == ErasureTrigger.Retention).Select(r => r.ClientId).ToListAsync());

    [Fact]
    public async Task The_retention_job_anonymises_only_prospects_silent_for_the_period_and_can_be_turned_off()
    {
        var staleName = Unique("Stale Prospect ");
        var stale = await Privacy.PersonAsync(staleName, Phone(), Unique("stale") + "@mail.example");
        await Privacy.InteractionAsync(stale, "First call, no interest");
        var fresh = await Privacy.PersonAsync(Unique("Fresh Prospect "), Phone(), Unique("fresh") + "@mail.example");
        var buyer = await Privacy.PersonAsync(Unique("Old Buyer "), Phone(), Unique("buyer") + "@mail.example");
        await Privacy.BuyAsync(buyer, 100m, daysAgo: 1300);
        var recentlyCalled = await Privacy.PersonAsync(Unique("Called Prospect "), Phone(), Unique("called") + "@mail.example");
        var lost = Id(await CreateClientAsync(Unique("Lost Client "), new { kind = "Person", status = "Lost", lostOn = "2022-01-10" }));
        foreach (var id in new[] { stale, buyer, recentlyCalled, lost }) await AgeAsync(id, LongAgo);
        await Privacy.InteractionAsync(recentlyCalled, "Called again last week");

        Assert.Equal(36, (await GetJsonAsync("/api/v1/privacy/settings")).GetProperty("retentionMonths").GetInt32());
        await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/privacy/settings", """{"retentionOff":true}"""));
        Assert.Equal("Succeeded", await RunRetentionAsync());
        Assert.Empty(await ErasedAsync());

        var saved = await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/privacy/settings", """{"retentionMonths":24}"""));
        Assert.True(saved.GetProperty("retentionOn").GetBoolean());
        Assert.Equal("Succeeded", await RunRetentionAsync());

        Assert.Equal([stale], await ErasedAsync());
        var record = (await GetJsonAsync("/api/v1/privacy/erasures")).EnumerateArray().Single(r => r.GetProperty("clientId").GetInt64() == stale);
        Assert.Equal(("Retention", "retention", JsonValueKind.Null), (record.GetProperty("trigger").GetString(), record.GetProperty("reason").GetString(), record.GetProperty("erasedById").ValueKind));
        Assert.Empty(await Privacy.SearchAsync(staleName));
        // The night has no reader: the name is in the office's language, read from the company's phone region (RU by default).
        Assert.Equal($"Удалённый клиент №{stale}", (await GetJsonAsync($"/api/v1/clients/{stale}")).GetProperty("name").GetString());
        foreach (var kept in new[] { fresh, buyer, recentlyCalled, lost })
            Assert.DoesNotContain("Удалённый", (await GetJsonAsync($"/api/v1/clients/{kept}")).GetProperty("name").GetString(), StringComparison.Ordinal);
        // A second night finds nothing new to do.
        Assert.Equal("Succeeded", await RunRetentionAsync());
        Assert.Equal([stale], await ErasedAsync());
    }

    [Fact]
    public async Task Bad_settings_are_400_and_only_the_owner_changes_them()
    {
        var before = await DbSnapshot.TakeAsync(App);
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, "/api/v1/privacy/settings", """{"retentionMonths":0}"""), "retentionMonths");
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, "/api/v1/privacy/settings", """{}"""), "retentionMonths");
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, "/api/v1/privacy/settings", """{"retentionMonths":601}"""), "retentionMonths");
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        await AssertOwnerOnlyAsync(HttpMethod.Put, "/api/v1/privacy/settings", """{"retentionMonths":12}""");
        await AssertOwnerOnlyAsync(HttpMethod.Post, "/api/v1/privacy/breaches", """{"title":"x","discoveredAt":"2026-01-01T00:00:00Z"}""");
        await AssertOwnerOnlyAsync(HttpMethod.Get, "/api/v1/privacy/breaches");
        await AssertOwnerOnlyAsync(HttpMethod.Get, "/api/v1/privacy/erasures");
    }

    private static object Breach(DateTime discoveredAt, DateTime? roskomnadzorNotifiedAt = null, DateTime? supervisoryAuthorityNotifiedAt = null) => new
    {
        title = "Laptop with an export stolen", description = "A manager's laptop with an XLSX of clients was stolen from a car.",
        discoveredAt, occurredFrom = discoveredAt.AddHours(-5), occurredTo = discoveredAt.AddHours(-5), dataCategories = "names, phones, e-mails",
        peopleAffected = 1200, actionsTaken = "Remote wipe requested; passwords changed.", roskomnadzorNotifiedAt, supervisoryAuthorityNotifiedAt,
    };

    private static JsonElement Deadline(JsonElement breach, string notice) =>
        breach.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("notice").GetString() == notice);

    [Fact]
    public async Task Breach_deadlines_run_24_and_72_hours_from_discovery_with_the_time_left_or_overdue()
    {
        var discovered = DateTime.UtcNow.AddHours(-30);
        var open = await JsonAsync(await PostAsync("/api/v1/privacy/breaches", Breach(discovered)), HttpStatusCode.Created);

        var first = Deadline(open, "RoskomnadzorFirstNotice");
        Assert.Equal(("Overdue", 24), (first.GetProperty("state").GetString(), first.GetProperty("hours").GetInt32()));
        Assert.InRange(first.GetProperty("hoursLeft").GetDouble(), -6.2, -5.9);
        Assert.Equal(discovered.AddHours(24), first.GetProperty("dueAt").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));
        foreach (var notice in new[] { "RoskomnadzorInvestigation", "GdprSupervisoryAuthority" })
        {
            var d = Deadline(open, notice);
            Assert.Equal(("Open", 72), (d.GetProperty("state").GetString(), d.GetProperty("hours").GetInt32()));
            Assert.InRange(d.GetProperty("hoursLeft").GetDouble(), 41.8, 42.1);
        }

        var reported = await JsonAsync(await PostAsync("/api/v1/privacy/breaches",
            Breach(discovered, roskomnadzorNotifiedAt: discovered.AddHours(20), supervisoryAuthorityNotifiedAt: discovered.AddHours(26))), HttpStatusCode.Created);
        Assert.Equal("MetOnTime", Deadline(reported, "RoskomnadzorFirstNotice").GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, Deadline(reported, "RoskomnadzorFirstNotice").GetProperty("hoursLeft").ValueKind);
        Assert.Equal("MetOnTime", Deadline(reported, "GdprSupervisoryAuthority").GetProperty("state").GetString());

        var late = await JsonAsync(await PostAsync("/api/v1/privacy/breaches", Breach(DateTime.UtcNow.AddDays(-5), roskomnadzorNotifiedAt: DateTime.UtcNow.AddDays(-3))), HttpStatusCode.Created);
        Assert.Equal("MetLate", Deadline(late, "RoskomnadzorFirstNotice").GetProperty("state").GetString());
        Assert.Equal("Overdue", Deadline(late, "GdprSupervisoryAuthority").GetProperty("state").GetString());

        var listed = (await GetJsonAsync("/api/v1/privacy/breaches")).EnumerateArray().Select(Id).ToList();
        Assert.Contains(Id(open), listed);
        Assert.Equal(1200, (await GetJsonAsync($"/api/v1/privacy/breaches/{Id(open)}")).GetProperty("peopleAffected").GetInt32());
    }

    [Fact]
    public async Task A_breach_is_corrected_by_an_update_with_its_version_and_never_deleted()
    {
        var discovered = DateTime.UtcNow.AddHours(-2);
        var breach = await JsonAsync(await PostAsync("/api/v1/privacy/breaches", Breach(discovered)), HttpStatusCode.Created);
        var path = $"/api/v1/privacy/breaches/{Id(breach)}";

        var corrected = await JsonAsync(await SendAsync(HttpMethod.Put, path,
            JsonSerializer.Serialize(Breach(discovered, roskomnadzorNotifiedAt: DateTime.UtcNow.AddMinutes(-1)), JsonSerializerOptions.Web), ifMatch: "\"1\""));

        Assert.Equal(2, corrected.GetProperty("version").GetInt64());
        Assert.Equal("MetOnTime", Deadline(corrected, "RoskomnadzorFirstNotice").GetProperty("state").GetString());
        var before = await DbSnapshot.TakeAsync(App);
        await AssertProblemAsync(await SendAsync(HttpMethod.Put, path, JsonSerializer.Serialize(Breach(discovered), JsonSerializerOptions.Web), ifMatch: "\"1\""),
            HttpStatusCode.PreconditionFailed);
        Assert.False((await SendAsync(HttpMethod.Delete, path)).IsSuccessStatusCode);
        await AssertProblemAsync(await SendAsync(HttpMethod.Put, "/api/v1/privacy/breaches/987654", JsonSerializer.Serialize(Breach(discovered), JsonSerializerOptions.Web)),
            HttpStatusCode.NotFound);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task Bad_breach_input_is_400_naming_the_field_and_changes_nothing()
    {
        var now = DateTime.UtcNow;
        var before = await DbSnapshot.TakeAsync(App);
        var path = "/api/v1/privacy/breaches";

        await AssertInvalidAsync(await PostAsync(path, new { discoveredAt = now }), "title");
        await AssertInvalidAsync(await PostAsync(path, new { title = "x" }), "discoveredAt");
        await AssertInvalidAsync(await PostAsync(path, new { title = "x", discoveredAt = now.AddDays(1) }), "discoveredAt");
        await AssertInvalidAsync(await PostAsync(path, new { title = "x", discoveredAt = now, occurredFrom = now.AddHours(-1), occurredTo = now.AddHours(-2) }), "occurredTo");
        await AssertInvalidAsync(await PostAsync(path, new { title = "x", discoveredAt = now.AddHours(-3), occurredFrom = now.AddHours(-1) }), "occurredFrom");
        await AssertInvalidAsync(await PostAsync(path, new { title = "x", discoveredAt = now, peopleAffected = -1 }), "peopleAffected");
        await AssertInvalidAsync(await PostAsync(path, new { title = "x", discoveredAt = now, roskomnadzorNotifiedAt = now.AddHours(-1) }), "roskomnadzorNotifiedAt");
        await AssertInvalidAsync(await PostAsync(path, new { title = new string('x', 301), discoveredAt = now }), "title");
        Assert.Equal(HttpStatusCode.BadRequest, (await SendJsonAsync(HttpMethod.Post, path, """{"title":"x","discoveredAt":"yesterday"}""")).StatusCode);

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }
}

public sealed class PrivacyRegisterTestsOnSqlite(SqliteApp fixture) : PrivacyRegisterTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-5")]
public sealed class PrivacyRegisterTestsOnPostgres(PostgresApp fixture) : PrivacyRegisterTests(fixture), IClassFixture<PostgresApp>;
