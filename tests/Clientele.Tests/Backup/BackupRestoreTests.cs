using System.Net;
using System.Text;
using System.Text.Json;
using Clientele.Data;
using Clientele.Features.Audit;
using Clientele.Features.Backup;
using Clientele.Features.Demo;
using Clientele.Features.Exports.Control;
using Clientele.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Backup;

/// <summary>
/// A demo base on SQLite, backed up through the API and restored into a fresh SQLite file and a fresh PostgreSQL
/// database (PostgreSQL because moving there is what the backup is for, and its types, sequences and triggers differ).
/// </summary>
[Collection("postgres-6")]
public sealed class BackupRestoreTests(SqliteApp source, PostgresFixture postgres) : IClassFixture<SqliteApp>, IDisposable
{
    /// <summary>Archives and databases a test wrote, removed afterwards.</summary>
    private readonly List<string> _files = [];

    private string Temp(string path)
    {
        _files.Add(path);
        return path;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in _files.SelectMany(f => new[] { f, f + "-wal", f + "-shm" }))
        {
            try { File.Delete(file); }
            catch (IOException) { /* a leftover temp file does not fail a run */ }
        }
    }

    private static readonly DateTime Today = DateTime.UtcNow.Date;

    private ClienteleApp App => source.App;

    private async Task EnsureBaseAsync()
    {
        await App.ReadAsync(async db =>
        {
            if (await db.Clients.AnyAsync()) return 0;
            var channels = await db.AcquisitionChannels.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
            await DemoLoader.LoadAsync(db, new DemoData(7, Today, [App.OwnerId], channels).Generate(150, 1_500), default);
            // Rows referring to a later row of their own table: PostgreSQL checks such keys at once, in the restore's order.
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Clients\" SET \"ReferredById\" = (SELECT MAX(\"Id\") FROM \"Clients\") WHERE \"Id\" = (SELECT MIN(\"Id\") FROM \"Clients\")");
            return 1;
        });
        // Rows written through the app as well: an audited change, a contact with consents (a JSON column), an export with a canary.
        var client = JsonDocument.Parse(await (await App.Client.GetAsync("/api/v1/clients?limit=1")).Content.ReadAsStringAsync()).RootElement.GetProperty("items")[0].GetProperty("id").GetInt64();
        var contact = await App.Client.PostAsync("/api/v1/contact-persons", JsonContent(new
        {
            clientId = client, name = "Jürgen Ölmann", phones = new[] { "+4917600000001" }, emails = new[] { "j@example.de" },
            consents = new[] { new { channel = "Email", granted = true, source = "form" } },
        }));
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.Client.GetAsync("/api/v1/clients/export?format=csv&tag=none")).StatusCode);
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");

    private async Task<string> BackupAsync()
    {
        await EnsureBaseAsync();
        var response = await App.Client.PostAsync("/api/v1/backup", JsonContent(new { passphrase = BackupKit.Passphrase }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        var path = Temp(Path.Combine(Path.GetTempPath(), $"clientele-backup-test-{Guid.NewGuid():N}.clientele-backup"));
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        return path;
    }

    private DatabaseTarget NewSqlite() => DatabaseTarget.Parse("sqlite:" + Temp(Path.Combine(Path.GetTempPath(), $"clientele-restore-{Guid.NewGuid():N}.db")));

    private static string[] Questions(long clientId) =>
    [
        "/api/v1/clients?limit=100", $"/api/v1/clients/{clientId}", "/api/v1/analytics/summary?asOf=" + Today.ToString("yyyy-MM-dd"),
        "/api/v1/pivot?rows=role&columns=&measure=purchases", "/api/v1/pivot?rows=region&columns=role&measure=revenue",
        $"/api/v1/contact-persons?clientId={clientId}",
    ];

    [Fact]
    public async Task A_backup_restores_into_sqlite_and_postgres_with_the_same_answers_counts_and_audit_trail()
    {
        var archive = await BackupAsync();
        var manifest = await ManifestAsync(archive);
        var sourceCounts = await BackupKit.CountsAsync(App.Target);
        var client = (await ContactClientAsync());
        var expected = new List<JsonElement>();
        foreach (var question in Questions(client)) expected.Add(await AnswerAsync(App.Client, question));
        var record = await App.ReadAsync(db => db.Set<ExportRecord>().AsNoTracking().Where(r => r.Path == "/api/v1/backup").OrderByDescending(r => r.At).FirstAsync());
        Assert.Equal(("zip", manifest.Tables.Single(t => t.Name == "Clients").Rows), (record.Format, (long)record.ClientCount));

        Assert.Contains(manifest.Tables, t => t.Name == "AspNetUsers" && t.Rows > 0);
        Assert.Contains(manifest.Tables, t => t.Name == "AuditEntries" && t.Rows > 0);
        Assert.Equal("sqlite", manifest.Provider);
        var referral = await App.ReadAsync(db => db.Clients.AsNoTracking().Where(c => c.ReferredById > c.Id).Select(c => new { c.Id, c.ReferredById }).FirstAsync());

        // Ten rows per INSERT: the referral then crosses statements, as it does in a base of thousands of clients.
        BackupRestore.RowsPerBatch.Value = 10;
        foreach (var target in new[] { NewSqlite(), DatabaseTarget.Parse("postgres:" + await postgres.CreateDatabaseAsync()) })
        {
            var summary = await BackupKit.RestoreAsync(target, archive);
            Assert.Equal(manifest.Tables.Sum(t => t.Rows), summary.Rows);
            var counts = await BackupKit.CountsAsync(target);
            foreach (var table in manifest.Tables)
            {
                Assert.True(table.Rows == counts[table.Name], $"{target.Provider} {table.Name}: {counts[table.Name]} rows, the manifest says {table.Rows}");
                // Written after the snapshot: the backup's own export record and audit entry.
                if (table.Name is not ("ExportRecords" or "AuditEntries" or "AuditEntryClients"))
                    Assert.True(sourceCounts[table.Name] == counts[table.Name], $"{target.Provider} {table.Name}: {counts[table.Name]} rows, the source has {sourceCounts[table.Name]}");
            }

            await using var restored = new ClienteleApp(target);
            // The source's API token works: its hash came along with the users.
            var http = restored.ClientWithToken(App.OwnerToken);
            var questions = Questions(client);
            for (var i = 0; i < questions.Length; i++) BackupKit.AssertSame(expected[i], await AnswerAsync(http, questions[i]), target.Provider + " " + questions[i]);
            Assert.Equal(referral.ReferredById, await restored.ReadAsync(db => db.Clients.Where(c => c.Id == referral.Id).Select(c => c.ReferredById).SingleAsync()));
            var chain = await restored.ReadAsync(db => AuditVerifier.VerifyAsync(db, default));
            Assert.True(chain.Ok, $"{target.Provider}: audit chain broken at {chain.BrokenId}: {chain.Reason}");
            // New rows continue after the restored ids (PostgreSQL's sequences were moved on).
            var created = await http.PostAsync("/api/v1/clients", JsonContent(new { name = "After the move" }));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

            // A second restore into the now non-empty database is refused and changes nothing.
            var before = await BackupKit.CountsAsync(target);
            var refused = await Assert.ThrowsAsync<BackupException>(() => BackupKit.RestoreAsync(target, archive));
            Assert.Contains("restore needs an empty database", refused.Message);
            Assert.Equal(before, await BackupKit.CountsAsync(target));
        }
    }

    [Fact]
    public async Task A_backup_is_encrypted_with_the_owners_passphrase_and_holds_no_secret_in_the_clear()
    {
        await EnsureBaseAsync();
        // No passphrase, a short one, one in the URL, the old unencrypted download: refused, and nothing recorded.
        var before = await DbSnapshot.TakeAsync(App);
        foreach (var (body, message) in new (object?, string)[]
        {
            (new { }, "A passphrase is required"), (new { passphrase = "short" }, "at least 12 characters"), (new { passphrase = new string('p', 1025) }, "at most 1024 characters"),
        })
        {
            var refused = await App.Client.PostAsync("/api/v1/backup?passphrase=" + Uri.EscapeDataString(BackupKit.Passphrase), JsonContent(body!));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.Contains(message, problem.GetProperty("errors").GetProperty("passphrase")[0].GetString());
        }
        // The unencrypted GET download is gone (the router answers an unmapped method as it answers an unknown path).
        Assert.Contains((await App.Client.GetAsync("/api/v1/backup")).StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        var archive = await BackupAsync();
        var bytes = await File.ReadAllBytesAsync(archive);
        Assert.False(bytes.AsSpan().StartsWith("PK"u8), "the backup is a plain ZIP");
        var owner = await App.ReadAsync(db => db.Users.AsNoTracking().Where(u => u.Id == App.OwnerId).Select(u => new { u.Email, u.PasswordHash, u.SecurityStamp }).SingleAsync());
        foreach (var secret in new[] { owner.Email!, owner.PasswordHash!, owner.SecurityStamp!, "AspNetUsers", "manifest.json", "Jürgen Ölmann" })
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"the backup holds {secret} in the clear");
        // Inside, with the passphrase: the whole base, users included.
        Assert.Contains((await ManifestAsync(archive)).Tables, t => t.Name == "AspNetUsers" && t.Rows > 0);
    }

    [Fact]
    public async Task A_wrong_passphrase_or_a_changed_byte_is_refused_and_nothing_is_written_on_sqlite_and_postgres()
    {
        var archive = await BackupAsync();
        var bytes = await File.ReadAllBytesAsync(archive);
        string Changed(Func<byte[], byte[]> change) => Temp(WriteTemp(change([.. bytes])));
        var flipped = Changed(b => { b[b.Length / 2] ^= 0x01; return b; });
        var header = Changed(b => { b[25] ^= 0x01; return b; });
        var cut = Changed(b => b[..^1]);
        (string File, string Passphrase, string Message)[] cases =
        [
            (archive, "not the passphrase at all", "Wrong passphrase"), (archive, "", "A passphrase is required"),
            (flipped, BackupKit.Passphrase, "The backup was changed or damaged: part"), (header, BackupKit.Passphrase, "Wrong passphrase"),
            (cut, BackupKit.Passphrase, "The backup was changed or damaged: part"),
        ];
        // Every case into SQLite; the wrong passphrase and the changed byte into PostgreSQL as well (each try costs a key derivation).
        foreach (var target in new[] { NewSqlite(), DatabaseTarget.Parse("postgres:" + await postgres.CreateDatabaseAsync()) })
            foreach (var (file, passphrase, message) in target.Provider == DatabaseProvider.Sqlite ? cases : cases[..3])
            {
                var error = await Assert.ThrowsAsync<BackupException>(() => BackupKit.RestoreAsync(target, file, passphrase));
                Assert.Contains(message, error.Message);
                Assert.Equal(0, await BackupKit.AppliedMigrationsAsync(target));
            }
    }

    private static string WriteTemp(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"clientele-backup-test-{Guid.NewGuid():N}.clientele-backup");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task Broken_archives_are_refused_with_a_clear_error_and_the_database_left_empty()
    {
        var archive = await BackupAsync();
        var garbage = Temp(Path.Combine(Path.GetTempPath(), $"clientele-garbage-{Guid.NewGuid():N}.zip"));
        await File.WriteAllBytesAsync(garbage, [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251))]);
        var truncated = Temp(Path.Combine(Path.GetTempPath(), $"clientele-truncated-{Guid.NewGuid():N}.zip"));
        var bytes = await File.ReadAllBytesAsync(archive);
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);
        var noManifest = RewriteTemp(archive, (name, b) => name == BackupManifest.FileName ? null : b);
        var changedRow = RewriteTemp(archive, (name, b) => name == "Clients.jsonl" ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).Replace("\"Name\":\"", "\"Name\":\"X", StringComparison.Ordinal)) : b);
        var newerSchema = RewriteTemp(archive, (name, b) => name == BackupManifest.FileName ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).Replace("\"migration\": \"", "\"migration\": \"ZFromTheFuture", StringComparison.Ordinal)) : b);
        var newerFormat = RewriteTemp(archive, (name, b) => name == BackupManifest.FileName ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).Replace("\"formatVersion\": 1", "\"formatVersion\": 99", StringComparison.Ordinal)) : b);
        // Consistent hashes, but a value that does not fit its column: found only while inserting, so the transaction must undo the rows before it.
        var badValue = Temp(ArchiveWithBadLastClient(archive));

        (string File, string Message)[] cases =
        [
            (garbage, "This file is not an encrypted Clientele backup."), (truncated, "The backup was changed or damaged: part"), (noManifest, "it has no manifest.json"),
            (changedRow, "Clients.jsonl is damaged: its SHA-256 differs"), (newerSchema, "is newer than this Clientele knows"), (newerFormat, "backup of format 99"),
        ];
        foreach (var (file, message) in cases)
        {
            var target = NewSqlite();
            var error = await Assert.ThrowsAsync<BackupException>(() => BackupKit.RestoreAsync(target, file));
            Assert.Contains(message, error.Message);
            // Refused before the database was touched: not even the schema was created.
            Assert.Equal(0, await BackupKit.AppliedMigrationsAsync(target));
        }

        var empty = NewSqlite();
        var failed = await Assert.ThrowsAsync<BackupException>(() => BackupKit.RestoreAsync(empty, badValue));
        Assert.Contains("Clients.jsonl line", failed.Message);
        Assert.Equal(0, await BackupKit.ClientCountAsync(empty));
        Assert.All(await BackupKit.CountsAsync(empty), c => Assert.True(c.Value == 0 || c.Key is "AcquisitionChannels" or "ClientGroups" or "CompanySettings" or "LostReasons" or "Competitors" or "PipelineStages" or "LoopCauses" or "AnalyticsGeneration",
            $"{c.Key} has {c.Value} rows after a failed restore"));
        // And the failed target still takes the backup afterwards.
        await BackupKit.RestoreAsync(empty, archive);
        Assert.True(await BackupKit.ClientCountAsync(empty) > 0);
    }

    [Fact]
    public async Task The_command_line_backs_up_and_restores_and_refuses_a_base_with_clients()
    {
        await EnsureBaseAsync();
        var file = Temp(Path.Combine(Path.GetTempPath(), $"clientele-cli-{Guid.NewGuid():N}.clientele-backup"));
        var tooShort = await CliProcess.RunAsync(["--db", App.DbSetting, "backup", file, "--passphrase-stdin"], stdin: "short\n");
        Assert.True(tooShort.ExitCode == 1, tooShort.ToString());
        Assert.Contains("The passphrase must be at least 12 characters long.", tooShort.Stderr);
        Assert.False(File.Exists(file));
        var backup = await CliProcess.RunAsync(["--db", App.DbSetting, "backup", file, "--passphrase-stdin"], stdin: BackupKit.Passphrase + "\n");
        Assert.True(backup.ExitCode == 0, backup.ToString());
        Assert.Contains("tables", backup.Stdout);
        Assert.True(BackupEncryption.IsEncrypted(file));
        var target = NewSqlite();
        var wrong = await CliProcess.RunAsync(["--db", target.ToString(), "restore", file, "--passphrase-stdin"], stdin: "not the passphrase at all\n");
        Assert.True(wrong.ExitCode == 1, wrong.ToString());
        Assert.Contains("Restore failed, no rows were written: Wrong passphrase", wrong.Stderr);
        Assert.Equal(0, await BackupKit.AppliedMigrationsAsync(target));
        var restore = await CliProcess.RunAsync(["--db", target.ToString(), "restore", file, "--passphrase-stdin"], stdin: BackupKit.Passphrase + "\n");
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.StartsWith("Restored ", restore.Stdout);
        var again = await CliProcess.RunAsync(["--db", target.ToString(), "restore", file, "--passphrase-stdin"], stdin: BackupKit.Passphrase + "\n");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("restore needs an empty database", again.Stderr);
        // The restored base answers (its audit chain is checked by the API test above, to spare a process here).
        Assert.True(await BackupKit.ClientCountAsync(target) > 0);
    }

    private string RewriteTemp(string archive, Func<string, byte[], byte[]?> change) => Temp(BackupKit.Rewrite(archive, change));

    private string ArchiveWithBadLastClient(string archive)
    {
        byte[]? clients = null;
        var step = BackupKit.Rewrite(archive, (name, b) =>
        {
            if (name != "Clients.jsonl") return b;
            var lines = Encoding.UTF8.GetString(b).TrimEnd('\n').Split('\n');
            var last = JsonDocument.Parse(lines[^1]).RootElement;
            var broken = System.Text.Json.Nodes.JsonNode.Parse(last.GetRawText())!;
            broken["CreatedAt"] = "not a date";
            lines[^1] = broken.ToJsonString();
            clients = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
            return clients;
        });
        _files.Add(step);
        return BackupKit.Rewrite(step, (name, b) => name == BackupManifest.FileName ? BackupKit.ManifestFor(b, "Clients.jsonl", clients!) : b);
    }

    private async Task<long> ContactClientAsync() =>
        await App.ReadAsync(db => db.ContactPersons.Where(c => c.Name == "Jürgen Ölmann").Select(c => c.ClientId).FirstAsync());

    private static async Task<BackupManifest> ManifestAsync(string archive)
    {
        using var open = await BackupArchive.OpenAsync(archive, BackupKit.Passphrase, default);
        return open.Manifest;
    }

    private static async Task<JsonElement> AnswerAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
