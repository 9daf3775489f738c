using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Clientele.Data;
using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Clientele.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Bench;

/// <summary>
/// <c>--reads</c>: the API's reads under HTTP load on a million clients, SQLite and PostgreSQL. The app runs as
/// <c>clientele serve</c> runs it (AppHost.Build, Kestrel on a loopback port); an owner's API token calls
/// <c>/health</c> (the anchor: no database), <c>GET /api/v1/clients/{id}</c> (audited as a view),
/// <c>GET /api/v1/clients?limit=50</c> (the grid's first page, audited as a search) and <c>GET /api/v1/channels</c>.
/// Afterwards the audit chain is verified and every 2xx view is looked up in it.
/// </summary>
public static class ReadsBench
{
    private sealed record Endpoint(string Name, string Path);

    /// <summary>
    /// One endpoint's run with the CPU it cost: the app's process time (the bench process is the app when the generator
    /// runs apart) and the generator's, each divided by the answers.
    /// </summary>
    private sealed record Measured(LoadResult Result, double AppMicros, double GeneratorMicros, string LoadAfter);

    private sealed record ProviderRun(string Provider, List<Measured> Results, long Views, long ViewEntries, string Verify, string LoadAfter, Summary? Commit);

    /// <summary>The generator: <c>wrk</c> in a process of its own when it is installed, else <see cref="HttpLoad"/> in this one.</summary>
    private interface ILoad : IDisposable
    {
        string Description { get; }
        Task<(LoadResult Result, TimeSpan GeneratorCpu)> RunAsync(string name, string path, int maxId, TimeSpan duration, int seed);
    }

    private sealed class External(WrkLoad wrk) : ILoad
    {
        public string Description => "`wrk` in a process of its own (Debian's wrk 4.1, one thread per core)";
        public Task<(LoadResult Result, TimeSpan GeneratorCpu)> RunAsync(string name, string path, int maxId, TimeSpan duration, int seed) =>
            wrk.RunAsync(name, path, maxId, duration, seed);
        public void Dispose() => wrk.Dispose();
    }

    private sealed class InProcess(HttpLoad http) : ILoad
    {
        public string Description => "`HttpLoad.cs` in the same process as the app (its CPU is counted as the app's)";
        public async Task<(LoadResult Result, TimeSpan GeneratorCpu)> RunAsync(string name, string path, int maxId, TimeSpan duration, int seed) =>
            (await http.RunAsync(name, r => path.Replace("{id}", r.Next(1, maxId + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), duration, seed),
                TimeSpan.Zero);
        public void Dispose() => http.Dispose();
    }

    private static ILoad Generator(Uri url, string token, BenchOptions o) =>
        !o.InProcessLoad && WrkLoad.Available() ? new External(new WrkLoad(url, token, o.Connections)) : new InProcess(new HttpLoad(url, token, o.Connections));

    /// <summary>
    /// A generator that stops at its deadline drops the requests it has in flight; the app still answers and audits
    /// them. A moment's pause lets those land before the chain is counted.
    /// </summary>
    private static Task SettleAsync() => Task.Delay(TimeSpan.FromSeconds(1));

    public static async Task<int> RunAsync(BenchOptions o)
    {
        var started = DateTime.UtcNow;
        var loadBefore = Machine.LoadAverage();
        var work = Directory.CreateTempSubdirectory("clientele-reads-bench-").FullName;
        var sqlitePath = o.DbPath ?? Path.Combine(work, "reads.db");
        Console.WriteLine($"Reads benchmark: {o.Clients:N0} clients, {o.Connections} connections, {o.Seconds} s per endpoint; load average {loadBefore}");
        var fillClock = Stopwatch.StartNew();
        var db = o.Reuse ? await BenchDatabase.OpenAsync(sqlitePath) : await BenchDatabase.CreateAsync(sqlitePath, o.Managers);
        if (!o.Reuse) await Filler.FillAsync(db, o);
        var clients = o.Clients;
        Console.WriteLine($"SQLite filled in {fillClock.Elapsed.TotalSeconds:0} s");

        var runs = new List<ProviderRun>();
        bool Wanted(string target) => o.Only is null || target.Contains(o.Only, StringComparison.OrdinalIgnoreCase);
        if (Wanted("SQLite")) runs.Add(await MeasureAsync("SQLite", DatabaseTarget.Parse("sqlite:" + sqlitePath), clients, o));
        if (Wanted("PostgreSQL"))
        {
            await using var pg = await BenchPostgres.StartAsync();
            var connection = await pg.CreateDatabaseAsync("reads_bench");
            fillClock.Restart();
            var (managers, _) = await BenchDatabase.MigrateAsync(DatabaseTarget.Parse("postgres:" + connection), o.Managers);
            var rows = await SqliteToPostgres.CopyAsync(sqlitePath, connection, db.ManagerIds, managers);
            Console.WriteLine($"PostgreSQL filled ({rows:N0} rows copied from the SQLite file) in {fillClock.Elapsed.TotalSeconds:0} s");
            runs.Add(await MeasureAsync("PostgreSQL", DatabaseTarget.Parse("postgres:" + connection), clients, o));
        }
        if (!o.Keep && o.DbPath is null)
        {
            BenchDatabase.Delete(sqlitePath);
            Directory.Delete(work, recursive: true);
        }

        var report = Report(o, runs, started, loadBefore);
        Console.WriteLine(report);
        var outDir = o.OutDir ?? Path.Combine(Machine.RepoRoot(), "bench", "results");
        Directory.CreateDirectory(outDir);
        var file = Path.Combine(outDir, $"reads-{started:yyyy-MM-dd}{(o.Label is null ? "" : "-" + o.Label)}.md");
        await File.WriteAllTextAsync(file, report);
        Console.WriteLine($"Written {file}");
        return runs.All(r => r.Verify.StartsWith("OK", StringComparison.Ordinal) && Accounted(r, o)) ? 0 : 1;
    }

    private static async Task<ProviderRun> MeasureAsync(string provider, DatabaseTarget target, int clients, BenchOptions o)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        // As `clientele serve` with the request log at Warning, as ASP.NET's own template ships it: at thousands of
        // requests a second, two console lines per request would be what is measured.
        var app = AppHost.Build(["--Clientele:Jobs:Schedule=off", "--Logging:LogLevel:Microsoft.AspNetCore=Warning"], target, url);
        string token;
        long ownerId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var owner = await UserAdmin.AddAsync(scope.ServiceProvider.GetRequiredService<UserManager<Employee>>(),
                $"reads-{Guid.NewGuid():N}@bench.clientele", EmployeeRole.Owner, "Bench Owner", Guid.NewGuid().ToString(), TimeProvider.System);
            ownerId = owner.Id;
            token = await ApiTokens.IssueAsync(scope.ServiceProvider.GetRequiredService<ClienteleDb>(), owner.Id, "reads bench", TimeProvider.System, CancellationToken.None);
        }
        await app.StartAsync();
        var results = new List<Measured>();
        long views = 0;
        try
        {
            var endpoints = new Endpoint[]
            {
                new("/health", "/health"),
                new("GET /api/v1/clients/{id}", "/api/v1/clients/{id}"),
                new("GET /api/v1/clients?limit=50", "/api/v1/clients?limit=50"),
                new("GET /api/v1/channels", "/api/v1/channels"),
            };
            using var load = Generator(new Uri(url), token, o);
            // Warm-up: JIT (tiering promotes the hot paths in the background for seconds), pools and the page cache, not counted.
            foreach (var e in endpoints) await load.RunAsync(e.Name, e.Path, clients, TimeSpan.FromSeconds(o.Quick ? 1 : o.WarmUpSeconds), seed: 1);
            await SettleAsync();
            var viewsBefore = await ViewEntriesAsync(app, ownerId);
            var self = Process.GetCurrentProcess();
            foreach (var e in endpoints)
            {
                Console.WriteLine($"  {provider}: {e.Name} ...");
                self.Refresh();
                var cpuBefore = self.TotalProcessorTime;
                var (result, generatorCpu) = await load.RunAsync(e.Name, e.Path, clients, TimeSpan.FromSeconds(o.Seconds), seed: 2);
                self.Refresh();
                var appCpu = self.TotalProcessorTime - cpuBefore;
                var measured = new Measured(result, AppMicros: appCpu.TotalMicroseconds / Math.Max(1, result.Ok + result.Failed),
                    GeneratorMicros: generatorCpu.TotalMicroseconds / Math.Max(1, result.Ok + result.Failed), Machine.LoadAverage());
                results.Add(measured);
                if (e.Name.Contains("{id}", StringComparison.Ordinal)) views = result.Ok;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {result.PerSecond:N0} req/s, p50 {result.Latency?.P50:0.0} ms, p99 {result.Latency?.P99:0.0} ms, non-2xx {result.Failed}, app CPU {measured.AppMicros:N0} µs/req, generator {measured.GeneratorMicros:N0} µs/req, load {measured.LoadAfter}"));
            }
            await SettleAsync();
            var viewEntries = await ViewEntriesAsync(app, ownerId) - viewsBefore;
            string verify;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var chain = await AuditVerifier.VerifyAsync(scope.ServiceProvider.GetRequiredService<ClienteleDb>(), CancellationToken.None);
                verify = chain.Ok ? $"OK: {chain.Checked:N0} entries" : $"FAILED at {chain.BrokenId}: {chain.Reason}";
            }
            Console.WriteLine($"  {provider}: {views:N0} views answered 2xx, {viewEntries:N0} view entries; audit verify {verify}");
            var commit = await CommitRoundAsync(target, o.Connections);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {provider}: a durable commit of {o.Connections} rows: p50 {commit?.P50:0.0} ms, p99 {commit?.P99:0.0} ms"));
            return new ProviderRun(provider, results, views, viewEntries, verify, Machine.LoadAverage(), commit);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>
    /// The waiting half of a view: every audited answer waits for its batch's durable commit, and with N connections in
    /// flight a batch holds at most N entries. This times that floor on the same database with the app's durability
    /// (SQLite: WAL, synchronous=FULL; PostgreSQL: its default synchronous_commit): 100 transactions of one N-row INSERT
    /// each into a scratch table, dropped afterwards. N ÷ the median is what group commit alone allows per second.
    /// </summary>
    private static async Task<Summary?> CommitRoundAsync(DatabaseTarget target, int rows)
    {
        await using var connection = target.CreateConnection();
        await connection.OpenAsync();
        async Task RunAsync(string sql, System.Data.Common.DbTransaction? transaction = null, long first = -1)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction;
            for (var r = 0; first >= 0 && r < rows; r++)
            {
                var p = command.CreateParameter();
                p.ParameterName = "@v" + r.ToString(CultureInfo.InvariantCulture);
                p.Value = first + r;
                command.Parameters.Add(p);
            }
            await command.ExecuteNonQueryAsync();
        }
        if (target.Provider == DatabaseProvider.Sqlite) await RunAsync("PRAGMA synchronous=FULL");
        await RunAsync("CREATE TABLE bench_commit_round (v bigint NOT NULL)");
        // One statement for the batch's rows, as the writer's COPY (PostgreSQL) is one round trip.
        var insert = "INSERT INTO bench_commit_round (v) VALUES " + string.Join(", ", Enumerable.Range(0, rows).Select(r => $"(@v{r})"));
        var samples = new List<double>();
        try
        {
            for (var i = 0; i < 100; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await using var transaction = await connection.BeginTransactionAsync();
                await RunAsync(insert, transaction, i * 1_000L);
                await transaction.CommitAsync();
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        finally
        {
            await RunAsync("DROP TABLE bench_commit_round");
        }
        return Summary.Of(samples);
    }

    private static async Task<long> ViewEntriesAsync(WebApplication app, long ownerId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClienteleDb>().Set<AuditEntry>()
            .LongCountAsync(e => e.Action == AuditAction.ClientViewed && e.EmployeeId == ownerId);
    }

    private static string Report(BenchOptions o, List<ProviderRun> runs, DateTime started, string loadBefore)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(c, $"# Reads under HTTP load — {started:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(c, $"`dotnet run -c Release --project bench/Clientele.Bench -- --reads` ({o.Clients:N0} clients, {o.Connections} connections, " +
            $"{o.Seconds} s per endpoint after {(o.Quick ? 1 : o.WarmUpSeconds)} s of warm-up each; the load generator is {(!o.InProcessLoad && WrkLoad.Available() ? "`wrk` in a process of its own" : "`HttpLoad.cs` in the same process as the app")}).");
        md.AppendLine(c, $"Load average before: {loadBefore} on {Environment.ProcessorCount} cores.");
        md.AppendLine();
        foreach (var run in runs)
        {
            var anchor = run.Results[0].Result.PerSecond;
            md.AppendLine(c, $"## {run.Provider}");
            md.AppendLine();
            md.AppendLine("| endpoint | req/s | share of /health | p50 ms | p99 ms | non-2xx | app CPU µs/req | generator CPU µs/req | load after |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var (r, appMicros, generatorMicros, loadAfter) in run.Results)
                md.AppendLine(c, $"| `{r.Name}` | {r.PerSecond:N0} | {r.PerSecond / anchor:0.00} | {r.Latency?.P50:0.0} | {r.Latency?.P99:0.0} | {r.Failed} | {appMicros:N0} | {generatorMicros:N0} | {loadAfter} |");
            md.AppendLine();
            md.AppendLine(c, $"Views answered 2xx: {run.Views:N0}; view entries written in that window: {run.ViewEntries:N0} " +
                $"({(Accounted(run, o) ? "every answered view has its entry" : "MISMATCH")}); `audit verify`: {run.Verify}. Load average after: {run.LoadAfter}.");
            md.AppendLine();
            md.AppendLine(c, $"The wait's floor: a durable commit of {o.Connections} rows on this database took p50 {run.Commit?.P50:0.0} ms, p99 {run.Commit?.P99:0.0} ms " +
                $"(100 transactions after the load), so group commit alone allows about {o.Connections / (run.Commit?.P50 ?? double.NaN) * 1000:N0} audited answers a second with {o.Connections} connections in flight.");
            md.AppendLine();
        }
        return md.ToString();
    }

    /// <summary>
    /// Every 2xx view has its entry. An external generator stops at its deadline with up to one request per connection
    /// in flight: the app serves and audits those too, so up to that many more entries than counted answers are expected.
    /// </summary>
    private static bool Accounted(ProviderRun run, BenchOptions o) =>
        run.ViewEntries >= run.Views && run.ViewEntries - run.Views <= (o.InProcessLoad ? 0 : o.Connections);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
