using System.Globalization;
using System.Text;
using System.Text.Json;
using Clientele.Features.Clients;

namespace Clientele.Bench;

public sealed record BenchReport(
    DateTime StartedAt, BenchOptions Options, Machine Machine, string LoadBefore, string LoadAfter,
    FillResult? Fill, EfSampleResult? Ef, TimeSpan? WhatIfIndexes, long FileBytes, IReadOnlyList<ScenarioResult> Queries);

/// <summary>The results as a console table, a markdown file and a JSON file.</summary>
public static class Report
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void PrintTable(IEnumerable<ScenarioResult> results)
    {
        Console.WriteLine();
        Console.WriteLine($"{"query",-46} {"total",9} {"n",4} {"p50",7} {"p95",7} {"p99",7} {"mean",7} | {"COUNT/ids p50/p95",17} | {"page p50/p95",15} | target");
        foreach (var r in results) Console.WriteLine(Row(r));
        Console.WriteLine("All times in ms. p50..mean: the whole PageAsync call (EF, new scope); COUNT/ids and page: the same SQL re-run raw.");
    }

    public static string Row(ScenarioResult r) =>
        $"{r.Scenario.Name,-46} {r.MedianMatches,9:N0} {r.Total.N,4} {Ms(r.Total.P50),7} {Ms(r.Total.P95),7} {Ms(r.Total.P99),7} {Ms(r.Total.Mean),7} | {Pair(r.Count),17} | {Pair(r.Page),15} | " +
        $"{(r.Pass ? "ok" : "MISS")} ≤{r.Scenario.TargetMs:0}{(r.Expected > 0 ? $" found {r.Found}/{r.Expected}" : "")}";

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : ms < 100 ? "0.0" : "0", Inv);
    private static string Pair(Summary? s) => s is null ? "-" : $"{Ms(s.P50)} / {Ms(s.P95)}";

    public static string Markdown(BenchReport b)
    {
        var md = new StringBuilder();
        var o = b.Options;
        md.AppendLine(Inv, $"# Clientele benchmark: SQLite, {o.Clients:N0} clients ({b.StartedAt:yyyy-MM-dd HH:mm} UTC)");
        md.AppendLine();
        md.AppendLine(Inv, $"- Machine: {b.Machine.Cpu}, {b.Machine.Cores} cores, {b.Machine.MemoryGb} GB; {b.Machine.Os}; {b.Machine.Runtime}; SQLite {b.Machine.Sqlite}; commit {b.Machine.Commit}");
        md.AppendLine(Inv, $"- Load average (1/5/15 min) before: {b.LoadBefore}, after: {b.LoadAfter}. The CPU was shared with other builds and test runs on the same machine, so the figures are pessimistic.");
        md.AppendLine(Inv, $"- Run: `{(o.Quick ? "--quick " : "")}--clients {o.Clients} --iterations {o.Iterations} --warmup {o.WarmUp} --seed {o.Seed} --managers {o.Managers}`; page size {Scenarios.PageSize}; ANALYZE {(o.Analyze ? "run" : "not run")} after the fill; database file {b.FileBytes / 1e6:N0} MB.");
        if (b.WhatIfIndexes is { } w)
            md.AppendLine(Inv, $"- **What-if:** the proposed indexes of `WhatIf.cs` replaced the migrations' filter indexes ({w.TotalSeconds:0} s to build, then ANALYZE). Not the app's schema.");
        if (o.Pragmas is { } p)
            md.AppendLine(Inv, $"- **What-if:** every connection (the app's and the raw one) also ran `{p}`. Not the app's settings.");
        md.AppendLine();
        if (b.Fill is { } f)
        {
            md.AppendLine("## Fill");
            md.AppendLine();
            md.AppendLine("| clients | search terms | tags | rows | insert | index build | **clients/s** | **rows/s** | ANALYZE | checkpoint | ready after | file |");
            md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            md.AppendLine(Inv, $"| {f.Clients:N0} | {f.SearchTerms:N0} | {f.Tags:N0} | {f.Rows:N0} | {f.Insert.TotalSeconds:0.0} s | {f.Indexing.TotalSeconds:0.0} s | {f.ClientsPerSecond:N0} | {f.RowsPerSecond:N0} | " +
                $"{f.Analyze.TotalSeconds:0.0} s | {f.Checkpoint.TotalSeconds:0.0} s | {f.Total.TotalSeconds:0.0} s | {f.FileBytes / 1e6:N0} MB |");
            md.AppendLine();
            md.AppendLine("Rates count insert + index build. Raw prepared INSERTs (Microsoft.Data.Sqlite) into the migrated schema, one transaction per " +
                $"{o.BatchClients:N0} clients, synchronous=OFF during the fill; the migrations' secondary indexes on the three tables are dropped first and re-created " +
                "from their own SQL afterwards (the primary keys stay). Clients from `DemoData.GenerateClients`, terms from `ClientSearch.Sync`, generated on a second thread.");
        }
        if (b.Ef is { } ef)
        {
            md.AppendLine();
            md.AppendLine(Inv, $"EF Core sample (the app's `DemoLoader`, AddRange with change detection off, batches of 2,000, one transaction): {ef.Clients:N0} clients, {ef.Rows:N0} rows in {ef.Elapsed.TotalSeconds:0.0} s = " +
                $"{ef.ClientsPerSecond:N0} clients/s, {ef.RowsPerSecond:N0} rows/s. Rows differing from the raw fill (all columns but UpdatedAt): **{ef.Mismatches}**{(ef.Example is null ? "" : $" (e.g. {ef.Example})")}.");
        }
        md.AppendLine();
        md.AppendLine("## Queries");
        md.AppendLine();
        md.AppendLine("Whole call = `ClientQueries.PageAsync` (settings read + COUNT + page, fresh DI scope and DbContext per call, as per web request). " +
            "COUNT/ids and page = the SQL EF sent, re-run on a raw connection: the first statement counts (for a search, it fetches the ids of the first matches), the last one reads the page. Times in ms. Targets: grid p95 ≤ 30 ms, search p95 ≤ 50 ms.");
        md.AppendLine();
        md.AppendLine("| query | total (median) | n | p50 | p95 | p99 | mean | COUNT/ids p50 / p95 | page p50 / p95 | target |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in b.Queries)
            md.AppendLine(Inv, $"| {r.Scenario.Name} | {r.MedianMatches:N0} | {r.Total.N}{(r.StoppedEarly ? "*" : "")} | {Ms(r.Total.P50)} | {Ms(r.Total.P95)} | {Ms(r.Total.P99)} | {Ms(r.Total.Mean)} | {Pair(r.Count)} | {Pair(r.Page)} | " +
                $"{(r.Pass ? "ok" : "**miss**")} ≤ {r.Scenario.TargetMs:0}{(r.Expected > 0 ? $", found {r.Found}/{r.Expected}" : "")} |");
        md.AppendLine();
        md.AppendLine(Inv, $"total: the count PageAsync returns (it counts at most {ClientQueries.CountCap + 1:N0}); for api rows, the rows fetched. " +
            $"\\* stopped after the {o.ScenarioBudget.TotalSeconds:0} s budget per query. \"found\": the client whose phone/e-mail/tax id was typed is on the first page.");
        md.AppendLine();
        md.AppendLine("## SQL and plans");
        foreach (var r in b.Queries)
        {
            md.AppendLine();
            md.AppendLine(Inv, $"### {r.Scenario.Name}");
            foreach (var (label, sql, plan) in new[] { ("COUNT/ids", r.CountSql, r.CountPlan), ("page", r.PageSql, r.PagePlan) })
            {
                if (sql is null) continue;
                md.AppendLine();
                md.AppendLine("```sql");
                md.AppendLine(sql.ToString());
                md.AppendLine("```");
                md.AppendLine(Inv, $"{label} plan:");
                md.AppendLine("```");
                plan.ToList().ForEach(l => md.AppendLine(l));
                md.AppendLine("```");
            }
        }
        return md.ToString();
    }

    public static string Json(BenchReport b) => JsonSerializer.Serialize(new
    {
        b.StartedAt, options = new { b.Options.Clients, b.Options.Quick, b.Options.Iterations, b.Options.WarmUp, b.Options.Seed, b.Options.Managers, b.Options.BatchClients, b.Options.Analyze },
        b.Machine, b.LoadBefore, b.LoadAfter, b.FileBytes, whatIfIndexes = b.WhatIfIndexes?.TotalSeconds, b.Options.Pragmas,
        fill = b.Fill is { } f ? new { f.Clients, f.SearchTerms, f.Tags, f.Rows, insertSeconds = f.Insert.TotalSeconds, indexSeconds = f.Indexing.TotalSeconds,
            f.ClientsPerSecond, f.RowsPerSecond, readySeconds = f.Total.TotalSeconds, analyzeSeconds = f.Analyze.TotalSeconds, checkpointSeconds = f.Checkpoint.TotalSeconds, f.FileBytes } : null,
        ef = b.Ef is { } e ? new { e.Clients, e.Rows, seconds = e.Elapsed.TotalSeconds, e.ClientsPerSecond, e.RowsPerSecond, e.Mismatches, e.Example } : null,
        queries = b.Queries.Select(r => new
        {
            name = r.Scenario.Name, kind = r.Scenario.Kind.ToString(), targetMs = r.Scenario.TargetMs, r.Pass, r.MedianMatches, r.Found, r.Expected,
            total = r.Total, count = r.Count, page = r.Page, r.StoppedEarly, countSql = r.CountSql?.ToString(), pageSql = r.PageSql?.ToString(), r.CountPlan, r.PagePlan,
        }),
    }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
