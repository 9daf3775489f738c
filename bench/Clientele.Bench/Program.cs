using System.Diagnostics;
using Clientele.Bench;

// Its own small command line (--messages N, --launch-only), outside the options of the base scenarios.
if (args.Contains("--campaign-send")) return await CampaignSendBench.RunAsync(args);
if (args.Contains("--tti")) return await TimeToInteractiveBench.RunAsync(args);
if (args.Contains("--co-occurrence")) return CoOccurrenceBench.Run(args);
if (args.Contains("--daily")) return await DailyWorkBench.RunAsync(args);

BenchOptions o;
try
{
    o = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine("error: " + e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

ImportBench.Program = o.Program;
if (o.Analytics) return await AnalyticsBench.RunAsync(o);
if (o.ClvFit) return await ClvFitBench.RunAsync(o);
if (o.ImportPurchases) return await PurchaseImportBench.RunAsync(o);
if (o.Import) return await ImportBench.RunAsync(o);
if (o.Reads) return await ReadsBench.RunAsync(o);

var started = DateTime.UtcNow;
var repo = Machine.RepoRoot();
var loadBefore = Machine.LoadAverage();
var temporary = o.DbPath is null;
var path = o.DbPath ?? Path.Combine(Path.GetTempPath(), "clientele-bench", $"bench-{o.SizeLabel}-{Environment.ProcessId}.db");
Console.WriteLine($"Clientele benchmark: {o.Clients:N0} clients, {o.Iterations} iterations per query; database {path}");
Console.WriteLine($"Load average before: {loadBefore} on {Environment.ProcessorCount} cores");

FillResult? fill = null;
EfSampleResult? ef = null;
BenchDatabase db;
if (o.Reuse)
{
    db = await BenchDatabase.OpenAsync(path);
    Console.WriteLine($"Reusing {path} ({db.FileBytes / 1e6:N0} MB, {db.ManagerIds.Count} managers).");
}
else
{
    var setup = Stopwatch.StartNew();
    db = await BenchDatabase.CreateAsync(path, o.Managers);
    Console.WriteLine($"Migrated and added {o.Managers} managers in {setup.Elapsed.TotalSeconds:0.0} s. Filling ...");
    fill = await Filler.FillAsync(db, o);
    Console.WriteLine($"Filled {fill.Clients:N0} clients, {fill.SearchTerms:N0} search terms, {fill.Tags:N0} tags in {fill.Insert.TotalSeconds:0.0} s " +
        $"+ indexes {fill.Indexing.TotalSeconds:0.0} s: {fill.ClientsPerSecond:N0} clients/s, {fill.RowsPerSecond:N0} rows/s; ANALYZE {fill.Analyze.TotalSeconds:0.0} s; file {fill.FileBytes / 1e6:N0} MB");
    if (o.EfSample > 0)
    {
        ef = await EfSample.RunAsync(db, o);
        Console.WriteLine($"EF Core sample: {ef.Clients:N0} clients in {ef.Elapsed.TotalSeconds:0.0} s = {ef.ClientsPerSecond:N0} clients/s, {ef.RowsPerSecond:N0} rows/s; " +
            $"rows differing from the raw fill: {ef.Mismatches}{(ef.Example is null ? "" : " e.g. " + ef.Example)}");
    }
}

TimeSpan? whatIf = null;
if (o.WhatIfIndexes)
{
    Console.WriteLine("Applying the proposed indexes (WhatIf.cs) ...");
    whatIf = WhatIf.ApplyIndexes(db);
    Console.WriteLine($"  done in {whatIf.Value.TotalSeconds:0.0} s; file {db.FileBytes / 1e6:N0} MB");
}

string sqliteVersion;
List<SampleClient> sample;
using (var connection = db.OpenRaw())
{
    using var version = connection.CreateCommand();
    version.CommandText = "SELECT sqlite_version()";
    sqliteVersion = (string)version.ExecuteScalar()!;
    var clients = Convert.ToInt32(new Microsoft.Data.Sqlite.SqliteCommand("SELECT MAX(\"Id\") FROM \"Clients\"", connection).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    sample = Scenarios.LoadSample(connection, clients, 5_000, o.Seed);
}

var results = new List<ScenarioResult>();
using (var capture = new SqlCapture())
await using (var runner = new QueryRunner(db, o, capture))
{
    var scenarios = Scenarios.All(sample, db.ManagerIds);
    for (var i = 0; i < scenarios.Count; i++)
    {
        if (o.Only is { } only && !scenarios[i].Name.Contains(only, StringComparison.OrdinalIgnoreCase)) continue;
        var result = await runner.RunAsync(scenarios[i], i);
        results.Add(result);
        Console.WriteLine(Report.Row(result));
    }
}
Report.PrintTable(results);

var report = new BenchReport(started, o, Machine.Describe(sqliteVersion, repo), loadBefore, Machine.LoadAverage(), fill, ef, whatIf, db.FileBytes, results);
// Smoke runs stay out of the repository unless asked for.
var outDir = o.OutDir ?? (o.Quick ? Path.Combine(Path.GetTempPath(), "clientele-bench", "results") : Path.Combine(repo, "bench", "results"));
Directory.CreateDirectory(outDir);
var name = $"{started:yyyy-MM-dd}-sqlite-{o.SizeLabel}{(o.Quick ? "-quick" : "")}{(o.Label is null ? "" : "-" + o.Label)}";
await File.WriteAllTextAsync(Path.Combine(outDir, name + ".md"), Report.Markdown(report));
await File.WriteAllTextAsync(Path.Combine(outDir, name + ".json"), Report.Json(report));
Console.WriteLine($"Wrote {Path.Combine(outDir, name)}.md and .json");

var misses = results.Where(r => !r.Pass).ToList();
foreach (var r in misses)
{
    Console.WriteLine($"\nMISS {r.Scenario.Name}: p95 {r.Total.P95:0.0} ms > {r.Scenario.TargetMs} ms");
    if (r.CountSql is not null) Console.WriteLine("  COUNT plan:\n    " + string.Join("\n    ", r.CountPlan));
    if (r.PageSql is not null) Console.WriteLine("  page plan:\n    " + string.Join("\n    ", r.PagePlan));
}
if (temporary && !o.Keep) BenchDatabase.Delete(path);
return 0;
