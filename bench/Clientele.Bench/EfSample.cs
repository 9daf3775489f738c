using System.Diagnostics;
using Clientele.Data;
using Clientele.Features.Demo;
using Clientele.Infrastructure.Cli;
using Microsoft.Data.Sqlite;

namespace Clientele.Bench;

public sealed record EfSampleResult(int Clients, long Rows, TimeSpan Elapsed, int Mismatches, string? Example)
{
    public double ClientsPerSecond => Clients / Elapsed.TotalSeconds;
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}

/// <summary>
/// Writes the first clients of the same seed through the app's own demo loader (EF Core, AddRange, change detection
/// off) into a second database, then compares every column with the raw fill: proof that the fast path writes what
/// the app writes, and the EF rate to compare it with.
/// </summary>
public static class EfSample
{
    public static async Task<EfSampleResult> RunAsync(BenchDatabase main, BenchOptions o)
    {
        var path = Path.Combine(Path.GetDirectoryName(main.Path)!, Path.GetFileNameWithoutExtension(main.Path) + "-ef.db");
        var ef = await BenchDatabase.CreateAsync(path, main.ManagerIds.Count);
        if (!ef.ManagerIds.SequenceEqual(main.ManagerIds) || !ef.ChannelIds.SequenceEqual(main.ChannelIds))
            throw new InvalidOperationException("The EF sample database got different manager or channel ids.");
        var demo = new DemoBase();
        demo.Clients.AddRange(Filler.Generate(ef, o.Seed, o.EfSample, DateTime.UtcNow));
        var rows = demo.Clients.Count + demo.Clients.Sum(c => (long)c.SearchTerms.Count + c.Tags.Count);

        var sw = Stopwatch.StartNew();
        await using (var services = CommandServices.Open(DatabaseTarget.Parse("sqlite:" + path)))
            await DemoLoader.LoadAsync(services.Db, demo, CancellationToken.None);
        sw.Stop();

        var (mismatches, example) = Compare(main, path, o.EfSample);
        BenchDatabase.Delete(path);
        return new EfSampleResult(o.EfSample, rows, sw.Elapsed, mismatches, example);
    }

    private static (int Count, string? Example) Compare(BenchDatabase main, string efPath, int clients)
    {
        using var connection = main.OpenRaw();
        using (var attach = connection.CreateCommand())
        {
            attach.CommandText = "ATTACH DATABASE $path AS ef";
            attach.Parameters.AddWithValue("$path", efPath);
            attach.ExecuteNonQuery();
        }
        // UpdatedAt is the moment of saving (ClienteleDb stamps it), so it differs by design.
        var columns = new List<string>();
        using (var info = connection.CreateCommand())
        {
            info.CommandText = "SELECT name FROM pragma_table_info('Clients') WHERE name <> 'UpdatedAt' ORDER BY cid";
            using var reader = info.ExecuteReader();
            while (reader.Read()) columns.Add($"\"{reader.GetString(0)}\"");
        }
        var clientCols = string.Join(", ", columns);
        (string Table, string Columns, string Key)[] tables =
        [
            ("Clients", clientCols, "Id"), ("ClientSearchTerms", "\"ClientId\", \"Term\"", "ClientId"), ("ClientTags", "\"ClientId\", \"Tag\"", "ClientId"),
        ];
        var count = 0;
        string? example = null;
        foreach (var (table, cols, key) in tables)
        {
            foreach (var (a, b) in new[] { ("main", "ef"), ("ef", "main") })
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {cols} FROM {a}.\"{table}\" WHERE \"{key}\" <= {clients} EXCEPT SELECT {cols} FROM {b}.\"{table}\" WHERE \"{key}\" <= {clients}";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    count++;
                    example ??= $"{table} only in {a}: " + string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={Show(reader, i)}"));
                }
            }
        }
        using (var detach = connection.CreateCommand())
        {
            detach.CommandText = "DETACH DATABASE ef";
            detach.ExecuteNonQuery();
        }
        return (count, example);
    }

    private static string Show(SqliteDataReader reader, int i) =>
        reader.IsDBNull(i) ? "NULL" : $"{reader.GetValue(i)}:{reader.GetDataTypeName(i)}";
}
