using System.Diagnostics;
using System.Threading.Channels;
using Clientele.Features.Clients;
using Clientele.Features.Demo;
using Microsoft.Data.Sqlite;

namespace Clientele.Bench;

public sealed record FillResult(int Clients, long SearchTerms, long Tags, TimeSpan Insert, TimeSpan Indexing, TimeSpan Analyze, TimeSpan Checkpoint, long FileBytes)
{
    public long Rows => Clients + SearchTerms + Tags;
    /// <summary>Until the base is ready to query: rows in, indexes built, statistics gathered, WAL folded in.</summary>
    public TimeSpan Total => Insert + Indexing + Analyze + Checkpoint;
    public double ClientsPerSecond => Clients / (Insert + Indexing).TotalSeconds;
    public double RowsPerSecond => Rows / (Insert + Indexing).TotalSeconds;
}

/// <summary>
/// Fills the database with the demo generator's clients through prepared raw commands in large transactions.
/// One thread generates (and derives search terms exactly as the app does), the other inserts.
/// </summary>
public static class Filler
{
    /// <summary>A fixed "now" for the generator, so a seed always gives the same base.</summary>
    public static readonly DateTime AsOfUtc = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);
    private const int ChunkSize = 2_000;

    public static IEnumerable<Client> Generate(BenchDatabase db, int seed, int count, DateTime savedAt)
    {
        foreach (var client in new DemoData(seed, AsOfUtc, db.ManagerIds, db.ChannelIds).GenerateClients(count))
        {
            ClientSearch.Sync(client, []);
            // What ClienteleDb.StampChanges does to a new row.
            client.UpdatedAt = client.CreatedAt > savedAt ? client.CreatedAt : savedAt;
            yield return client;
        }
    }

    public static async Task<FillResult> FillAsync(BenchDatabase db, BenchOptions o)
    {
        var chunks = Channel.CreateBounded<List<Client>>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        var savedAt = DateTime.UtcNow;
        var generating = new Stopwatch();
        var producer = Task.Run(async () =>
        {
            generating.Start();
            var chunk = new List<Client>(ChunkSize);
            foreach (var client in Generate(db, o.Seed, o.Clients, savedAt))
            {
                chunk.Add(client);
                if (chunk.Count < ChunkSize) continue;
                await chunks.Writer.WriteAsync(chunk);
                chunk = new List<Client>(ChunkSize);
            }
            if (chunk.Count > 0) await chunks.Writer.WriteAsync(chunk);
            generating.Stop();
            chunks.Writer.Complete();
        });

        var insert = Stopwatch.StartNew();
        long terms = 0, tags = 0;
        List<(string Name, string Sql)> indexes;
        TimeSpan indexing;
        var clients = 0;
        using (var connection = db.OpenRaw())
        {
            Exec(connection, "PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-1000000; PRAGMA threads=2;");
            indexes = SecondaryIndexes(connection);
            foreach (var (name, _) in indexes) Exec(connection, $"DROP INDEX \"{name}\";");
            using var writer = new RowWriter(connection);
            var transaction = connection.BeginTransaction();
            writer.Enlist(transaction);
            var lastReport = 0;
            var busy = new Stopwatch();
            await foreach (var chunk in chunks.Reader.ReadAllAsync())
            {
                busy.Start();
                foreach (var client in chunk)
                {
                    writer.Insert(client);
                    terms += client.SearchTerms.Count;
                    tags += client.Tags.Count;
                }
                clients += chunk.Count;
                if (clients % o.BatchClients < ChunkSize || clients == o.Clients)
                {
                    transaction.Commit();
                    transaction.Dispose();
                    transaction = connection.BeginTransaction();
                    writer.Enlist(transaction);
                }
                if (clients - lastReport >= Math.Max(o.Clients / 10, 10_000) || clients == o.Clients)
                {
                    lastReport = clients;
                    Console.WriteLine($"  {clients,10:N0} clients  {clients / insert.Elapsed.TotalSeconds,9:N0} clients/s  {(clients + terms + tags) / insert.Elapsed.TotalSeconds,10:N0} rows/s  (writer busy {busy.Elapsed.TotalSeconds:0.0} s)");
                }
                busy.Stop();
            }
            transaction.Commit();
            transaction.Dispose();
            await producer;
            Console.WriteLine($"  generator: {generating.Elapsed.TotalSeconds:0.0} s, writer busy: {busy.Elapsed.TotalSeconds:0.0} s of {insert.Elapsed.TotalSeconds:0.0} s");
            insert.Stop();
            Console.WriteLine($"  creating {indexes.Count} indexes ...");
            var build = Stopwatch.StartNew();
            foreach (var (_, sql) in indexes) Exec(connection, sql);
            indexing = build.Elapsed;
        }

        var analyze = TimeSpan.Zero;
        if (o.Analyze)
        {
            Console.WriteLine("  ANALYZE ...");
            analyze = Time(db, "ANALYZE;");
        }
        var checkpoint = Time(db, "PRAGMA wal_checkpoint(TRUNCATE);");
        return new FillResult(clients, terms, tags, insert.Elapsed, indexing, analyze, checkpoint, db.FileBytes);
    }

    /// <summary>
    /// The migrations' own indexes on the filled tables. Building them once over the loaded rows (a sort) is much
    /// faster than updating a dozen B-trees at random per row; re-running the same statements leaves the schema as migrated.
    /// </summary>
    private static List<(string Name, string Sql)> SecondaryIndexes(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('Clients', 'ClientSearchTerms', 'ClientTags') ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var list = new List<(string, string)>();
        while (reader.Read()) list.Add((reader.GetString(0), reader.GetString(1)));
        return list;
    }

    private static TimeSpan Time(BenchDatabase db, string sql)
    {
        var sw = Stopwatch.StartNew();
        using var connection = db.OpenRaw();
        Exec(connection, sql);
        return sw.Elapsed;
    }

    public static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }
}
