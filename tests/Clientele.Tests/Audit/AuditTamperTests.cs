using Clientele.Data;
using Clientele.Features.Audit;
using Clientele.Infrastructure.Cli;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Clientele.Tests.Audit;

/// <summary>
/// The chain against an attacker with database access: an edited row and a removed row are named by
/// <c>clientele audit verify</c>; the app's own connection cannot update or delete at all. Each test puts back what it
/// broke, so the class's database stays whole for the next.
/// </summary>
public abstract class AuditTamperTests(AppFixture fixture) : ApiTest(fixture)
{
    /// <summary>A fresh, migrated database of the same provider, for scenarios that need the trail from its first entry.</summary>
    protected abstract Task<string> FreshDatabaseAsync();

    private async Task<List<long>> SomeEntriesAsync(int views)
    {
        var client = Id(await CreateClientAsync(Unique("Tamper ")));
        for (var i = 0; i < views; i++) await JsonAsync(await Http.GetAsync($"/api/v1/clients/{client}"));
        var last = await AuditKit.LastIdAsync(App);
        return [.. Enumerable.Range(0, views).Select(i => last - i)];
    }

    [Fact]
    public async Task An_edited_row_fails_verify_naming_that_row()
    {
        var entries = await SomeEntriesAsync(3);
        var target = entries[1];
        var ok = await AuditKit.VerifyAsync(App);
        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.Matches(@"^OK: \d+ entries", ok.Stdout);

        var original = await AuditKit.EntryAsync(App, target);
        await AuditKit.DropTriggersAsync(App);
        try
        {
            await AuditKit.SqlAsync(App, $"UPDATE \"AuditEntries\" SET \"EmployeeId\" = 999999 WHERE \"Id\" = {target}");
            var broken = await AuditKit.VerifyAsync(App);
            Assert.True(broken.ExitCode == 1, broken.ToString());
            Assert.Contains($"FAILED at entry {target} (edited)", broken.Stderr);

            var employee = original.EmployeeId is { } e ? e.ToString(System.Globalization.CultureInfo.InvariantCulture) : "NULL";
            await AuditKit.SqlAsync(App, $"UPDATE \"AuditEntries\" SET \"EmployeeId\" = {employee} WHERE \"Id\" = {target}");
        }
        finally
        {
            await AuditKit.RestoreTriggersAsync(App);
        }
        Assert.Equal(0, (await AuditKit.VerifyAsync(App)).ExitCode);
    }

    [Fact]
    public async Task A_deleted_middle_row_fails_verify_naming_the_gap()
    {
        var entries = await SomeEntriesAsync(3);
        var target = entries[1];
        var row = await AuditKit.EntryAsync(App, target);
        var clients = await App.ReadAsync(db => db.Set<AuditEntryClient>().AsNoTracking().Where(c => c.EntryId == target).ToListAsync());
        await AuditKit.DropTriggersAsync(App);
        try
        {
            await AuditKit.SqlAsync(App, $"DELETE FROM \"AuditEntryClients\" WHERE \"EntryId\" = {target}");
            await AuditKit.SqlAsync(App, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {target}");
            var broken = await AuditKit.VerifyAsync(App);
            Assert.True(broken.ExitCode == 1, broken.ToString());
            Assert.Contains($"FAILED at entry {target + 1} (gap)", broken.Stderr);
            Assert.Contains($"entries {target}..{target} are missing", broken.Stderr);

            // Put the row back as it was: the chain is whole again, which shows it was the deletion verify saw.
            await App.ReadAsync(async db =>
            {
                db.Set<AuditEntry>().Add(row);
                db.Set<AuditEntryClient>().AddRange(clients);
                return await db.SaveChangesAsync();
            });
        }
        finally
        {
            await AuditKit.RestoreTriggersAsync(App);
        }
        var whole = await AuditKit.VerifyAsync(App);
        Assert.True(whole.ExitCode == 0, whole.ToString());
    }

    [Fact]
    public async Task A_chain_recomputed_without_the_key_fails_verify()
    {
        var entries = await SomeEntriesAsync(3);
        var from = entries[^1];
        var ok = await AuditKit.VerifyAsync(App);
        Assert.True(ok.ExitCode == 0, ok.ToString());

        await AttackTailAsync(from, async () =>
        {
            // The probe's attack: blank the entries, then make every link fit again with the published SHA-256 form.
            await AuditKit.RecomputeUnkeyedAsync(App, from, e => (e.Detail, e.Ip) = (null, null));
            var broken = await AuditKit.VerifyAsync(App);
            Assert.True(broken.ExitCode == 1, broken.ToString());
            Assert.Contains($"FAILED at entry {from} (edited)", broken.Stderr);
            Assert.Contains("the chain was recomputed without the key", broken.Stderr);
        });
    }

    [Fact]
    public async Task A_tail_cut_after_the_anchor_fails_verify_naming_the_anchor()
    {
        var entries = await SomeEntriesAsync(3);
        var anchored = await AuditKit.AnchorAsync(App);
        Assert.True(anchored.ExitCode == 0, anchored.ToString());
        Assert.Contains($"Anchored: ", anchored.Stdout);
        Assert.Contains($"up to entry {entries[0]}.", anchored.Stdout);
        var verified = await AuditKit.VerifyAsync(App);
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains($"entries up to entry {entries[0]}.", verified.Stdout);

        var cut = entries[1];
        await AttackTailAsync(cut, async () =>
        {
            // The last two entries go: ids stay contiguous and every remaining link fits, so only the anchor can tell.
            await AuditKit.SqlAsync(App, $"DELETE FROM \"AuditEntryClients\" WHERE \"EntryId\" >= {cut}");
            await AuditKit.SqlAsync(App, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" >= {cut}");
            var broken = await AuditKit.VerifyAsync(App);
            Assert.True(broken.ExitCode == 1, broken.ToString());
            Assert.Contains($"FAILED at entry {cut} (cut): the chain ends at entry {cut - 1}, but the anchor of", broken.Stderr);
            Assert.Contains($"up to entry {entries[0]}: entries were removed from its end", broken.Stderr);
            // An anchor is not moved over a broken chain.
            var refused = await AuditKit.AnchorAsync(App);
            Assert.True(refused.ExitCode == 1, refused.ToString());
        });
    }

    /// <summary>
    /// Runs <paramref name="attack"/> with the triggers dropped, as someone with the database would; then puts the
    /// entries from <paramref name="from"/> on back as they were and checks that the whole trail verifies again.
    /// </summary>
    private async Task AttackTailAsync(long from, Func<Task> attack)
    {
        var tail = await AuditKit.TailAsync(App, from);
        await AuditKit.DropTriggersAsync(App);
        try
        {
            await attack();
        }
        finally
        {
            await AuditKit.PutBackAsync(App, tail);
            await AuditKit.RestoreTriggersAsync(App);
        }
        var whole = await AuditKit.VerifyAsync(App);
        Assert.True(whole.ExitCode == 0, whole.ToString());
    }

    [Fact]
    public async Task An_erasure_redacts_the_persons_values_from_the_trail_and_the_chain_still_verifies()
    {
        var (name, phone, newPhone, email) = (Unique("Erased Person "), "+4915111" + Random.Shared.Next(100000, 999999), "+4915122" + Random.Shared.Next(100000, 999999), Unique("erased") + "@example.org");
        var client = Id(await JsonAsync(await PostAsync("/api/v1/clients", new { name, kind = "Person", phone, email }), System.Net.HttpStatusCode.Created));
        await JsonAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/clients/{client}", System.Text.Json.JsonSerializer.Serialize(new { phone = newPhone }),
            contentType: "application/merge-patch+json"));
        await JsonAsync(await Http.GetAsync($"/api/v1/clients/{client}"));
        await JsonAsync(await Http.GetAsync($"/api/v1/clients?q={Uri.EscapeDataString(newPhone)}"));
        // Digits only: the trail's JSON writes a plus sign as \u002B.
        Task<int> Holding(string value) => App.ReadAsync(db => db.Set<AuditEntry>().CountAsync(e => e.Detail != null && e.Detail.Contains(value.TrimStart('+'))));
        Assert.True(await Holding(newPhone) > 0, "the trail should hold the values before the erasure");
        var about = await App.ReadAsync(db => db.Set<AuditEntryClient>().CountAsync(c => c.ClientId == client));

        await JsonAsync(await PostAsync($"/api/v1/clients/{client}/erase", new { reason = "Art. 17 request" }));

        foreach (var value in new[] { name, phone, newPhone, email })
            Assert.True(await Holding(value) == 0, $"an audit entry still holds {value}");
        // What happened, to whom and by whom stays: the entries about the client are all there, plus the erasure's own.
        Assert.True(await App.ReadAsync(db => db.Set<AuditEntryClient>().CountAsync(c => c.ClientId == client)) > about);
        Assert.Contains(AuditAction.PersonalDataErased, await App.ReadAsync(db => db.Set<AuditEntryClient>().Where(c => c.ClientId == client).Select(c => c.Action).ToListAsync()));
        var verified = await AuditKit.VerifyAsync(App);
        Assert.True(verified.ExitCode == 0, verified.ToString());
        // A redaction is the only update the database lets through: a redacted entry whose other columns change is refused.
        var redacted = await App.ReadAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.Detail!.StartsWith("{\"redacted\":")).OrderBy(e => e.Id).FirstAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => AuditKit.SqlAsync(App, $"UPDATE \"AuditEntries\" SET \"Ip\" = '10.9.9.9' WHERE \"Id\" = {redacted.Id}"));
        Assert.Equal(redacted.Ip, (await AuditKit.EntryAsync(App, redacted.Id)).Ip);
    }

    [Fact]
    public async Task The_app_cannot_update_or_delete_audit_rows()
    {
        var target = (await SomeEntriesAsync(1))[0];
        var before = await AuditKit.EntryAsync(App, target);

        await Assert.ThrowsAnyAsync<Exception>(() => AuditKit.SqlAsync(App, $"UPDATE \"AuditEntries\" SET \"Detail\" = 'nothing happened' WHERE \"Id\" = {target}"));
        await Assert.ThrowsAnyAsync<Exception>(() => AuditKit.SqlAsync(App, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {target}"));
        await Assert.ThrowsAnyAsync<Exception>(() => AuditKit.SqlAsync(App, $"DELETE FROM \"AuditEntryClients\" WHERE \"EntryId\" = {target}"));
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => App.ReadAsync(async db =>
        {
            var entry = await db.Set<AuditEntry>().SingleAsync(e => e.Id == target);
            entry.Ip = "10.0.0.1";
            return await db.SaveChangesAsync();
        }));

        var after = await AuditKit.EntryAsync(App, target);
        Assert.Equal((before.Hash, before.Detail, before.Ip), (after.Hash, after.Detail, after.Ip));
        Assert.Equal(1, await App.ReadAsync(db => db.Set<AuditEntryClient>().CountAsync(c => c.EntryId == target)));
    }

    [Fact]
    public async Task Retention_removes_only_expired_entries_and_verify_starts_at_the_first_remaining_one()
    {
        var target = DatabaseTarget.Parse(await FreshDatabaseAsync());
        await using var services = CommandServices.Open(target);
        var db = services.Db;
        await Migrator.MigrateAsync(db);
        var now = DateTime.UtcNow;
        // Migrating recorded the seeded settings; clear them (as an attacker could), so the test's entries start the chain.
        var postgres = target.Provider == DatabaseProvider.Postgres;
        await db.Database.ExecuteSqlRawAsync(postgres ? AuditTriggers.PostgresDrop : AuditTriggers.SqliteDrop);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntryClients\"; DELETE FROM \"AuditEntries\";");
        await db.Database.ExecuteSqlRawAsync(postgres ? AuditTriggers.PostgresCreate : AuditTriggers.SqliteCreate);
        PendingEntry Viewed(DateTime at, long client) => new(at, 7, AuditAction.ClientViewed, "Client", client, null, null, null, [client]);
        await db.Database.OpenConnectionAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await AuditWriter.AppendAsync(AuditSeal.Of(db), db.Database.GetDbConnection(), transaction.GetDbTransaction(),
                [Viewed(now.AddDays(-50), 1), Viewed(now.AddDays(-45), 2), Viewed(now.AddDays(-10), 3), Viewed(now.AddDays(-1), 4)], CancellationToken.None);
            await transaction.CommitAsync();
        }
        await db.Database.CloseConnectionAsync();
        // The trigger reads the retention from the settings: with the default three years nothing may go.
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntryClients\" WHERE \"EntryId\" = 1"));
        Assert.Equal(0, await AuditRetentionJob.RemoveExpiredAsync(db, CancellationToken.None));

        db.Set<AuditSettings>().Add(new AuditSettings { RetentionDays = 30 });
        await db.SaveChangesAsync();
        Assert.Equal(2, await AuditRetentionJob.RemoveExpiredAsync(db, CancellationToken.None));
        // Younger than the retention: still refused.
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntryClients\" WHERE \"EntryId\" = 3"));

        var report = await AuditVerifier.VerifyAsync(db, CancellationToken.None);
        Assert.True(report.Ok, report.Reason);
        Assert.Equal(3, report.FirstId);
        // Entries 3 and 4, and the settings change the interceptor recorded as entry 5.
        Assert.Equal(3, report.Checked);
        Assert.Equal([3L, 4L], await db.Set<AuditEntryClient>().AsNoTracking().OrderBy(c => c.EntryId).Select(c => c.EntryId).ToListAsync());
        var cli = await CliProcess.RunAsync(["audit", "verify", "--db", (target.Provider == DatabaseProvider.Sqlite ? "sqlite:" : "postgres:") + target.ConnectionString]);
        Assert.True(cli.ExitCode == 0, cli.ToString());
        Assert.Contains("OK: 3 entries (ids 3..5)", cli.Stdout);
    }
}

public sealed class AuditTamperTestsOnSqlite(SqliteApp fixture) : AuditTamperTests(fixture), IClassFixture<SqliteApp>
{
    protected override Task<string> FreshDatabaseAsync() =>
        Task.FromResult("sqlite:" + Path.Combine(Path.GetTempPath(), $"clientele-audit-retention-{Guid.NewGuid():N}.db"));
}

[Collection("postgres-2")]
public sealed class AuditTamperTestsOnPostgres(PostgresApp fixture, PostgresFixture server) : AuditTamperTests(fixture), IClassFixture<PostgresApp>
{
    protected override async Task<string> FreshDatabaseAsync() => "postgres:" + await server.CreateDatabaseAsync();
}
