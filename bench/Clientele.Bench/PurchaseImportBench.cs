using System.Globalization;
using System.Text;

namespace Clientele.Bench;

/// <summary>
/// <c>--import-purchases</c>: a CDNOW-shaped purchase log (client e-mail; date; total — 69,659 rows from 23,570 clients
/// by default, the log's own size) imported by <c>clientele import purchases</c> as a child process into a fresh SQLite
/// file whose clients were imported first, then the same file imported again (no numbers: every row a possible repeat), with the peak
/// memory, and sqlite3's own <c>.import</c> of the same file into a bare table as the anchor, all in one run.
/// </summary>
/// <remarks>
/// The CDNOW log itself is not in the repository; the generator keeps its shape (first purchases in the first twelve
/// weeks of 1997, repeat purchases over the following 66 weeks, amounts of a few to a few hundred dollars, several
/// purchases of one client on one day), which is what the import's cost depends on.
/// </remarks>
public static class PurchaseImportBench
{
    private const int CdnowRows = 69_659;
    private const int CdnowClients = 23_570;

    public static async Task<int> RunAsync(BenchOptions o)
    {
        var c = CultureInfo.InvariantCulture;
        var rows = o.Purchases;
        var clients = Math.Max(1, (int)((long)rows * CdnowClients / CdnowRows));
        var work = Directory.CreateTempSubdirectory("clientele-purchase-bench-").FullName;
        var (clientsCsv, purchasesCsv) = (Path.Combine(work, "clients.csv"), Path.Combine(work, "purchases.csv"));
        Write(clientsCsv, purchasesCsv, clients, rows, o.Seed);
        var size = new FileInfo(purchasesCsv).Length;
        var loadBefore = Machine.LoadAverage();
        Console.WriteLine(string.Create(c, $"Generated {rows:N0} purchases of {clients:N0} clients ({size / 1e6:N1} MB): {purchasesCsv}; load {loadBefore}"));

        var db = "sqlite:" + Path.Combine(work, "import.db");
        var migrate = await ImportBench.ClienteleAsync(["--db", db, "db", "migrate"], sample: false);
        if (migrate.ExitCode != 0) throw new InvalidOperationException("db migrate failed: " + migrate.Output);
        var clientRun = await ImportBench.ClienteleAsync(["--db", db, "import", "clients", clientsCsv], sample: true);
        Console.WriteLine(string.Create(c, $"clients: {clientRun.Seconds:0.0} s, exit {clientRun.ExitCode}"));
        var first = await ImportBench.ClienteleAsync(["--db", db, "import", "purchases", purchasesCsv], sample: true);
        var loadAfterFirst = Machine.LoadAverage();
        Console.WriteLine(string.Create(c, $"purchases: {first.Seconds:0.0} s, peak {first.PeakBytes / 1e6:N0} MB, exit {first.ExitCode}: {Last(first.Output)}"));
        var again = await ImportBench.ClienteleAsync(["--db", db, "import", "purchases", purchasesCsv], sample: true);
        var loadAfterAgain = Machine.LoadAverage();
        Console.WriteLine(string.Create(c, $"again: {again.Seconds:0.0} s, peak {again.PeakBytes / 1e6:N0} MB, exit {again.ExitCode}: {Last(again.Output)}"));
        var anchor = await ImportBench.SqliteCliImportAsync(purchasesCsv, Path.Combine(work, "bare.db"));

        var s = new StringBuilder();
        s.AppendLine(c, $"# Purchase import benchmark, {rows:N0} rows ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        s.AppendLine();
        s.AppendLine(c, $"File: generated CDNOW-shaped log, seed {o.Seed}, {size / 1e6:N1} MB, client_email;date;total, {clients:N0} clients (imported first: {clientRun.Seconds:0.0} s).");
        s.AppendLine(c, $"Machine: {Environment.ProcessorCount} cores shared with other sessions; load average before {loadBefore}. SQLite. `clientele import purchases` as a child process: {ImportBench.ProgramName}.");
        s.AppendLine();
        s.AppendLine("| run | seconds | CPU s (user+sys) | rows/s | rows per CPU-s | peak MB | ratio to sqlite3 .import | CPU ratio | load after | result |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
        void Row(string name, (int ExitCode, double Seconds, double CpuSeconds, long PeakBytes, string Output) r, string load) =>
            s.AppendLine(c, $"| {name} | {r.Seconds:0.0} | {r.CpuSeconds:0.0} | {rows / r.Seconds:N0} | {(r.CpuSeconds > 0 ? (rows / r.CpuSeconds).ToString("N0", c) : "")} | {r.PeakBytes / 1e6:N0} | {(anchor is { } a ? (r.Seconds / a).ToString("0", c) + "×" : "n/a")} | {(ImportBench.AnchorCpuSeconds > 0 ? (r.CpuSeconds / ImportBench.AnchorCpuSeconds).ToString("0", c) + "×" : "n/a")} | {load} | {Last(r.Output).Replace("|", "/")} |");
        Row("first import (all new)", first, loadAfterFirst);
        Row("same file again (no numbers: every row a possible repeat)", again, loadAfterAgain);
        s.AppendLine(c, $"| sqlite3 `.import` into a bare table | {(anchor is { } b ? b.ToString("0.00", c) : "n/a")} | {ImportBench.AnchorCpuSeconds:0.00} | {(anchor is { } d ? (rows / d).ToString("N0", c) : "")} | | | 1× | 1× | | no validation, no indexes |");
        s.AppendLine();
        s.AppendLine("Targets from issue 19: the CDNOW log (69,659 rows) at ≥ 20,000 rows/s; 1,000,000 rows ≤ 60 s with peak memory ≤ 500 MB.");
        var report = s.ToString();
        Console.WriteLine(report);
        var outDir = o.OutDir ?? Path.Combine(Machine.RepoRoot(), "bench", "results");
        Directory.CreateDirectory(outDir);
        var file = Path.Combine(outDir, $"import-purchases-{DateTime.UtcNow:yyyy-MM-dd}-{rows}{(o.Label is null ? "" : "-" + o.Label)}.md");
        await File.WriteAllTextAsync(file, report);
        Console.WriteLine($"Written to {file}");
        if (!o.Keep) Directory.Delete(work, recursive: true);
        return first.ExitCode == 0 && again.ExitCode == 0 ? 0 : 1;
    }

    private static string Last(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? "";

    private static void Write(string clientsPath, string purchasesPath, int clients, int rows, int seed)
    {
        var random = new Random(seed);
        var c = CultureInfo.InvariantCulture;
        using (var writer = new StreamWriter(clientsPath, false, new UTF8Encoding(false), 1 << 20))
        {
            writer.WriteLine("name;email");
            for (var i = 0; i < clients; i++) writer.WriteLine(string.Create(c, $"Buyer {i};buyer{i}@cdnow.example"));
        }
        var start = new DateTime(1997, 1, 1);
        using var purchases = new StreamWriter(purchasesPath, false, new UTF8Encoding(false), 1 << 20);
        purchases.WriteLine("client_email;date;total");
        // Every client buys once in the first twelve weeks; the remaining rows are repeats of random clients after it.
        var firstDay = new int[clients];
        for (var i = 0; i < rows; i++)
        {
            int client, day;
            if (i < clients)
            {
                client = i;
                day = firstDay[i] = random.Next(84);
            }
            else
            {
                client = random.Next(clients);
                day = firstDay[client] + random.Next(0, 546 - firstDay[client]);
            }
            var total = Math.Round((decimal)Math.Exp(3.2 + 0.9 * Normal(random)), 2);
            purchases.WriteLine(string.Create(c, $"buyer{client}@cdnow.example;{start.AddDays(day):yyyy-MM-dd};{Math.Max(0.01m, total)}"));
        }
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
