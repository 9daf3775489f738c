using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Clientele.Bench;

/// <summary>
/// <c>--import</c>: a generated client CSV (phone + e-mail, 10% repeats) imported by <c>clientele import clients</c>
/// as a child process into a fresh SQLite file and a fresh PostgreSQL database, with its peak memory (VmHWM), and
/// sqlite3's own <c>.import</c> of the same file into a bare table as the anchor.
/// </summary>
public static class ImportBench
{
    private sealed record Run(string Target, double Seconds, double CpuSeconds, long PeakBytes, int ExitCode, string Summary, string LoadAfter);

    public static async Task<int> RunAsync(BenchOptions o)
    {
        var c = CultureInfo.InvariantCulture;
        var work = Directory.CreateTempSubdirectory("clientele-import-bench-").FullName;
        var csv = Path.Combine(work, "clients.csv");
        var clock = Stopwatch.StartNew();
        var repeats = ImportCsvGenerator.Write(csv, o.Clients, o.Seed);
        var size = new FileInfo(csv).Length;
        Console.WriteLine(string.Create(c, $"Generated {o.Clients:N0} rows ({repeats:N0} repeats, {size / 1e6:N0} MB) in {clock.Elapsed.TotalSeconds:0.0} s: {csv}"));

        var runs = new List<Run>();
        var sqlitePath = Path.Combine(work, "import.db");
        // --only sqlite|postgresql runs one target (a re-run after fixing one).
        bool Wanted(string target) => o.Only is null || target.Contains(o.Only, StringComparison.OrdinalIgnoreCase);
        if (Wanted("SQLite")) runs.Add(await ImportAsync("SQLite", "sqlite:" + sqlitePath, csv));
        if (Wanted("PostgreSQL"))
        await using (var pg = await BenchPostgres.StartAsync())
        {
            var connection = await pg.CreateDatabaseAsync("import_bench");
            runs.Add(await ImportAsync("PostgreSQL", "postgres:" + connection, csv));
        }
        var anchor = await SqliteCliImportAsync(csv, Path.Combine(work, "bare.db"));

        var report = Report(o, repeats, size, runs, anchor);
        Console.WriteLine(report);
        var outDir = o.OutDir ?? Path.Combine(Machine.RepoRoot(), "bench", "results");
        Directory.CreateDirectory(outDir);
        var file = Path.Combine(outDir, $"import-{DateTime.UtcNow:yyyy-MM-dd}-{o.SizeLabel}{(o.Label is null ? "" : "-" + o.Label)}.md");
        await File.WriteAllTextAsync(file, report);
        Console.WriteLine($"Written to {file}");
        if (!o.Keep) Directory.Delete(work, recursive: true);
        return runs.All(r => r.ExitCode == 0) ? 0 : 1;
    }

    private static async Task<Run> ImportAsync(string target, string db, string csv)
    {
        var migrate = await ClienteleAsync(["--db", db, "db", "migrate"], sample: false);
        if (migrate.ExitCode != 0) throw new InvalidOperationException($"db migrate failed on {target}: {migrate.Output}");
        Console.WriteLine($"Importing into {target} ...");
        var run = await ClienteleAsync(["--db", db, "import", "clients", csv, "--region", "RU"], sample: true);
        var summary = run.Output.Split('\n').LastOrDefault(l => l.StartsWith("Import ", StringComparison.Ordinal)) ?? run.Output.Trim();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {run.Seconds:0.0} s, CPU {run.CpuSeconds:0.0} s, peak {run.PeakBytes / 1e6:N0} MB, exit {run.ExitCode}: {summary}"));
        return new Run(target, run.Seconds, run.CpuSeconds, run.PeakBytes, run.ExitCode, summary, Machine.LoadAverage());
    }

    /// <summary>The program <see cref="ClienteleAsync"/> runs (<c>--program</c>); null: clientele.dll beside the bench, through dotnet.</summary>
    internal static string? Program { get; set; }

    /// <summary>What <see cref="ClienteleAsync"/> runs, for the reports.</summary>
    internal static string ProgramName => Program ?? "dotnet clientele.dll";

    /// <summary>
    /// Runs clientele (<see cref="Program"/>, else clientele.dll beside the bench) and samples its resident high-water mark
    /// until it exits. Its CPU time is what this process's reaped children used across the run (/proc/self/stat's
    /// cutime + cstime), exact to the tick where sampling the child's own counters missed its last 50 ms.
    /// </summary>
    internal static async Task<(int ExitCode, double Seconds, double CpuSeconds, long PeakBytes, string Output)> ClienteleAsync(string[] args, bool sample)
    {
        var info = new ProcessStartInfo(Program ?? Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = sample ? false : true,
        };
        if (Program is null) info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "clientele.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        var childrenBefore = ReapedChildrenCpuSeconds();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = sample ? Task.FromResult("") : process.StandardError.ReadToEndAsync();
        long peak = 0;
        double cpu = 0;
        while (!process.HasExited)
        {
            if (sample)
            {
                peak = Math.Max(peak, HighWaterMark(process.Id));
                cpu = Math.Max(cpu, CpuSeconds(process.Id));
            }
            await Task.Delay(50);
        }
        await process.WaitForExitAsync();
        var reaped = ReapedChildrenCpuSeconds() - childrenBefore;
        return (process.ExitCode, clock.Elapsed.TotalSeconds, Math.Max(cpu, reaped), peak, await output + await errors);
    }

    /// <summary>User + system CPU of this process's children that have ended and been waited for (/proc/self/stat fields 16 and 17).</summary>
    private static double ReapedChildrenCpuSeconds()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>
    /// The resident high-water mark of the process or of one of its descendants, whichever is higher: a large import
    /// runs in a child of the program (OptimizedRelaunch), whose memory is the import's.
    /// </summary>
    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            var own = line is null ? 0 : long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            var children = File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return children.Select(c => HighWaterMark(int.Parse(c, CultureInfo.InvariantCulture))).Append(own).Max();
        }
        catch (IOException)
        {
            return 0; // the process ended between the check and the read
        }
    }

    /// <summary>User + system CPU of the process so far (/proc/PID/stat fields 14 and 15, in clock ticks of 1/100 s).</summary>
    internal static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return 0; // the process ended between the check and the read
        }
    }

    /// <summary>The CPU seconds of the last <see cref="SqliteCliImportAsync"/> (user + system).</summary>
    internal static double AnchorCpuSeconds { get; private set; }

    internal static async Task<double?> SqliteCliImportAsync(string csv, string bare)
    {
        if (!File.Exists("/usr/bin/sqlite3"))
        {
            Console.WriteLine("sqlite3 is missing; installing it (apt-get install -y sqlite3) ...");
            using var apt = Process.Start(new ProcessStartInfo("apt-get", ["install", "-y", "-q", "sqlite3"]) { RedirectStandardOutput = true });
            if (apt is not null) await apt.WaitForExitAsync();
            if (!File.Exists("/usr/bin/sqlite3")) return null;
        }
        var childrenBefore = ReapedChildrenCpuSeconds();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/sqlite3", [bare, ".mode csv", ".separator ;", $".import {csv} t"]))!;
        await process.WaitForExitAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        AnchorCpuSeconds = ReapedChildrenCpuSeconds() - childrenBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sqlite3 .import: {seconds:0.0} s (exit {process.ExitCode})"));
        return process.ExitCode == 0 ? seconds : null;
    }

    private static string Report(BenchOptions o, long repeats, long size, List<Run> runs, double? anchor)
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(c, $"# Client import benchmark, {o.Clients:N0} rows ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        s.AppendLine();
        s.AppendLine(c, $"File: generated CSV, seed {o.Seed}, {size / 1e6:N0} MB, name;phone;email;city;contact_name;tags, {repeats:N0} rows repeating an earlier client.");
        s.AppendLine(c, $"Machine: {Environment.ProcessorCount} cores, load before {Machine.LoadAverage()}. `clientele import clients` as a child process: one pass validating, matching and staging in batches, then the merge.");
        s.AppendLine();
        s.AppendLine("| target | seconds | CPU s (user+sys) | rows/s | peak MB | ratio to sqlite3 .import | load after | result |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---|---|");
        foreach (var r in runs)
            s.AppendLine(c, $"| {r.Target} | {r.Seconds:0.0} | {r.CpuSeconds:0.0} | {o.Clients / r.Seconds:N0} | {r.PeakBytes / 1e6:N0} | {(anchor is { } a ? (r.Seconds / a).ToString("0.0", c) + "×" : "n/a")} | {r.LoadAfter} | {r.Summary.Replace("|", "/")} |");
        s.AppendLine(c, $"| sqlite3 `.import` into a bare table | {(anchor is { } b ? b.ToString("0.0", c) : "n/a")} | | {(anchor is { } d ? (o.Clients / d).ToString("N0", c) : "")} | | 1.0× | | no validation, no indexes |");
        s.AppendLine();
        s.AppendLine("CPU is the clientele process's own (sampled every 50 ms); the PostgreSQL server's CPU is not in it.");
        s.AppendLine();
        s.AppendLine("Targets from the issue: SQLite ≤ 20 s, PostgreSQL ≤ 15 s, peak memory ≤ 500 MB.");
        return s.ToString();
    }
}
