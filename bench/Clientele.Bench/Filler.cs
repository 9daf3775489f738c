using System.Diagnostics;
using System.Threading.Channels;
using Clientele.Features.Clients;
using Clientele.Features.Demo;
using Microsoft.Data.Sqlite;

namespace Clientele.Bench;

public sealed record FillResult(int Clients, long SearchTerms, long Tags, TimeSpan Insert, TimeSpan Analyze, TimeSpan Checkpoint, long FileBytes)
{
    public long Rows => Clients + SearchTerms + Tags;
    public TimeSpan Total => Insert + Analyze + Checkpoint;
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
        var producer = Task.Run(async () =>
        {
            var chunk = new List<Client>(ChunkSize);
            foreach (var client in Generate(db, o.Seed, o.Clients, savedAt))
            {
                chunk.Add(client);
                if (chunk.Count < ChunkSize) continue;
                await chunks.Writer.WriteAsync(chunk);
                chunk = new List<Client>(ChunkSize);
            }
            if (chunk.Count > 0) await chunks.Writer.WriteAsync(chunk);
            chunks.Writer.Complete();
        });

        var insert = Stopwatch.StartNew();
        long terms = 0, tags = 0;
        var clients = 0;
        using (var connection = db.OpenRaw())
        {
            Exec(connection, "PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-1000000;");
            using var writer = new RowWriter(connection);
            var transaction = connection.BeginTransaction();
            writer.Enlist(transaction);
            var lastReport = 0;
            await foreach (var chunk in chunks.Reader.ReadAllAsync())
            {
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
                    Console.WriteLine($"  {clients,10:N0} clients  {clients / insert.Elapsed.TotalSeconds,9:N0} clients/s  {(clients + terms + tags) / insert.Elapsed.TotalSeconds,10:N0} rows/s");
                }
            }
            transaction.Commit();
            transaction.Dispose();
            await producer;
        }
        insert.Stop();

        var analyze = TimeSpan.Zero;
        if (o.Analyze)
        {
            Console.WriteLine("  ANALYZE ...");
            analyze = Time(db, "ANALYZE;");
        }
        var checkpoint = Time(db, "PRAGMA wal_checkpoint(TRUNCATE);");
        return new FillResult(clients, terms, tags, insert.Elapsed, analyze, checkpoint, db.FileBytes);
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
