using System.Net;
using Clientele.Data;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Data;

/// <summary>Each provider's migrations match the model, and migrating again changes nothing.</summary>
public abstract class SchemaTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task The_migrations_of_this_provider_cover_the_whole_model()
    {
        var pending = await App.ReadAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));

        Assert.False(pending, $"the model has changes that the {App.Target.Provider} migrations lack: add a migration for this provider");
        Assert.Empty(await App.ReadAsync(db => db.Database.GetPendingMigrationsAsync()));
    }

    /// <summary>
    /// The model and the snapshot can agree while the database does not: a SQLite migration that adds a foreign key rebuilds
    /// its table with the columns its own designer knows, and one written beside another branch's migration drops the
    /// columns that one added (ADR 001, addendum). So the migrated database itself is compared with the model.
    /// </summary>
    [Fact]
    public async Task The_migrated_database_has_every_column_of_the_model()
    {
        var missing = await App.ReadAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                var present = new HashSet<string>(StringComparer.Ordinal);
                await using (var command = connection.CreateCommand())
                {
                    command.CommandText = App.Target.Provider == DatabaseProvider.Sqlite
                        ? "SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'"
                        : "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = current_schema()";
                    await using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync()) present.Add(reader.GetString(0));
                }
                return db.Model.GetEntityTypes()
                    .Where(t => t.GetTableName() is not null && t.GetViewName() is null)
                    .SelectMany(t => t.GetProperties().Select(p => (Table: t.GetTableName()!, Column: p.GetColumnName(Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(t.GetTableName()!, t.GetSchema())))))
                    .Where(c => c.Column is not null && !present.Contains(c.Table + "." + c.Column))
                    .Select(c => c.Table + "." + c.Column)
                    .Distinct()
                    .ToList();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        Assert.True(missing.Count == 0, $"the {App.Target.Provider} migrations leave out: " + string.Join(", ", missing));
    }

    /// <summary>
    /// An audience, an export or a hand-over of a large base puts tens of thousands of ids into one query: EF 10 would send
    /// each as its own parameter, over what either database takes in one statement (the campaign planner failed so at
    /// 100,000 clients). The app's contexts send such a list as one parameter.
    /// </summary>
    [Fact]
    public async Task A_query_with_seventy_thousand_ids_in_its_list_runs()
    {
        var first = await CreateClientAsync(Unique("Listed "));
        var second = await CreateClientAsync(Unique("Listed "));
        var ids = Enumerable.Range(1, 70_000).Select(i => -(long)i).Append(Id(first)).Append(Id(second)).ToList();

        var found = await App.ReadAsync(db => db.Clients.Where(c => ids.Contains(c.Id)).Select(c => c.Id).OrderBy(id => id).ToListAsync());

        Assert.Equal(new[] { Id(first), Id(second) }.Order(), found);
    }

    [Fact]
    public async Task Migrating_again_adds_no_second_set_of_seed_rows()
    {
        var before = await DbSnapshot.TakeAsync(App);

        await App.ReadAsync(async db => { await Migrator.MigrateAsync(db); return 0; });

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task The_built_in_channels_are_listed_and_the_owner_can_add_one_once()
    {
        var name = Unique("Trade fair ");

        var channels = await GetJsonAsync("/api/v1/channels");
        var created = await PostAsync("/api/v1/channels", new { name });
        var duplicate = await PostAsync("/api/v1/channels", new { name = $"  {name} " });

        Assert.Equal(Migrator.BuiltInChannels.Select(c => c.Code), channels.EnumerateArray().Take(Migrator.BuiltInChannels.Length).Select(c => c.GetProperty("code").GetString()));
        var channel = await JsonAsync(created, HttpStatusCode.Created);
        await AssertInvalidAsync(duplicate, "name");
        var client = await CreateClientAsync(Unique("Met at the fair "), new { acquisitionChannelId = Id(channel), acquisitionCost = 1500.50m, acquiredOn = "2025-03-03" });
        Assert.Equal(Id(channel), client.GetProperty("acquisitionChannelId").GetInt64());
        Assert.Equal(1500.50m, client.GetProperty("acquisitionCost").GetDecimal());
    }
}

public sealed class SchemaTestsOnSqlite(SqliteApp fixture) : SchemaTests(fixture), IClassFixture<SqliteApp>
{
    // EF Core cannot declare WITHOUT ROWID: the migration wrote it by hand, and a later table rebuild EF generates
    // for this table would silently drop it (and with it a B-tree fewer to write for every imported term).
    [Fact]
    public async Task Search_terms_are_a_without_rowid_table_keyed_by_client_then_term()
    {
        var sql = await App.ReadAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'ClientSearchTerms'").SingleAsync());
        var key = await App.ReadAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT name AS \"Value\" FROM pragma_table_info('ClientSearchTerms') WHERE pk > 0 ORDER BY pk").ToListAsync());

        Assert.EndsWith("WITHOUT ROWID", sql.TrimEnd(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["ClientId", "Term"], key);
    }
}

[Collection("postgres-2")]
public sealed class SchemaTestsOnPostgres(PostgresApp fixture) : SchemaTests(fixture), IClassFixture<PostgresApp>;
