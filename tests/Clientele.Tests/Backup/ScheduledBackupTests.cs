using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Features.Audit;
using Clientele.Features.Backup;
using Clientele.Features.Company;
using Clientele.Features.Exports.Control;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Backup;

/// <summary>
/// The daily backup job run on demand as the scheduler runs it: each run writes an encrypted backup of the base, the
/// newest Keep (2 in the test run, <see cref="Infrastructure.RunDirectory"/>) stay; the owner lists and downloads them,
/// each download recorded as an export and in the audit trail; others get 403, a name that is not one gets 404.
/// </summary>
public abstract class ScheduledBackupTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Each_run_writes_a_backup_the_newest_two_stay_and_the_owner_downloads_one_that_decrypts_with_the_key()
    {
        var written = new List<string>();
        for (var run = 0; run < 3; run++)
        {
            var result = await JsonAsync(await Http.PostAsync("/api/v1/jobs/backup/run", null));
            Assert.Equal("Succeeded", result.GetProperty("status").GetString());
            written.Add((await ListAsync()).First(b => b.Kind == "scheduled").Name);
        }

        var listed = await ListAsync();
        Assert.Equal(written[1..].AsEnumerable().Reverse(), listed.Where(b => b.Kind == "scheduled").Select(b => b.Name));
        Assert.Equal(3, written.Distinct().Count());

        var exportsBefore = await App.ReadAsync(db => db.Set<Clientele.Features.Exports.Control.ExportRecord>().CountAsync());
        var download = await Http.GetAsync("/api/v1/backups/" + written[2]);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        var key = (await File.ReadAllTextAsync(await App.ReadAsync(db => Task.FromResult(AutomaticBackups.Of(db).KeyFile)))).Trim();
        using (var plain = new MemoryStream())
        {
            await BackupEncryption.DecryptAsync(new MemoryStream(bytes), key, plain, CancellationToken.None);
            Assert.True(plain.Length > 0);
        }
        Assert.Equal(exportsBefore + 1, await App.ReadAsync(db => db.Set<Clientele.Features.Exports.Control.ExportRecord>().CountAsync()));
        Assert.True(await App.ReadAsync(db => db.Set<Clientele.Features.Audit.AuditEntry>()
            .AnyAsync(e => e.Entity == "Backup" && e.Detail!.Contains(written[2]))), "the download is in the audit trail");
    }

    [Fact]
    public async Task Only_the_owner_lists_or_downloads_and_a_name_that_is_not_a_backup_is_404_with_nothing_recorded()
    {
        await AssertOwnerOnlyAsync(HttpMethod.Get, "/api/v1/backups");
        var before = await DbSnapshot.TakeAsync(App);
        foreach (var name in new[] { "..%2F..%2Fetc%2Fpasswd", "clientele-scheduled-00000000-20260101-000000-000000.clientele-backup", "backup.key" })
            Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/api/v1/backups/" + name)).StatusCode);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task The_owners_schedule_sets_the_hour_in_the_company_zone_and_each_run_prunes_the_backups_before_upgrades_too()
    {
        var saved = await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/backups/schedule", new { enabled = true, hour = 5, keep = 2 }));
        Assert.True(saved.GetProperty("setByOwner").GetBoolean());
        Assert.Equal(5, saved.GetProperty("hour").GetInt32());
        var zone = CompanyDays.Find(saved.GetProperty("timeZone").GetString())!;
        var expectedUtc = BackupSchedules.UtcHourOf(new CompanyDays(zone), 5, DateTime.UtcNow);
        Assert.Equal(expectedUtc, saved.GetProperty("hourUtc").GetInt32());
        var jobs = await GetJsonAsync("/api/v1/jobs");
        Assert.Equal(expectedUtc, jobs.EnumerateArray().Single(j => j.GetProperty("name").GetString() == ScheduledBackupJob.JobName).GetProperty("hourUtc").GetInt32());

        // Three upgrades' backups, as SafeUpgrade writes them; the daily run keeps the newest two of them.
        var upgrades = new List<string>();
        for (var i = 0; i < 3; i++)
            upgrades.Add(Path.GetFileName(await App.ReadAsync(db => AutomaticBackups.Of(db).WriteAsync(db, ScheduledBackupJob.BeforeUpgradeLabel, CancellationToken.None))));
        Assert.Equal("Succeeded", (await JsonAsync(await Http.PostAsync("/api/v1/jobs/backup/run", null))).GetProperty("status").GetString());
        var listed = await ListAsync();
        Assert.Equal(upgrades[1..].AsEnumerable().Reverse(), listed.Where(b => b.Kind == ScheduledBackupJob.BeforeUpgradeLabel).Select(b => b.Name));
        Assert.Equal(2, listed.Count(b => b.Kind == ScheduledBackupJob.Label));

        try
        {
            await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/backups/schedule", new { enabled = false, hour = 5, keep = 2 }));
            var names = (await ListAsync()).Select(b => b.Name).ToList();
            Assert.Equal("Succeeded", (await JsonAsync(await Http.PostAsync("/api/v1/jobs/backup/run", null))).GetProperty("status").GetString());
            Assert.Equal(names, (await ListAsync()).Select(b => b.Name));
        }
        finally
        {
            await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/backups/schedule", new { enabled = true, hour = 5, keep = 2 }));
        }
    }

    [Fact]
    public async Task A_schedule_out_of_range_is_refused_field_by_field_in_the_readers_language_and_nothing_changes()
    {
        var before = await DbSnapshot.TakeAsync(App);
        var russian = App.ClientWithToken(App.OwnerToken);
        russian.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        var refused = await JsonAsync(await SendAsync(russian, HttpMethod.Put, "/api/v1/backups/schedule", """{"enabled":true,"hour":24,"keep":0}"""), HttpStatusCode.BadRequest);
        Assert.Equal("Выберите час суток от 0 до 23.", refused.GetProperty("errors").GetProperty("hour")[0].GetString());
        Assert.Equal("Храните от 1 до 365 резервных копий.", refused.GetProperty("errors").GetProperty("keep")[0].GetString());

        var missing = await JsonAsync(await SendAsync(Http, HttpMethod.Put, "/api/v1/backups/schedule", """{"hour":-1}"""), HttpStatusCode.BadRequest);
        Assert.Equal(["enabled", "hour", "keep"], missing.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Choose an hour of the day from 0 to 23.", missing.GetProperty("errors").GetProperty("hour")[0].GetString());
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task A_manager_or_marketer_gets_neither_the_schedule_nor_a_download_and_an_owner_the_guard_stopped_is_refused_and_recorded()
    {
        Assert.Equal("Succeeded", (await JsonAsync(await Http.PostAsync("/api/v1/jobs/backup/run", null))).GetProperty("status").GetString());
        var path = "/api/v1/backups/" + (await ListAsync()).First().Name;
        await AssertOwnerOnlyAsync(HttpMethod.Get, path);
        await AssertOwnerOnlyAsync(HttpMethod.Put, "/api/v1/backups/schedule", """{"enabled":true,"hour":3,"keep":2}""");
        var marketer = await App.AddUserAsync(Unique("mk") + "@clientele.test", EmployeeRole.Marketer, "Mila Marketer");
        var asMarketer = App.ClientWithToken(await App.IssueTokenAsync(marketer.Id, "tests"));
        foreach (var refused in new[] { path, "/api/v1/backups", "/api/v1/backups/schedule" })
            Assert.Equal(HttpStatusCode.Forbidden, (await asMarketer.GetAsync(refused)).StatusCode);

        // The export gate's stop holds for a backup, which carries every client row.
        var alert = await App.ReadAsync(async db =>
        {
            var row = new MassAccessAlert { EmployeeId = App.OwnerId, At = DateTime.UtcNow, ClientCount = 1000, Baseline = 1 };
            db.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        try
        {
            var stopped = await JsonAsync(await Http.GetAsync(path), HttpStatusCode.Forbidden);
            Assert.Equal("blocked", stopped.GetProperty("exportStatus").GetString());
            var id = stopped.GetProperty("exportId").GetString();
            Assert.True(await App.ReadAsync(db => db.Set<ExportRecord>().AnyAsync(r => r.Id == id && r.Status == ExportStatus.Blocked && r.Path == path)));
        }
        finally
        {
            await App.ReadAsync(db => db.Set<MassAccessAlert>().Where(a => a.Id == alert).ExecuteUpdateAsync(s => s.SetProperty(a => a.LiftedAt, DateTime.UtcNow)));
        }
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_owners_settings_page_lists_the_backups_with_a_download_in_the_readers_language_and_a_manager_is_not_shown_it()
    {
        Assert.Equal("Succeeded", (await JsonAsync(await Http.PostAsync("/api/v1/jobs/backup/run", null))).GetProperty("status").GetString());
        var newest = (await ListAsync()).First();
        var owner = await PageAsync(ClienteleApp.OwnerEmail, "/settings/backups");
        Assert.Contains("<h1>Резервные копии</h1>", owner);
        Assert.Contains($"href=\"/api/v1/backups/{newest.Name}\"", owner);
        Assert.Contains("id=\"backup-hour\"", owner);

        var manager = await App.AddUserAsync(Unique("m") + "@clientele.test", EmployeeRole.Manager, "Maxim Manager");
        var refused = await PageAsync(manager.Email!, "/settings/backups");
        Assert.DoesNotContain(newest.Name, refused);
        Assert.DoesNotContain("backup-hour", refused);
    }

    /// <summary>The page's prerendered HTML for a user signed in with the cookie, in Russian.</summary>
    private async Task<string> PageAsync(string email, string path)
    {
        var browser = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        (await browser.PostAsJsonAsync("/api/v1/account/sign-in", new { email, password = ClienteleApp.OwnerPassword })).EnsureSuccessStatusCode();
        return WebUtility.HtmlDecode(await (await browser.GetAsync(path)).Content.ReadAsStringAsync());
    }

    private async Task<List<AutomaticBackupRow>> ListAsync() =>
        JsonSerializer.Deserialize<List<AutomaticBackupRow>>(await Http.GetStringAsync("/api/v1/backups"), JsonSerializerOptions.Web)!;
}

public sealed class ScheduledBackupTestsOnSqlite(SqliteApp fixture) : ScheduledBackupTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class ScheduledBackupTestsOnPostgres(PostgresApp fixture) : ScheduledBackupTests(fixture), IClassFixture<PostgresApp>;
