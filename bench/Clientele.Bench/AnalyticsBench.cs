using System.Diagnostics;
using Clientele.Data;
using Clientele.Features.Analytics;
using Clientele.Features.Company;
using Clientele.Features.Purchases;
using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Bench;

/// <param name="Statements">Per statement of the write: mean ms and mean rows per write (Rows holds the number of writes averaged over).</param>
public sealed record WriteResult(Summary All, Summary Anchor, Summary? SmallClients, Summary? LargeClients, int LargeThreshold, List<CommandTiming> Statements);

public sealed record ColdRun(DateOnly Day, double LoadMs, double ComputeMs, double ViewMs, double AllocatedMb, int Clients, int MonthRows, List<(string Name, double Ms)> Phases)
{
    public double TotalMs => LoadMs + ComputeMs + ViewMs;
}

public sealed record DashboardResult(double ColdMs, Summary Warm);

/// <summary>
/// <c>--analytics</c>: a base of a million clients and ten million purchases, then what the issue asks of it — a purchase
/// write with its aggregates, the summary for a day cold, a chart from the cache, and DuckDB doing the same RFM + ABC
/// from the raw rows as the anchor.
/// </summary>
public static class AnalyticsBench
{
    public static async Task<int> RunAsync(BenchOptions o)
    {
        var started = DateTime.UtcNow;
        var repo = Machine.RepoRoot();
        var loadBefore = Machine.LoadAverage();
        var label = $"{o.SizeLabel}-{(o.Purchases % 1_000_000 == 0 ? $"{o.Purchases / 1_000_000}m" : $"{o.Purchases / 1_000}k")}";
        var path = o.DbPath ?? Path.Combine(Path.GetTempPath(), "clientele-bench", $"analytics-{label}-{Environment.ProcessId}.db");
        Console.WriteLine($"Clientele analytics benchmark: {o.Clients:N0} clients, {o.Purchases:N0} purchases; database {path}");
        Console.WriteLine($"Load average before: {loadBefore} on {Environment.ProcessorCount} cores");

        BenchDatabase db;
        FillResult? clients = null;
        AnalyticsFillResult? fill = null;
        if (o.Reuse)
        {
            db = await BenchDatabase.OpenAsync(path);
            Console.WriteLine($"Reusing {path} ({db.FileBytes / 1e6:N0} MB).");
        }
        else
        {
            db = await BenchDatabase.CreateAsync(path, o.Managers);
            clients = await Filler.FillAsync(db, o with { Analyze = false });
            Console.WriteLine($"Filled {clients.Clients:N0} clients in {(clients.Insert + clients.Indexing).TotalSeconds:0.0} s. Purchases ...");
            fill = AnalyticsFill.Fill(db, o);
            Console.WriteLine($"Filled {fill.Purchases:N0} purchases, {fill.Rows:N0} rows in {fill.Insert.TotalSeconds:0.0} s + indexes {fill.Indexing.TotalSeconds:0.0} s " +
                $"({fill.RowsPerSecond:N0} rows/s); ANALYZE {fill.Analyze.TotalSeconds:0.0} s; file {db.FileBytes / 1e6:N0} MB");
        }

        var timer = new CommandTimer();
        using var phaseTimer = new PhaseTimer();
        await using var services = Services(db, timer);
        string sqliteVersion;
        using (var connection = db.OpenRaw())
            sqliteVersion = (string)new Microsoft.Data.Sqlite.SqliteCommand("SELECT sqlite_version()", connection).ExecuteScalar()!;

        var today = AnalyticsFill.Today;
        var yearAgo = today.AddYears(-1);
        Console.WriteLine("Cold summaries ...");
        var cold = new List<ColdRun>();
        var phases = new Dictionary<DateOnly, List<CommandTiming>>();
        foreach (var day in new[] { today, yearAgo })
            for (var run = 0; run < o.Runs; run++)
            {
                var (result, commands) = await ColdSummaryAsync(services, timer, phaseTimer, day);
                cold.Add(result);
                if (run == 0) phases[day] = commands;
                Console.WriteLine($"  {day:yyyy-MM-dd} run {run + 1}: load {result.LoadMs:N0} ms ({string.Join(", ", result.Phases.Select(p => $"{p.Name} {p.Ms:N0}"))}) + compute {result.ComputeMs:N0} ms + view {result.ViewMs:N0} ms = {result.TotalMs:N0} ms, {result.AllocatedMb:N0} MB allocated");
            }

        Console.WriteLine("Dashboard chart ...");
        var dashboard = await DashboardAsync(services, today);
        Console.WriteLine($"  Pareto cold {dashboard.ColdMs:N0} ms; warm p50 {dashboard.Warm.P50:0.00} ms, p95 {dashboard.Warm.P95:0.00} ms");

        Console.WriteLine("DuckDB ...");
        var duck = await DuckDbCompare.RunAsync(db, services, today, yearAgo, o);
        foreach (var d in duck.Days)
            Console.WriteLine($"  {d.Day:yyyy-MM-dd}: DuckDB {d.DuckMs.Min():N0} ms (runs {string.Join(", ", d.DuckMs.Select(x => x.ToString("N0")))}), ours (load + RFM + ABC) {d.OursMs:N0} ms; " +
                $"counts equal: {d.Equal}{(d.Equal ? "" : $" — ours {d.Ours}, DuckDB {d.Duck}")}");

        Console.WriteLine("Purchase writes ...");
        var writes = await WritesAsync(services, timer, db, o);
        Console.WriteLine($"  EntityWriter.CreateAsync: p50 {writes.All.P50:0.00} ms, p95 {writes.All.P95:0.00} ms; anchor (raw durable INSERT + COMMIT) p50 {writes.Anchor.P50:0.00} ms, p95 {writes.Anchor.P95:0.00} ms");

        var report = new AnalyticsReportData(started, o, Machine.Describe(sqliteVersion, repo), loadBefore, Machine.LoadAverage(), db.FileBytes,
            clients, fill, cold, phases, dashboard, duck, writes);
        var outDir = o.OutDir ?? (o.Quick ? Path.Combine(Path.GetTempPath(), "clientele-bench", "results") : Path.Combine(repo, "bench", "results"));
        Directory.CreateDirectory(outDir);
        var name = $"{started:yyyy-MM-dd}-analytics{(o.Quick ? "-quick" : "")}{(o.Label is null ? "" : "-" + o.Label)}";
        await File.WriteAllTextAsync(Path.Combine(outDir, name + ".md"), AnalyticsReportWriter.Markdown(report));
        await File.WriteAllTextAsync(Path.Combine(outDir, name + ".json"), AnalyticsReportWriter.Json(report));
        Console.WriteLine($"Wrote {Path.Combine(outDir, name)}.md and .json");
        if (o.DbPath is null && !o.Keep) BenchDatabase.Delete(path);
        return 0;
    }

    /// <summary>The app's database services as the command line builds them, with the command timer on every context.</summary>
    private static ServiceProvider Services(BenchDatabase db, CommandTimer timer)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddClienteleDb(DatabaseTarget.Parse("sqlite:" + db.Path));
        services.AddScoped<CompanySettingsReader>();
        services.ConfigureDbContext<SqliteClienteleDb>(o => o.AddInterceptors(timer));
        return services.BuildServiceProvider();
    }

    private static async Task<(ColdRun, List<CommandTiming>)> ColdSummaryAsync(ServiceProvider services, CommandTimer timer, PhaseTimer phases, DateOnly day)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        timer.Take();
        phases.Take();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
        var sw = Stopwatch.StartNew();
        var b = await AnalyticsBaseLoader.LoadAsync(db, day, CancellationToken.None);
        var load = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var report = AnalyticsReport.Compute(b);
        var compute = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var summary = AnalyticsViews.Summary(report);
        var view = sw.Elapsed.TotalMilliseconds;
        if (summary.Clients != b.Count) throw new InvalidOperationException("the summary lost clients");
        return (new ColdRun(day, load, compute, view, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6, b.Count, b.Months.Length, phases.Take()), timer.Take());
    }

    private static async Task<DashboardResult> DashboardAsync(ServiceProvider services, DateOnly day)
    {
        var cache = new AnalyticsCache(TimeProvider.System);
        async Task<double> OnceAsync()
        {
            await using var scope = services.CreateAsyncScope();
            var analytics = new AnalyticsService(scope.ServiceProvider.GetRequiredService<ClienteleDb>(), cache, TimeProvider.System);
            var sw = Stopwatch.StartNew();
            var pareto = AnalyticsViews.Pareto(await analytics.ReportAsync(day));
            if (pareto.Revenue.Curve.Length == 0) throw new InvalidOperationException("empty Pareto curve");
            return sw.Elapsed.TotalMilliseconds;
        }
        var cold = await OnceAsync();
        var warm = new List<double>();
        for (var i = 0; i < 200; i++) warm.Add(await OnceAsync());
        return new DashboardResult(cold, Summary.Of(warm.Skip(20).ToList())!);
    }

    /// <summary>
    /// Purchases recorded the way the API records them (a fresh scope and context each, EntityWriter with the purchase
    /// spec, so the client's aggregates are rewritten in the same transaction). Clients are drawn in proportion to how
    /// often they buy, as real traffic is. The anchor is the cheapest durable write on the same file: one raw INSERT
    /// and COMMIT under the app's pragmas (WAL, synchronous=FULL).
    /// </summary>
    private static async Task<WriteResult> WritesAsync(ServiceProvider services, CommandTimer timer, BenchDatabase db, BenchOptions o)
    {
        var rng = new Random(o.Seed + 11);
        var (ids, purchases) = Buyers(db);
        var cumulative = new double[ids.Length];
        double running = 0;
        for (var i = 0; i < ids.Length; i++) cumulative[i] = running += purchases[i];
        var all = new List<double>();
        var small = new List<double>();
        var large = new List<double>();
        const int largeThreshold = 500;
        var warmUp = Math.Min(50, o.Writes / 10);
        for (var i = 0; i < warmUp + o.Writes; i++)
        {
            var k = Array.BinarySearch(cumulative, rng.NextDouble() * running);
            k = k < 0 ? ~k : k;
            var input = new PurchaseInput
            {
                ClientId = ids[k], Currency = "RUB",
                Date = Filler.AsOfUtc.AddDays(-rng.Next(0, 30)).AddMinutes(rng.Next(0, 24 * 60)),
                Discount = rng.Next(0, 3) == 0 ? 50m : 0m, Bonus = rng.Next(0, 10) == 0 ? 20m : 0m,
                Lines = [new PurchaseLineInput { ProductId = rng.Next(1, 121), Quantity = rng.Next(1, 6), Price = 1_000m }],
            };
            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
            var sw = Stopwatch.StartNew();
            var outcome = await EntityWriter.CreateAsync(context, PurchasesApi.Spec, input, CancellationToken.None);
            var ms = sw.Elapsed.TotalMilliseconds;
            if (outcome.Kind != OutcomeKind.Ok) throw new InvalidOperationException($"write refused: {outcome.Kind} {outcome.Errors}");
            if (i < warmUp)
            {
                timer.Take();
                continue;
            }
            all.Add(ms);
            (purchases[k] >= largeThreshold ? large : small).Add(ms);
        }

        var n = Math.Max(1, all.Count);
        var statements = timer.Take().GroupBy(c => c.Sql)
            .Select(g => new CommandTiming(g.Key, g.Sum(c => c.Ms) / n, (int)Math.Round((double)g.Sum(c => c.Rows) / n)))
            .OrderByDescending(c => c.Ms).Take(12).ToList();
        var anchor = new List<double>();
        using (var connection = db.OpenRaw())
        {
            Filler.Exec(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; CREATE TABLE IF NOT EXISTS \"BenchAnchor\" (\"Id\" INTEGER PRIMARY KEY, \"Value\" TEXT);");
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO \"BenchAnchor\" (\"Value\") VALUES ($v)";
            var value = insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$v", ""));
            for (var i = 0; i < warmUp + o.Writes; i++)
            {
                var sw = Stopwatch.StartNew();
                using var transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                value.Value = $"anchor {i}";
                insert.ExecuteNonQuery();
                transaction.Commit();
                if (i >= warmUp) anchor.Add(sw.Elapsed.TotalMilliseconds);
            }
            Filler.Exec(connection, "DROP TABLE \"BenchAnchor\";");
        }
        return new WriteResult(Summary.Of(all)!, Summary.Of(anchor)!, Summary.Of(small), Summary.Of(large), largeThreshold, statements);
    }

    private static (long[] Ids, int[] Purchases) Buyers(BenchDatabase db)
    {
        using var connection = db.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"ClientId\", \"Purchases\" FROM \"ClientFigures\" WHERE \"Purchases\" > 0 ORDER BY \"ClientId\"";
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        var counts = new List<int>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
            counts.Add(reader.GetInt32(1));
        }
        return ([.. ids], [.. counts]);
    }
}
