using System.Net;
using System.Text.Json;
using Clientele.Features.Backup;
using Clientele.Tests.Infrastructure;
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

    private async Task<List<AutomaticBackupRow>> ListAsync() =>
        JsonSerializer.Deserialize<List<AutomaticBackupRow>>(await Http.GetStringAsync("/api/v1/backups"), JsonSerializerOptions.Web)!;
}

public sealed class ScheduledBackupTestsOnSqlite(SqliteApp fixture) : ScheduledBackupTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class ScheduledBackupTestsOnPostgres(PostgresApp fixture) : ScheduledBackupTests(fixture), IClassFixture<PostgresApp>;
