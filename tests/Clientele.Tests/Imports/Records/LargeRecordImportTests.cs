using System.Globalization;
using Clientele.Features.Imports;
using Clientele.Tests.Clients;
using Clientele.Tests.Imports.Engine;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Clientele.Tests.Imports.Mapping.RecordImportHarness;

namespace Clientele.Tests.Imports.Records;

/// <summary>
/// A purchase import large enough to write in several batches into a base without purchases (ADR 034): on SQLite it
/// drops the purchase tables' secondary indexes for its inserts and builds them again before the refresh, and it asks
/// the base nothing by number. The indexes must come back exactly as defined, the derived rows must equal a rebuild, and
/// the same file imported again must find every purchase by its number. Its own base: the import needs one without purchases.
/// </summary>
public abstract class LargeRecordImportTests(AppFixture fixture) : ApiTest(fixture)
{
    /// <summary>Above the import's write batch (5,000 records), so the first batch is the one that decides.</summary>
    private const int Rows = 6_000;

    [Fact]
    public async Task A_large_first_import_rebuilds_the_indexes_as_they_were_and_leaves_the_derived_rows_a_rebuild_gives()
    {
        Assert.Equal(0, await App.ReadAsync(db => db.Purchases.CountAsync()));
        var inns = Enumerable.Range(0, 6).Select(_ => Inn()).ToArray();
        foreach (var inn in inns) await CreateClientAsync(Unique("Large buyer "), new { taxId = inn });
        var start = new DateTime(2024, 1, 1);
        var csv = ImportKit.WriteCsv(["Номер;Дата;ИНН;Сумма;Валюта",
            .. Enumerable.Range(0, Rows).Select(i => string.Create(CultureInfo.InvariantCulture,
                $"L-{i};{start.AddDays(i % 700):dd.MM.yyyy};{inns[i % inns.Length]};{10 + i % 90},25;RUB"))]);
        var indexes = await IndexesAsync();

        var first = await ImportKit.RunAsync(App, (await ImportKit.CreateJobAsync(App, csv, new ImportOptions(ImportKind.Purchases))).Id);

        Assert.Equal((ImportJobStatus.Completed, Rows), (first.Status, (int)first.RowsCreated));
        Assert.Equal(indexes, await IndexesAsync());
        await DerivedRows.AssertEqualToRebuildAsync(App, "a large first purchase import");

        var again = await ImportKit.RunAsync(App, (await ImportKit.CreateJobAsync(App, csv, new ImportOptions(ImportKind.Purchases))).Id);
        Assert.Equal((ImportJobStatus.Completed, 0L, 0L), (again.Status, again.RowsCreated, again.RowsRejected));
        Assert.Equal(Rows, await App.ReadAsync(db => db.Purchases.CountAsync()));
    }

    /// <summary>The purchase tables' indexes by name with their definitions, as the database keeps them.</summary>
    private Task<List<string>> IndexesAsync() => App.ReadAsync(async db =>
    {
        var sql = db.Database.IsNpgsql()
            ? "SELECT indexname || ': ' || indexdef AS \"Value\" FROM pg_indexes WHERE tablename IN ('Purchases', 'PurchaseLines') ORDER BY indexname"
            : "SELECT name || ': ' || COALESCE(sql, '') AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('Purchases', 'PurchaseLines') ORDER BY name";
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
    });
}

/// <remarks>
/// SQLite only: the index drop and rebuild is SQLite's alone (PostgreSQL keeps its indexes, ADR 034), and the large
/// import's own number check is the same code on both; the PostgreSQL run cost ~40 s of the suite for nothing more.
/// </remarks>
public sealed class LargeRecordImportTestsOnSqlite(SqliteApp fixture) : LargeRecordImportTests(fixture), IClassFixture<SqliteApp>;
