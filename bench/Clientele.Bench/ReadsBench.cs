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
    private sealed record Endpoint(string Name, Func<Random, string> Path);
    private sealed record ProviderRun(string Provider, List<LoadResult> Results, long Views, long ViewEntries, string Verify, string LoadAfter);

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
        return runs.All(r => r.Verify.StartsWith("OK", StringComparison.Ordinal) && r.Views == r.ViewEntries) ? 0 : 1;
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
        var results = new List<LoadResult>();
        long views = 0;
        try
        {
            using var load = new HttpLoad(new Uri(url), token, o.Connections);
            var endpoints = new Endpoint[]
            {
                new("/health", _ => "/health"),
                new("GET /api/v1/clients/{id}", r => "/api/v1/clients/" + r.Next(1, clients + 1).ToString(CultureInfo.InvariantCulture)),
                new("GET /api/v1/clients?limit=50", _ => "/api/v1/clients?limit=50"),
                new("GET /api/v1/channels", _ => "/api/v1/channels"),
            };
            // Warm-up: JIT, pools and the page cache, not counted.
            foreach (var e in endpoints) await load.RunAsync(e.Name, e.Path, TimeSpan.FromSeconds(o.Quick ? 1 : 3), seed: 1);
            var viewsBefore = await ViewEntriesAsync(app, ownerId);
            foreach (var e in endpoints)
            {
                Console.WriteLine($"  {provider}: {e.Name} ...");
                var result = await load.RunAsync(e.Name, e.Path, TimeSpan.FromSeconds(o.Seconds), seed: 2);
                results.Add(result);
                if (e.Name.Contains("{id}", StringComparison.Ordinal)) views = result.Ok;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {result.PerSecond:N0} req/s, p50 {result.Latency?.P50:0.0} ms, p99 {result.Latency?.P99:0.0} ms, non-2xx {result.Failed}"));
            }
            var viewEntries = await ViewEntriesAsync(app, ownerId) - viewsBefore;
            string verify;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var chain = await AuditVerifier.VerifyAsync(scope.ServiceProvider.GetRequiredService<ClienteleDb>(), CancellationToken.None);
                verify = chain.Ok ? $"OK: {chain.Checked:N0} entries" : $"FAILED at {chain.BrokenId}: {chain.Reason}";
            }
            Console.WriteLine($"  {provider}: {views:N0} views answered 2xx, {viewEntries:N0} view entries; audit verify {verify}");
            return new ProviderRun(provider, results, views, viewEntries, verify, Machine.LoadAverage());
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
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
            $"{o.Seconds} s per endpoint after a warm-up; the load generator is `HttpLoad.cs` in the same process as the app).");
        md.AppendLine(c, $"Load average before: {loadBefore} on {Environment.ProcessorCount} cores.");
        md.AppendLine();
        foreach (var run in runs)
        {
            var anchor = run.Results[0].PerSecond;
            md.AppendLine(c, $"## {run.Provider}");
            md.AppendLine();
            md.AppendLine("| endpoint | req/s | share of /health | p50 ms | p99 ms | non-2xx |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var r in run.Results)
                md.AppendLine(c, $"| `{r.Name}` | {r.PerSecond:N0} | {r.PerSecond / anchor:0.00} | {r.Latency?.P50:0.0} | {r.Latency?.P99:0.0} | {r.Failed} |");
            md.AppendLine();
            md.AppendLine(c, $"Views answered 2xx: {run.Views:N0}; view entries written in that window: {run.ViewEntries:N0}; `audit verify`: {run.Verify}. Load average after: {run.LoadAfter}.");
            md.AppendLine();
        }
        return md.ToString();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
