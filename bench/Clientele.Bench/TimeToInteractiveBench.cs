using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Clientele.Data;
using Clientele.Features.Demo;
using Clientele.Features.Identity;
using Clientele.Infrastructure;
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
/// Own command line: <c>--tti [--clients N] [--purchases N] [--runs N] [--out DIR] [--label NAME]</c>.
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
        var cold = new Dictionary<string, List<double>>();
        var warm = new Dictionary<string, List<double>>();
        var coldCpu = new Dictionary<string, List<double>>();
        var warmCpu = new Dictionary<string, List<double>>();
        string[] pages = [];
        for (var run = 0; run < runs; run++)
        {
            // A fresh app per run: its caches (the analytics report, EF's compiled queries) are as after a restart.
            await using var app = Build(file, url);
            await app.StartAsync();
            var cardId = await FirstClientAsync(app.Services);
            pages = ["/", "/clients", $"/clients/{cardId}", "/duplicates", "/at-risk", "/lost", "/analytics", "/tasks"];
            var state = await SignInAsync(browser, url);
            foreach (var path in pages)
            {
                var name = path.StartsWith("/clients/", StringComparison.Ordinal) ? "/clients/{id} (card)" : path;
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { StorageState = state, Locale = "ru-RU", ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
                await context.AddInitScriptAsync(PhaseRecorder);
                var page = await context.NewPageAsync();
                var cpu = ServerCpu();
                Add(cold, name, await TimeAsync(page, url + path));
                Add(coldCpu, name, ServerCpu() - cpu);
                var coldPhases = await PhasesAsync(page);
                cpu = ServerCpu();
                Add(warm, name, await TimeAsync(page, url + path));
                Add(warmCpu, name, ServerCpu() - cpu);
                Console.WriteLine($"  run {run + 1} {name}: cold {cold[name][^1]:0} ms ({coldPhases}), warm {warm[name][^1]:0} ms ({await PhasesAsync(page)})");
            }
            await app.StopAsync();
        }
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Time to interactive, {clients:N0} clients, {purchases:N0} purchases ({DateTime.UtcNow:yyyy-MM-dd})");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project bench/Clientele.Bench -- --tti --clients {clients} --runs {runs}`; Debian's Chromium, 1440×900, ru-RU;");
        report.AppendLine(CultureInfo.InvariantCulture, $"load average {loadBefore} before and {Machine.LoadAverage()} after, on {Environment.ProcessorCount} cores. Median and worst of {runs} runs, ms.");
        report.AppendLine("Cold: the page's first visit after the app started, new browser context. Warm: the same page again in that context.");
        report.AppendLine();
        report.AppendLine("Server CPU: the app process's CPU time during the visit (median), ms.");
        report.AppendLine();
        report.AppendLine("| page | cold median | cold worst | warm median | warm worst | server CPU cold | server CPU warm | target cold ≤ 1000, warm ≤ 300 |");
        report.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var name in cold.Keys)
        {
            var (c, w) = (Median(cold[name]), Median(warm[name]));
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {c:0} | {cold[name].Max():0} | {w:0} | {warm[name].Max():0} | {Median(coldCpu[name]):0} | {Median(warmCpu[name]):0} | {(c <= 1000 && w <= 300 ? "met" : "missed")} |");
        }
        Directory.CreateDirectory(outDir);
        var output = Path.Combine(outDir, $"tti-{DateTime.UtcNow:yyyy-MM-dd}-{clients}{label}.md");
        await File.WriteAllTextAsync(output, report.ToString());
        Console.WriteLine(report);
        Console.WriteLine($"Written to {output}");
        return 0;
    }

    private static double ServerCpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

    private static void Add(Dictionary<string, List<double>> into, string name, double ms)
    {
        if (!into.TryGetValue(name, out var list)) into[name] = list = [];
        list.Add(ms);
    }

    private static double Median(List<double> values)
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

    private static async Task<string> PhasesAsync(IPage page) =>
        await page.EvaluateAsync<string>("""
            () => {
                const n = performance.getEntriesByType('navigation')[0];
                const slow = performance.getEntriesByType('resource').filter(r => r.duration > 30)
                    .map(r => r.name.replace(location.origin, '') + ' ' + Math.round(r.duration)).join(', ');
                return `first byte ${Math.round(n.responseStart)}, html ${Math.round(n.responseEnd)}, dom ready ${Math.round(n.domContentLoadedEventEnd)}, `
                    + `load ${Math.round(n.loadEventEnd)}, circuit ${Math.round(window.__interactiveAt ?? -1)}` + (slow ? `; slow: ${slow}` : '');
            }
            """);

    /// <summary>Milliseconds from navigation to an interactive page with no progress indicator left.</summary>
    private static async Task<double> TimeAsync(IPage page, string address)
    {
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(address, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 120_000 });
        await page.Locator("#interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        await page.WaitForFunctionAsync("() => !document.querySelector('.rz-progressbar-circular, .rz-progressbar, .rz-datatable-loading')",
            null, new PageWaitForFunctionOptions { Timeout = 120_000, PollingInterval = 10 });
        return clock.Elapsed.TotalMilliseconds;
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

    private static async Task<long> FirstClientAsync(IServiceProvider services)
    {
        await using var scope = services.CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<ClienteleDb>().Clients.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
    }

    private static WebApplication Build(string file, string url) =>
        AppHost.Build(["--" + Clientele.Infrastructure.Jobs.JobsSetup.ScheduleSettingKey + "=off"], DatabaseTarget.Parse("sqlite:" + file), url);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
