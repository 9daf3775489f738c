using System.Net;
using Clientele.Data;
using Clientele.Features.Duplicates;
using Clientele.Features.Imports;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ImportMerge = Clientele.Features.Imports.Engine.StagedClientsMerge;

namespace Clientele.Tests.Imports.Engine;

/// <summary>
/// The whole client import on each provider (PostgreSQL stages by binary COPY and merges with its own SQL): dry run
/// writes nothing, the run creates, updates, merges and sends a look-alike to review, the new clients show in the
/// list and the search, and rolling back puts the database back exactly as it was.
/// </summary>
public abstract class ClientImportFlowTests(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly Random Digits = new();

    public static string NewPhone() => "+7 916 " + Digits.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string E164(string phone) => new(phone.Where(c => c == '+' || char.IsAsciiDigit(c)).ToArray());

    [Fact]
    public async Task Dry_run_then_run_creates_updates_merges_reviews_and_rollback_restores_the_base_exactly()
    {
        var u = Unique("");
        var existingPhone = NewPhone();
        var existing = Id(await CreateClientAsync($"ООО Ромашка {u}", new { phone = existingPhone, city = "Москва", email = $"old-{u}@example.ru" }));
        var lookAlike = Id(await CreateClientAsync($"Вектор Плюс {u}", new { city = "Казань" }));
        var newPhone = NewPhone();
        var csv = ImportKit.WriteCsv(
            "name;phone;email;city;contact_name;tags",
            $"Ромашка Обновлённая {u};8 {existingPhone[3..]};new-{u}@example.ru;;;",
            $"Альфа {u};{newPhone};alpha-{u}@example.ru;;Иван {u};vip",
            $"АЛЬФА {u};;alpha-{u}@example.ru;Тверь;Пётр {u};",
            $"ООО Вектор Плюс {u};;;г. Казань;;",
            $"Broken {u};;not-an-email;;;");
        var before = await ImportKit.SnapshotAsync(App);

        var job = await ImportKit.CreateJobAsync(App, csv);
        var report = await ImportKit.DryRunAsync(App, job.Id);

        Assert.Equal((5L, 2L, 1L, 1L, 0L, 1L, 1L), (report.RowsTotal, report.Create, report.Update, report.Merge, report.Skip, report.Reject, report.Review));
        Assert.Contains(report.Rows, r => r is { Line: 2, Action: ImportRowAction.Update } && r.ClientId == existing);
        Assert.Contains(report.Rows, r => r is { Line: 4, Action: ImportRowAction.Merge } && r.Reason!.Contains("line 3"));
        Assert.Contains(report.Rows, r => r is { Line: 5, Action: ImportRowAction.Review } && r.ClientId == lookAlike);
        Assert.Contains(report.Rows, r => r is { Line: 6, Action: ImportRowAction.Reject, Field: "email" });
        Assert.Equal(before, await ImportKit.SnapshotAsync(App));

        var done = await ImportKit.RunAsync(App, job.Id);

        Assert.Equal(ImportJobStatus.Completed, done.Status);
        Assert.Equal((2L, 1L, 1L, 1L, 1L), (done.RowsCreated, done.RowsUpdated, done.RowsMerged, done.RowsRejected, done.RowsForReview));
        var updated = await GetJsonAsync($"/api/v1/clients/{existing}");
        Assert.Equal($"Ромашка Обновлённая {u}", updated.GetProperty("name").GetString());
        Assert.Equal($"new-{u}@example.ru", updated.GetProperty("email").GetString());
        Assert.Equal("Москва", updated.GetProperty("city").GetString());

        var found = (await GetJsonAsync($"/api/v1/clients?q={Uri.EscapeDataString("альфа " + u)}")).GetProperty("items").EnumerateArray().ToList();
        var alpha = Assert.Single(found);
        Assert.Equal("Тверь", alpha.GetProperty("city").GetString());
        Assert.Equal(E164(newPhone), alpha.GetProperty("phone").GetString());
        var alphaId = Id(alpha);
        Assert.Equal(alphaId, Id(Assert.Single((await GetJsonAsync($"/api/v1/clients?q={Uri.EscapeDataString(E164(newPhone))}")).GetProperty("items").EnumerateArray())));
        Assert.Single((await GetJsonAsync($"/api/v1/clients?q={Uri.EscapeDataString("пётр " + u)}")).GetProperty("items").EnumerateArray());
        Assert.Single((await GetJsonAsync($"/api/v1/clients?q={Uri.EscapeDataString($"new-{u}@example.ru")}")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync($"/api/v1/clients/{alphaId}")).StatusCode);

        var (contacts, tags, candidate, audit) = await App.ReadAsync(async db => (
            await db.ContactPersons.Where(p => p.ClientId == alphaId).Select(p => p.Name).OrderBy(n => n).ToListAsync(),
            await db.ClientTags.Where(t => t.ClientId == alphaId).Select(t => t.Tag).ToListAsync(),
            await db.Set<DuplicateCandidate>().SingleAsync(d => d.ImportJobId == job.Id),
            await db.Set<Clientele.Features.Audit.AuditEntry>().CountAsync(a => a.Entity == "Import" && a.EntityId == job.Id)));
        Assert.Equal([$"Иван {u}", $"Пётр {u}"], contacts);
        Assert.Equal(["vip"], tags);
        Assert.Equal((lookAlike, DuplicateSource.Import, DuplicateStatus.Open), (candidate.ClientId, candidate.Source, candidate.Status));
        Assert.Equal(1, audit);

        await ImportKit.WithDbAsync(App, db => ImportJobs.RollbackAsync(db, job.Id, CancellationToken.None));

        Assert.Equal(before, await ImportKit.SnapshotAsync(App));
        var again = await Assert.ThrowsAsync<Clientele.Features.Imports.Engine.ImportRefusedException>(
            () => ImportKit.WithDbAsync(App, db => ImportJobs.RollbackAsync(db, job.Id, CancellationToken.None)));
        Assert.Contains("only a completed import", again.Message);
    }
}

/// <summary>The big-import path (plain indexes, and on PostgreSQL foreign keys, dropped and rebuilt in the merge) on both providers.</summary>
public abstract class BigImportMergeTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_merge_that_rebuilds_the_indexes_leaves_the_schema_as_it_was_and_the_clients_findable()
    {
        var u = Unique("");
        var phone = ClientImportFlowTests.NewPhone();
        var csv = ImportKit.WriteCsv(
            "name;phone;email;city;contact_name;tags",
            $"Бета {u};{phone};beta-{u}@example.ru;Москва;Ольга {u};опт",
            $"БЕТА {u};;beta-{u}@example.ru;;Павел {u};",
            $"Гамма {u};;gamma-{u}@example.ru;Berlin;;");
        var before = await ImportKit.WithDbAsync(App, SchemaAsync);

        ImportMerge.ForceIndexRebuild.Value = true;
        ImportJob done;
        try
        {
            var job = await ImportKit.CreateJobAsync(App, csv);
            done = await ImportKit.RunAsync(App, job.Id);
        }
        finally
        {
            ImportMerge.ForceIndexRebuild.Value = false;
        }

        Assert.Equal((ImportJobStatus.Completed, 2L, 1L), (done.Status, done.RowsCreated, done.RowsMerged));
        var after = await ImportKit.WithDbAsync(App, SchemaAsync);
        Assert.True(before.Count > 10, "the catalogue query found the indexes");
        Assert.Equal(before, after);
        var beta = Assert.Single((await GetJsonAsync($"/api/v1/clients?q={Uri.EscapeDataString("павел " + u)}")).GetProperty("items").EnumerateArray());
        Assert.Equal(ClientImportFlowTests.E164(phone), beta.GetProperty("phone").GetString());
        Assert.Single((await GetJsonAsync($"/api/v1/clients?q={Uri.EscapeDataString($"gamma-{u}@example.ru")}")).GetProperty("items").EnumerateArray());
    }

    /// <summary>Every index and foreign key of the database, as the catalogue defines it.</summary>
    private static Task<List<string>> SchemaAsync(ClienteleDb db) => db.Database.SqlQueryRaw<string>(db.Database.IsNpgsql()
        ? """
          SELECT indexdef AS "Value" FROM pg_indexes WHERE schemaname = current_schema()
          UNION ALL SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f'
          ORDER BY 1
          """
        : """SELECT name || ' ' || sql AS "Value" FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY 1""").ToListAsync();
}

public sealed class BigImportMergeTestsOnSqlite(SqliteApp fixture) : BigImportMergeTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-3")]
public sealed class BigImportMergeTestsOnPostgres(PostgresApp fixture) : BigImportMergeTests(fixture), IClassFixture<PostgresApp>;

public sealed class ClientImportFlowTestsOnSqlite(SqliteApp fixture) : ClientImportFlowTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class ClientImportFlowTestsOnPostgres(PostgresApp fixture) : ClientImportFlowTests(fixture), IClassFixture<PostgresApp>;
