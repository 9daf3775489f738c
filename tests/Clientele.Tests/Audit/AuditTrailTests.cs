using System.Net;
using System.Text.Json;
using Clientele.Data;
using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Tests.Audit;

/// <summary>What the trail records (changes with before/after, views, searches) and the owner's questions to it.</summary>
public abstract class AuditTrailTests(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<List<JsonElement>> EntriesAsync(string query) =>
        [.. (await GetJsonAsync("/api/v1/audit?" + query)).GetProperty("items").EnumerateArray()];

    private async Task<(long Id, HttpClient Http)> UserAsync(EmployeeRole role)
    {
        var user = await App.AddUserAsync(Unique("user") + "@clientele.test", role, Unique("User "));
        return (user.Id, App.ClientWithToken(await App.IssueTokenAsync(user.Id, "audit")));
    }

    [Fact]
    public async Task A_change_is_recorded_with_before_and_after_and_views_and_searches_with_their_clients()
    {
        var name = Unique("Audited ");
        var client = Id(await CreateClientAsync(name));
        await JsonAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/clients/{client}", JsonSerializer.Serialize(new { name = name + " GmbH" }), contentType: "application/merge-patch+json"));
        await JsonAsync(await Http.GetAsync($"/api/v1/clients/{client}"));
        await JsonAsync(await Http.GetAsync($"/api/v1/clients?q={Uri.EscapeDataString(name)}"));

        var entries = await EntriesAsync($"clientId={client}");
        Assert.Equal(["ClientsSearched", "ClientViewed", "Updated", "Created"],
            entries.Where(e => e.GetProperty("entity").GetString() == "Client").Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal(App.OwnerId, e.GetProperty("employeeId").GetInt64()));
        var updated = entries.Single(e => e.GetProperty("action").GetString() == "Updated");
        var detail = JsonDocument.Parse(updated.GetProperty("detail").GetString()!).RootElement;
        Assert.Equal(name, detail.GetProperty("before").GetProperty("Name").GetString());
        Assert.Equal(name + " GmbH", detail.GetProperty("after").GetProperty("Name").GetString());
        Assert.False(detail.GetProperty("after").TryGetProperty("Version", out _), "bookkeeping fields are not shown");
        Assert.Equal(client, updated.GetProperty("entityId").GetInt64());
        var searched = entries.First(e => e.GetProperty("action").GetString() == "ClientsSearched");
        Assert.Contains(name, searched.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Secrets_are_masked_and_a_role_change_is_recorded_as_such()
    {
        var (userId, _) = await UserAsync(EmployeeRole.Analyst);
        var created = Assert.Single(await EntriesAsync($"action=Created"), e => e.GetProperty("entity").GetString() == "Employee" && e.GetProperty("entityId").GetInt64() == userId);
        var detail = created.GetProperty("detail").GetString()!;
        Assert.Contains("\"PasswordHash\":\"***\"", detail);
        Assert.Contains("\"SecurityStamp\":\"***\"", detail);

        await App.ReadAsync(async db =>
        {
            var user = await db.Set<Employee>().SingleAsync(e => e.Id == userId);
            user.Role = EmployeeRole.Marketer;
            return await db.SaveChangesAsync();
        });
        var change = Assert.Single(await EntriesAsync("action=RoleChanged"), e => e.GetProperty("entityId").GetInt64() == userId);
        Assert.Contains("\"before\":{\"Role\":\"Analyst\"}", change.GetProperty("detail").GetString());
        Assert.Contains("\"after\":{\"Role\":\"Marketer\"}", change.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_owner_asks_which_clients_a_user_saw_and_who_saw_a_client_and_exports_both()
    {
        var (managerId, manager) = await UserAsync(EmployeeRole.Manager);
        var name = Unique("Seen ");
        var first = Id(await CreateClientAsync(name + " one", new { managerId }));
        var second = Id(await CreateClientAsync(name + " two", new { managerId }));
        var from = DateTime.UtcNow.AddMinutes(-1).ToString("O");
        await JsonAsync(await manager.GetAsync($"/api/v1/clients/{first}"));
        await JsonAsync(await manager.GetAsync($"/api/v1/clients/{first}"));
        await JsonAsync(await manager.GetAsync($"/api/v1/clients/{second}"));

        var seen = await GetJsonAsync($"/api/v1/audit/clients-seen?employeeId={managerId}&from={Uri.EscapeDataString(from)}");
        var rows = seen.GetProperty("clients").EnumerateArray().ToDictionary(r => r.GetProperty("clientId").GetInt64());
        Assert.Equal([first, second], rows.Keys.Order());
        Assert.Equal(2, rows[first].GetProperty("views").GetInt32());
        Assert.Equal(name + " two", rows[second].GetProperty("clientName").GetString());

        var viewers = (await GetJsonAsync($"/api/v1/audit/clients/{first}/viewers")).GetProperty("viewers").EnumerateArray()
            .Where(v => v.GetProperty("action").GetString() == "ClientViewed").ToList();
        Assert.Equal(2, viewers.Count);
        Assert.All(viewers, v => Assert.Equal(managerId, v.GetProperty("employeeId").GetInt64()));

        var csv = await Http.GetAsync($"/api/v1/audit/clients-seen?employeeId={managerId}&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains(name + " one", await csv.Content.ReadAsStringAsync());
        var xlsx = await Http.GetAsync($"/api/v1/audit/clients/{first}/viewers?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        // Only the owner asks.
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/api/v1/audit/clients-seen?employeeId={managerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/v1/audit")).StatusCode);
    }

    [Fact]
    public async Task Bad_questions_get_a_problem_naming_the_field()
    {
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/audit/clients-seen"), "employeeId");
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/audit?action=Teleported"), "action");
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"), "to");
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/audit?format=pdf"), "format");
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/audit?after=x"), "after");
        await AssertProblemAsync(await Http.GetAsync("/api/v1/audit/clients/987654321/viewers"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Http.PostAsync("/api/v1/audit/alerts/987654321/lift", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Settings_refuse_a_retention_shorter_than_a_month_and_keep_the_old_values()
    {
        var before = await GetJsonAsync("/api/v1/audit/settings");
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, "/api/v1/audit/settings", new { retentionDays = 5, massAccessFactor = 5, massAccessMinClients = 200 }), "retentionDays");
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, "/api/v1/audit/settings", new { retentionDays = 400, massAccessFactor = 0.5, massAccessMinClients = 200 }), "massAccessFactor");
        Assert.Equal(before.ToString(), (await GetJsonAsync("/api/v1/audit/settings")).ToString());
        Assert.Equal(1095, before.GetProperty("retentionDays").GetInt32());
    }

    [Fact]
    public async Task Keyset_pages_walk_back_without_overlap()
    {
        var client = Id(await CreateClientAsync(Unique("Paged ")));
        for (var i = 0; i < 5; i++) await JsonAsync(await Http.GetAsync($"/api/v1/clients/{client}"));
        var first = await GetJsonAsync($"/api/v1/audit?clientId={client}&action=ClientViewed&limit=3");
        var next = first.GetProperty("next").GetString();
        var second = await GetJsonAsync($"/api/v1/audit?clientId={client}&action=ClientViewed&limit=3&after={next}");
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(5, ids.Count);
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Concurrent_appends_and_a_100000_client_export_keep_one_chain()
    {
        var (userId, _) = await UserAsync(EmployeeRole.Owner);
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using (var scope = App.Services.CreateSystemScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await log.RecordAsync(new AuditEvent(AuditAction.Exported, userId, "Export", 1, [.. Enumerable.Range(1, 100_000).Select(i => (long)i)],
                "{\"fileId\":\"f-1\"}", 100_000));
        }
        var exportTime = started.Elapsed;
        await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            await using var scope = App.Services.CreateSystemScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(new AuditEvent(AuditAction.SignIn, userId, Detail: $"{{\"n\":{i}}}"));
        }));

        var report = await App.ReadAsync(db => AuditVerifier.VerifyAsync(db, CancellationToken.None));
        Assert.True(report.Ok, report.Reason);
        Assert.Equal(24, await App.ReadAsync(db => db.Set<AuditEntry>().CountAsync(e => e.EmployeeId == userId && e.Action == AuditAction.SignIn)));
        Assert.Equal(100_000, await App.ReadAsync(db => db.Set<AuditEntryClient>().CountAsync(c => c.EmployeeId == userId && c.Action == AuditAction.Exported)));
        Assert.True(exportTime < TimeSpan.FromSeconds(30), $"recording 100 000 clients took {exportTime}");
    }
}

public sealed class AuditTrailTestsOnSqlite(SqliteApp fixture) : AuditTrailTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class AuditTrailTestsOnPostgres(PostgresApp fixture) : AuditTrailTests(fixture), IClassFixture<PostgresApp>;
