using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Clientele.Data;
using Clientele.Features.Demo;
using Clientele.Features.Identity;
using Clientele.Infrastructure;
using Clientele.Infrastructure.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Clientele.Bench;

/// <summary>
/// Time to interactive of the main pages in Debian's Chromium, on a demo base of <c>--clients</c> clients (2,000 by
/// default): "cold" is each page's first visit after the app started, in a new browser context (no HTTP cache, a new
/// circuit, the server's caches empty); "warm" is the same page visited again in that context. A page is interactive
/// when its circuit is up (the layout's <c>#interactive</c> marker) and no progress indicator is left on it.
/// Beside each time, the CPU the app's process spent serving that visit (the bench hosts the app; Chromium is another
/// process): on a loaded machine the wall times swing with the neighbours, the server's CPU much less.
/// Each visit is split along the browser's timeline (first byte, document ready, blazor.web.js asking for its circuit,
/// the circuit's first render, the page settled) and, when the bench hosts the app, the time of the page's SQL.
/// <c>--program PATH</c> measures a program started as a child (<c>clientele serve</c>: the published, precompiled
/// executable, or a <c>clientele.dll</c> run through dotnet) instead of the app hosted in the bench's own process.
/// Own command line: <c>--tti [--clients N] [--purchases N] [--runs N] [--out DIR] [--label NAME] [--program PATH]</c>.
/// </summary>
public static class TimeToInteractiveBench
{
    private const string OwnerEmail = "owner@bench.test";
    private const string OwnerPassword = "a-long-bench-passphrase";

    public static async Task<int> RunAsync(string[] args)
    {
        int Option(string name, int fallback) =>
            Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        var clients = Option("--clients", 2_000);
        var purchases = Option("--purchases", clients * 10);
        var runs = Option("--runs", 3);
        var outDir = Array.IndexOf(args, "--out") is var o and >= 0 && o + 1 < args.Length ? args[o + 1] : Path.Combine(Machine.RepoRoot(), "bench", "results");
        var program = Array.IndexOf(args, "--program") is var p and >= 0 && p + 1 < args.Length ? Path.GetFullPath(args[p + 1]) : null;
        var loadBefore = Machine.LoadAverage();

        var directory = Directory.CreateTempSubdirectory("clientele-tti-").FullName;
        var file = Path.Combine(directory, "clientele.db");
        var url = $"http://127.0.0.1:{FreePort()}";
        Console.WriteLine($"Time to interactive: {clients:N0} clients, {purchases:N0} purchases, {runs} runs; {url}; load {loadBefore}");
        var fill = Stopwatch.StartNew();
        await using (var setup = Build(file, "http://127.0.0.1:0"))
        {
            await using var scope = setup.Services.CreateSystemScope();
            await Migrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<ClienteleDb>());
            await UserAdmin.AddAsync(scope.ServiceProvider.GetRequiredService<UserManager<Employee>>(), OwnerEmail, EmployeeRole.Owner, "Bench Owner",
                OwnerPassword, TimeProvider.System);
            await DemoCommand.FillAsync(scope.ServiceProvider, clients, purchases, seed: 42, CancellationToken.None);
        }
        Console.WriteLine($"Filled in {fill.Elapsed.TotalSeconds:0.0} s");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CLIENTELE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
        });
        var label = Array.IndexOf(args, "--label") is var l and >= 0 && l + 1 < args.Length ? "-" + args[l + 1] : "";
        var cold = new Dictionary<string, List<Visit>>();
        var warm = new Dictionary<string, List<Visit>>();
        var starts = new List<double>();
        // The page's statements and their time (a reader's from execution to its disposal), prerender and circuit together.
        using var sql = program is null ? new StatementTimes() : null;
        for (var run = 0; run < runs; run++)
        {
            // A fresh app per run: its caches (the analytics report, EF's compiled queries) are as after a restart.
            var started = Stopwatch.StartNew();
            await using var server = program is null ? await InProcessServer.StartAsync(file, url) : await ChildServer.StartAsync(program, file, url);
            starts.Add(started.Elapsed.TotalMilliseconds);
            var cardId = await FirstClientAsync(file);
            string[] pages = ["/", "/clients", $"/clients/{cardId}", "/duplicates", "/at-risk", "/lost", "/analytics", "/tasks"];
            var state = await SignInAsync(browser, url);
            foreach (var path in pages)
            {
                var name = path.StartsWith("/clients/", StringComparison.Ordinal) ? "/clients/{id} (card)" : path;
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { StorageState = state, Locale = "ru-RU", ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
                await context.AddInitScriptAsync(PhaseRecorder);
                var page = await context.NewPageAsync();
                var coldVisit = await VisitAsync(page, url + path, server, sql);
                var warmVisit = await VisitAsync(page, url + path, server, sql);
                Add(cold, name, coldVisit);
                Add(warm, name, warmVisit);
                Console.WriteLine($"  run {run + 1} {name}: cold {coldVisit}; warm {warmVisit}");
            }
        }
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Time to interactive, {clients:N0} clients, {purchases:N0} purchases ({DateTime.UtcNow:yyyy-MM-dd})");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project bench/Clientele.Bench -- --tti --clients {clients} --runs {runs}{(program is null ? "" : " --program " + Path.GetFileName(program))}`; Debian's Chromium, 1440×900, ru-RU;");
        report.AppendLine(CultureInfo.InvariantCulture, $"app: {(program is null ? "hosted in the bench's process (the Release build, IL only: everything is compiled at run time)" : "`" + program + " serve` as a child process")}; start to listening (median) {Median(starts):0} ms.");
        report.AppendLine(CultureInfo.InvariantCulture, $"load average {loadBefore} before and {Machine.LoadAverage()} after, on {Environment.ProcessorCount} cores. Median and worst of {runs} runs, ms.");
        report.AppendLine("Cold: the page's first visit after the app started, new browser context. Warm: the same page again in that context.");
        report.AppendLine();
        report.AppendLine("Server CPU: the app process's CPU time during the visit (median), ms.");
        report.AppendLine();
        report.AppendLine("| page | cold median | cold worst | warm median | warm worst | server CPU cold | server CPU warm | target cold ≤ 1000, warm ≤ 300 |");
        report.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var name in cold.Keys)
        {
            var (c, w) = (Median(cold[name], v => v.Total), Median(warm[name], v => v.Total));
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {c:0} | {cold[name].Max(v => v.Total):0} | {w:0} | {warm[name].Max(v => v.Total):0} | {Median(cold[name], v => v.ServerCpu):0} | {Median(warm[name], v => v.ServerCpu):0} | {(c <= 1000 && w <= 300 ? "met" : "missed")} |");
        }
        report.AppendLine();
        report.AppendLine("Where a visit's time goes (medians, ms from the navigation's start): the HTML's first byte (the server's prerender); the");
        report.AppendLine("document ready (HTML, style sheets and scripts loaded and run); blazor.web.js asking for its circuit (`_blazor/negotiate`);");
        report.AppendLine("the circuit's first render on the page (`#interactive`); the page settled (no progress indicator). Assets: KB the");
        report.AppendLine("visit transferred for style sheets, scripts and fonts (0: all from the browser's cache). SQL: the page's statements");
        report.AppendLine("(prerender and circuit together) and their time in the server, when the bench hosts the app.");
        report.AppendLine();
        report.AppendLine("| page | visit | first byte | document ready | circuit asked | circuit rendered | settled | assets KB | server CPU | SQL statements | SQL ms |");
        report.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var name in cold.Keys)
            foreach (var (kind, visits) in new[] { ("cold", cold[name]), ("warm", warm[name]) })
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {name} | {kind} | {Median(visits, v => v.FirstByte):0} | {Median(visits, v => v.DocumentReady):0} | {Median(visits, v => v.CircuitAsked):0} | {Median(visits, v => v.CircuitRendered):0} | {Median(visits, v => v.Total):0} | {Median(visits, v => v.AssetsKb):0} | {Median(visits, v => v.ServerCpu):0} | {(sql is null ? "–" : Median(visits, v => v.SqlStatements).ToString("0", CultureInfo.InvariantCulture))} | {(sql is null ? "–" : Median(visits, v => v.SqlMs).ToString("0", CultureInfo.InvariantCulture))} |");
        Directory.CreateDirectory(outDir);
        var output = Path.Combine(outDir, $"tti-{DateTime.UtcNow:yyyy-MM-dd}-{clients}{label}.md");
        await File.WriteAllTextAsync(output, report.ToString());
        Console.WriteLine(report);
        Console.WriteLine($"Written to {output}");
        return 0;
    }

    private static void Add(Dictionary<string, List<Visit>> into, string name, Visit visit)
    {
        if (!into.TryGetValue(name, out var list)) into[name] = list = [];
        list.Add(visit);
    }

    private static double Median(List<Visit> visits, Func<Visit, double> of) => Median(visits.Select(of));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>
    /// Notes when the circuit's marker appears, so a page's time splits into the server's first answer, the document's
    /// own load and the wait for the circuit (printed beside each figure, not part of the report).
    /// </summary>
    private const string PhaseRecorder = """
        new MutationObserver(() => {
            if (!window.__interactiveAt && document.getElementById('interactive')) window.__interactiveAt = performance.now();
        }).observe(document, { subtree: true, childList: true });
        """;

    /// <summary>One visit: wall time to a settled interactive page, its phases from the browser's timeline, the server's share.</summary>
    private sealed record Visit(double Total, double FirstByte, double DocumentReady, double CircuitAsked, double CircuitRendered,
        double AssetsKb, double ServerCpu, double SqlStatements, double SqlMs)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Total:0} ms (first byte {FirstByte:0}, ready {DocumentReady:0}, circuit asked {CircuitAsked:0}, rendered {CircuitRendered:0}; assets {AssetsKb:0} KB; server CPU {ServerCpu:0} ms, SQL {SqlStatements:0} in {SqlMs:0} ms)");
    }

    private static async Task<Visit> VisitAsync(IPage page, string address, IServer server, StatementTimes? sql)
    {
        var cpu = server.CpuMs();
        sql?.Take();
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(address, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 120_000 });
        await page.Locator("#interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        await page.WaitForFunctionAsync("() => !document.querySelector('.rz-progressbar-circular, .rz-progressbar, .rz-datatable-loading')",
            null, new PageWaitForFunctionOptions { Timeout = 120_000, PollingInterval = 10 });
        var total = clock.Elapsed.TotalMilliseconds;
        var serverCpu = server.CpuMs() - cpu;
        var statements = sql?.Take() is { } taken ? (taken.Values.Sum(t => t.Runs), taken.Values.Sum(t => t.Ms)) : (0, 0.0);
        var (count, sqlMs) = statements;
        var phases = await page.EvaluateAsync<double[]>("""
            () => {
                const n = performance.getEntriesByType('navigation')[0];
                const resources = performance.getEntriesByType('resource');
                const negotiate = resources.find(r => r.name.includes('/_blazor/negotiate'));
                const assets = resources.filter(r => ['link', 'script', 'css'].includes(r.initiatorType) || /\.(css|js|woff2?)(\?|$)/.test(r.name));
                return [n.responseStart, n.domContentLoadedEventEnd, negotiate ? negotiate.startTime : -1, window.__interactiveAt ?? -1,
                    assets.reduce((kb, r) => kb + r.transferSize / 1024, 0)];
            }
            """);
        return new Visit(total, phases[0], phases[1], phases[2], phases[3], phases[4], serverCpu, count, sqlMs);
    }

    private static async Task<string> SignInAsync(IBrowser browser, string url)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(url + "/login");
        await page.FillAsync("#email", OwnerEmail);
        await page.FillAsync("#password", OwnerPassword);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        return await context.StorageStateAsync();
    }

    private static async Task<long> FirstClientAsync(string file)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(Id) FROM Clients";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>The app under measurement and the CPU its process has used so far.</summary>
    private interface IServer : IAsyncDisposable
    {
        double CpuMs();
    }

    /// <summary>The app hosted in the bench's own process, as the tests host it (the bench's own CPU counts as the server's).</summary>
    private sealed class InProcessServer(WebApplication app) : IServer
    {
        public static async Task<IServer> StartAsync(string file, string url)
        {
            var app = Build(file, url);
            await app.StartAsync();
            return new InProcessServer(app);
        }

        public double CpuMs() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary><c>PROGRAM serve</c> as a child process (a <c>.dll</c> through dotnet), its scheduled jobs off as in-process.</summary>
    private sealed class ChildServer(Process process) : IServer
    {
        public static async Task<IServer> StartAsync(string program, string file, string url)
        {
            var dll = program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
            var info = new ProcessStartInfo(dll ? Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet" : program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.GetDirectoryName(program)!,
            };
            if (dll) info.ArgumentList.Add(program);
            foreach (var argument in new[] { "serve", "--db", "sqlite:" + file, "--urls", url }) info.ArgumentList.Add(argument);
            // `serve` takes no settings on its command line: the schedule's setting goes in as an environment variable.
            info.Environment[JobsSetup.ScheduleSettingKey.Replace(":", "__", StringComparison.Ordinal)] = "off";
            var process = Process.Start(info)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            using var http = new HttpClient();
            for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromMinutes(2); await Task.Delay(20))
            {
                if (process.HasExited) throw new InvalidOperationException($"{program} serve ended with {process.ExitCode}");
                try
                {
                    if ((await http.GetAsync(url + "/health")).IsSuccessStatusCode) return new ChildServer(process);
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
            }
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} serve did not answer /health within 2 minutes");
        }

        public double CpuMs() => ImportBench.CpuSeconds(process.Id) * 1000;

        public async ValueTask DisposeAsync()
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    private static WebApplication Build(string file, string url) =>
        AppHost.Build(["--" + JobsSetup.ScheduleSettingKey + "=off"], DatabaseTarget.Parse("sqlite:" + file), url);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
