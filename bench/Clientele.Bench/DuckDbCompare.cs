using System.Diagnostics;
using System.Globalization;
using Clientele.Analytics.Calendar;
using Clientele.Analytics.Structure;
using Clientele.Data;
using Clientele.Features.Analytics;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Bench;

public sealed record DuckDay(DateOnly Day, List<double> DuckMs, double OursMs, bool Equal, string Ours, string Duck);

public sealed record DuckResult(string Version, double ExportMs, long ParquetBytes, long Rows, List<DuckDay> Days);

/// <summary>
/// The anchor: DuckDB computes the same RFM segments and ABC classes straight from the raw rows (exported once to
/// Parquet; the export is timed apart), with the issue's definitions in SQL. Both sides' counts per class and segment
/// must agree, so the comparison is between two ways to the same answer.
/// </summary>
public static class DuckDbCompare
{
    public static async Task<DuckResult> RunAsync(BenchDatabase db, ServiceProvider services, DateOnly today, DateOnly yearAgo, BenchOptions o)
    {
        var dir = Directory.CreateTempSubdirectory("clientele-duck-").FullName;
        try
        {
            var sw = Stopwatch.StartNew();
            var rows = Export(db, dir);
            var export = sw.Elapsed.TotalMilliseconds;
            var bytes = Directory.GetFiles(dir).Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"  exported {rows:N0} rows to Parquet in {export / 1000:0.0} s ({bytes / 1e6:N0} MB)");
            string version;
            using (var connection = Open())
                version = (string)Scalar(connection, "SELECT version()")!;

            var days = new List<DuckDay>();
            foreach (var day in new[] { today, yearAgo })
            {
                var times = new List<double>();
                Dictionary<string, long> duck = [];
                for (var run = 0; run < Math.Max(1, o.Runs); run++)
                {
                    using var connection = Open();
                    sw.Restart();
                    duck = Query(connection, dir, day);
                    times.Add(sw.Elapsed.TotalMilliseconds);
                }
                var (oursMs, ours) = await OursAsync(services, day);
                days.Add(new DuckDay(day, times, oursMs, Same(ours, duck), Describe(ours), Describe(duck)));
            }
            return new DuckResult(version, export, bytes, rows, days);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Exec(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The raw rows, read from SQLite, appended into DuckDB and written to Parquet: purchases, clients, costs, spend.</summary>
    private static long Export(BenchDatabase db, string dir)
    {
        using var duck = Open();
        Exec(duck, """
            CREATE TABLE purchases (client_id BIGINT, date TIMESTAMP, total DECIMAL(18,2), cogs DECIMAL(18,2), bonus DECIMAL(18,2), kickback DECIMAL(18,2));
            CREATE TABLE clients (id BIGINT, channel BIGINT, acquired_on DATE, created_at TIMESTAMP, direct DECIMAL(18,2));
            CREATE TABLE costs (client_id BIGINT, date DATE, amount DECIMAL(18,2));
            CREATE TABLE spend (channel BIGINT, month INTEGER, amount DECIMAL(18,2));
            """);
        using var sqlite = db.OpenRaw();
        long rows = 0;
        void Copy(string table, string select, Action<Microsoft.Data.Sqlite.SqliteDataReader, IDuckDBAppenderRow> row)
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = select;
            using var reader = command.ExecuteReader();
            using (var appender = duck.CreateAppender(table))
                while (reader.Read())
                {
                    var r = appender.CreateRow();
                    row(reader, r);
                    r.EndRow();
                    rows++;
                }
            Exec(duck, $"COPY {table} TO '{Path.Combine(dir, table + ".parquet")}' (FORMAT PARQUET)");
        }
        // Purchases are in the base currency here (rate 1), as the bench fills them.
        Copy("purchases", "SELECT \"ClientId\", \"Date\", \"Total\", \"CostOfGoods\", \"Bonus\", \"Kickback\" FROM \"Purchases\"", (x, r) =>
            r.AppendValue(x.GetInt64(0)).AppendValue(x.GetDateTime(1)).AppendValue(x.GetDecimal(2)).AppendValue(x.GetDecimal(3)).AppendValue(x.GetDecimal(4)).AppendValue(x.GetDecimal(5)));
        Copy("clients", "SELECT \"Id\", \"AcquisitionChannelId\", \"AcquiredOn\", \"CreatedAt\", COALESCE(\"AcquisitionCost\", '0') FROM \"Clients\"", (x, r) =>
        {
            r.AppendValue(x.GetInt64(0));
            if (x.IsDBNull(1)) r.AppendNullValue(); else r.AppendValue(x.GetInt64(1));
            if (x.IsDBNull(2)) r.AppendNullValue(); else r.AppendValue(DateOnly.Parse(x.GetString(2), CultureInfo.InvariantCulture));
            r.AppendValue(x.GetDateTime(3)).AppendValue(x.GetDecimal(4));
        });
        Copy("costs", "SELECT \"ClientId\", \"Date\", \"Amount\" FROM \"ServiceCosts\"", (x, r) =>
            r.AppendValue(x.GetInt64(0)).AppendValue(DateOnly.Parse(x.GetString(1), CultureInfo.InvariantCulture)).AppendValue(x.GetDecimal(2)));
        Copy("spend", "SELECT \"ChannelId\", \"Month\", \"Amount\" FROM \"ChannelSpend\"", (x, r) =>
            r.AppendValue(x.GetInt64(0)).AppendValue(x.GetInt32(1)).AppendValue(x.GetDecimal(2)));
        return rows;
    }

    /// <summary>
    /// The issue's definitions over the raw rows as of the day, in kopecks: contribution = revenue − COGS − bonuses −
    /// kickbacks − cost to serve − (direct acquisition cost + the channel's spend of the acquisition month shared by
    /// the clients it won that month, rounded half up); ABC over the positive contributions, largest first (ties by id),
    /// by the share before the client; R and F quintile scores 1 + ⌊5 × (buyers with a smaller value) / buyers⌋ and the
    /// segments of the R × F grid.
    /// </summary>
    private static Dictionary<string, long> Query(DuckDBConnection connection, string dir, DateOnly day)
    {
        string File(string table) => $"read_parquet('{Path.Combine(dir, table + ".parquet")}')";
        var d = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sql = $"""
            WITH p AS (
                SELECT client_id, min(date) AS first,
                    count(*) FILTER (WHERE date < TIMESTAMP '{end}') AS n, max(date) FILTER (WHERE date < TIMESTAMP '{end}') AS last,
                    CAST(sum(total - cogs - bonus - kickback) FILTER (WHERE date < TIMESTAMP '{end}') * 100 AS BIGINT) AS margin
                FROM {File("purchases")} GROUP BY client_id),
            c AS (
                SELECT cl.id, cl.channel, CAST(cl.direct * 100 AS BIGINT) AS direct, p.n, p.last, p.margin,
                    coalesce(cl.acquired_on, least(CAST(cl.created_at AS DATE), CAST(p.first AS DATE))) AS won
                FROM {File("clients")} cl LEFT JOIN p ON p.client_id = cl.id
                WHERE cl.created_at < TIMESTAMP '{end}' OR cl.acquired_on <= DATE '{d}' OR p.first < TIMESTAMP '{end}'),
            c2 AS (SELECT *, year(won) * 12 + month(won) - 1 AS acquired FROM c),
            cohort AS (SELECT channel, acquired, count(*) AS k FROM c2 WHERE channel IS NOT NULL GROUP BY ALL),
            s AS (SELECT client_id, CAST(sum(amount) * 100 AS BIGINT) AS cost FROM {File("costs")} WHERE date <= DATE '{d}' GROUP BY ALL),
            f AS (
                SELECT c2.id, coalesce(c2.n, 0) AS n, c2.last,
                    coalesce(c2.margin, 0) - coalesce(s.cost, 0) - c2.direct
                        - coalesce((2 * CAST(sp.amount * 100 AS BIGINT) + k.k) // (2 * k.k), 0) AS contribution
                FROM c2 LEFT JOIN s ON s.client_id = c2.id
                LEFT JOIN cohort k ON k.channel = c2.channel AND k.acquired = c2.acquired
                LEFT JOIN {File("spend")} sp ON sp.channel = c2.channel AND sp.month = c2.acquired AND sp.month <= {MonthIndex.Of(day)}),
            pos AS (SELECT id, contribution FROM f WHERE contribution > 0),
            tot AS (SELECT CAST(sum(contribution) AS DOUBLE) AS t FROM pos),
            abc AS (
                SELECT CASE WHEN before / t < 0.8 THEN 'A' WHEN before / t < 0.95 THEN 'B' ELSE 'C' END AS cls
                FROM (SELECT CAST(coalesce(sum(contribution) OVER (ORDER BY contribution DESC, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS DOUBLE) AS before FROM pos), tot
                UNION ALL SELECT 'C' FROM f WHERE contribution <= 0),
            b AS (SELECT id, n, datediff('day', CAST(last AS DATE), DATE '{d}') AS recency FROM f WHERE n > 0),
            nb AS (SELECT count(*) AS nb FROM b),
            scores AS (
                SELECT least(5, 1 + (5 * (rank() OVER (ORDER BY recency DESC) - 1)) // nb) AS r,
                       least(5, 1 + (5 * (rank() OVER (ORDER BY n) - 1)) // nb) AS fr
                FROM b, nb),
            seg AS (
                SELECT CASE
                    WHEN r = 5 AND fr >= 4 THEN 'Champions' WHEN r IN (3, 4) AND fr >= 4 THEN 'Loyal'
                    WHEN r IN (4, 5) AND fr IN (2, 3) THEN 'PotentialLoyalists' WHEN r = 5 AND fr = 1 THEN 'New'
                    WHEN r = 4 AND fr = 1 THEN 'Promising' WHEN r = 3 AND fr = 3 THEN 'NeedAttention'
                    WHEN r = 3 AND fr <= 2 THEN 'AboutToSleep' WHEN r <= 2 AND fr = 5 THEN 'CantLose'
                    WHEN r <= 2 AND fr IN (3, 4) THEN 'AtRisk' WHEN r = 1 AND fr = 1 THEN 'Lost' ELSE 'Hibernating' END AS segment
                FROM scores)
            SELECT 'abc ' || cls, count(*) FROM abc GROUP BY ALL
            UNION ALL SELECT 'rfm ' || segment, count(*) FROM seg GROUP BY ALL
            """;
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, long>();
        while (reader.Read()) counts[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        return counts;
    }

    /// <summary>Ours, the same answer: the cold load of the base for the day, then ABC and RFM from Clientele.Analytics.</summary>
    private static async Task<(double Ms, Dictionary<string, long> Counts)> OursAsync(ServiceProvider services, DateOnly day)
    {
        GC.Collect();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
        var sw = Stopwatch.StartNew();
        var b = await AnalyticsBaseLoader.LoadAsync(db, day, CancellationToken.None);
        var s = b.Settings;
        var abc = AbcXyz.Abc(b.Figures.Select(f => f.NetContribution).ToArray(), new AbcXyzThresholds(s.AbcA, s.AbcB, s.XyzX, s.XyzY));
        var buyers = Enumerable.Range(0, b.Count).Where(i => b.Purchases[i] > 0).ToArray();
        var rfm = Rfm.Score([.. buyers.Select(i => day.DayNumber - b.LastPurchase[i]!.Value.DayNumber)], [.. buyers.Select(i => b.Purchases[i])],
            [.. buyers.Select(i => b.Figures[i].Revenue)]);
        var ms = sw.Elapsed.TotalMilliseconds;
        var counts = abc.GroupBy(x => "abc " + x).ToDictionary(g => g.Key, g => (long)g.Count());
        foreach (var g in rfm.GroupBy(x => "rfm " + x.Segment)) counts[g.Key] = g.Count();
        return (ms, counts);
    }

    private static bool Same(Dictionary<string, long> a, Dictionary<string, long> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static string Describe(Dictionary<string, long> counts) => string.Join(", ", counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"));
}
