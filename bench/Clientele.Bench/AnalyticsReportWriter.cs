using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Clientele.Bench;

public sealed record AnalyticsReportData(
    DateTime StartedAt, BenchOptions Options, Machine Machine, string LoadBefore, string LoadAfter, long FileBytes,
    FillResult? Clients, AnalyticsFillResult? Fill, List<ColdRun> Cold, Dictionary<DateOnly, List<CommandTiming>> Phases,
    DashboardResult Dashboard, DuckResult Duck, WriteResult Writes);

/// <summary>The analytics run as markdown and JSON.</summary>
public static class AnalyticsReportWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : ms < 100 ? "0.0" : "N0", Inv);

    public static string Markdown(AnalyticsReportData r)
    {
        var md = new StringBuilder();
        var o = r.Options;
        var m = r.Machine;
        md.AppendLine(Inv, $"# Clientele benchmark: analytics on SQLite, {o.Clients:N0} clients, {o.Purchases:N0} purchases ({r.StartedAt:yyyy-MM-dd HH:mm} UTC)");
        md.AppendLine();
        md.AppendLine(Inv, $"- Machine: {m.Cpu}, {m.Cores} cores, {m.MemoryGb} GB; {m.Os}; {m.Runtime}; SQLite {m.Sqlite}; DuckDB {r.Duck.Version}; commit {m.Commit}");
        md.AppendLine(Inv, $"- Load average (1/5/15 min) before: {r.LoadBefore}, after: {r.LoadAfter}. Other sessions' builds and tests shared the CPU, so the figures are pessimistic.");
        md.AppendLine(Inv, $"- Run: `--analytics{(o.Quick ? " --quick" : "")} --clients {o.Clients} --purchases {o.Purchases} --writes {o.Writes} --runs {o.Runs} --seed {o.Seed}`; database file {r.FileBytes / 1e6:N0} MB; \"today\" is {AnalyticsFill.Today:yyyy-MM-dd}.");
        md.AppendLine();
        md.AppendLine("## Results against the targets");
        md.AppendLine();
        md.AppendLine("| what | measured | target | anchor in the same run | ratio |");
        md.AppendLine("|---|---:|---:|---|---:|");
        var w = r.Writes;
        md.AppendLine(Inv, $"| (a) record a purchase (`EntityWriter.CreateAsync`, aggregates in the same transaction), n={w.All.N} | p50 {Ms(w.All.P50)} ms, **p95 {Ms(w.All.P95)} ms** | p95 ≤ 1 ms | raw INSERT + COMMIT, WAL, synchronous=FULL: p50 {Ms(w.Anchor.P50)}, p95 {Ms(w.Anchor.P95)} ms | {w.All.P95 / w.Anchor.P95:0.0}× |");
        if (w.SmallClients is { } s && w.LargeClients is { } l)
            md.AppendLine(Inv, $"| (a) … clients with < {w.LargeThreshold} purchases / ≥ {w.LargeThreshold} | p95 {Ms(s.P95)} ms (n={s.N}) / p95 {Ms(l.P95)} ms (n={l.N}) | | | |");
        foreach (var day in r.Cold.Select(c => c.Day).Distinct())
        {
            var runs = r.Cold.Where(c => c.Day == day).ToList();
            var duck = r.Duck.Days.First(d => d.Day == day);
            var best = runs.Min(c => c.TotalMs);
            var all = string.Join(", ", runs.Select(c => Ms(c.TotalMs)));
            var duckBest = duck.DuckMs.Min();
            md.AppendLine(Inv, $"| (b) summary for {day:yyyy-MM-dd}, cold (load + compute + view), best of {runs.Count} | **{Ms(best)} ms** (runs: {all}) | ≤ 2,000 ms | DuckDB RFM + ABC from Parquet: {Ms(duckBest)} ms | {best / duckBest:0.0}× |");
        }
        md.AppendLine(Inv, $"| (c) Pareto chart from the warm cache (`AnalyticsService.ReportAsync` + `AnalyticsViews.Pareto`) | p50 {Ms(r.Dashboard.Warm.P50)} ms, **p95 {Ms(r.Dashboard.Warm.P95)} ms** | ≤ 200 ms | | |");
        md.AppendLine(Inv, $"| (c) the same chart cold (computes the report) | **{Ms(r.Dashboard.ColdMs)} ms** | ≤ 200 ms | | |");
        foreach (var d in r.Duck.Days)
            md.AppendLine(Inv, $"| (d) RFM + ABC for {d.Day:yyyy-MM-dd}: ours (cold load + `Rfm.Score` + `AbcXyz.Abc`) vs DuckDB | {Ms(d.OursMs)} ms vs {Ms(d.DuckMs.Min())} ms | | DuckDB | **{d.OursMs / d.DuckMs.Min():0.0}×** |");
        md.AppendLine();
        md.Append(Inv, $"DuckDB export (SQLite → DuckDB appender → Parquet, timed apart from the queries): {r.Duck.Rows:N0} rows in {r.Duck.ExportMs / 1000:0.0} s, {r.Duck.ParquetBytes / 1e6:N0} MB. ");
        md.AppendLine("DuckDB times are the best of the runs, each on a fresh in-memory connection reading the Parquet files.");
        md.AppendLine();
        md.AppendLine("Both sides must reach the same counts per ABC class and RFM segment:");
        md.AppendLine();
        foreach (var d in r.Duck.Days)
            md.AppendLine(Inv, $"- {d.Day:yyyy-MM-dd}: **{(d.Equal ? "equal" : "DIFFERENT")}** — {d.Ours}{(d.Equal ? "" : $"; DuckDB: {d.Duck}")}");
        md.AppendLine();

        md.AppendLine("### Where a purchase write spends its time (mean per write, by statement)");
        md.AppendLine();
        md.AppendLine("| ms | rows | statement |");
        md.AppendLine("|---:|---:|---|");
        foreach (var c in r.Writes.Statements)
            md.AppendLine(Inv, $"| {Ms(c.Ms)} | {c.Rows:N0} | `{Short(c.Sql)}` |");
        md.AppendLine();
        md.AppendLine("## Cold summary runs");
        md.AppendLine();
        var names = r.Cold.SelectMany(c => c.Phases.Select(p => p.Name)).Distinct().ToList();
        md.AppendLine("Phases are the activities of the loader and of `AnalyticsReport.Compute` (`AnalyticsBaseLoader.Trace`): the first six make up the load (with the settings and channel reads), the rest the compute.");
        md.AppendLine();
        md.AppendLine($"| day | load ms | {string.Join(" | ", names.Select(n => n + " ms"))} | compute ms | view ms | total ms | allocated MB | clients | month rows |");
        md.AppendLine($"|---|---:|{string.Concat(names.Select(_ => "---:|"))}---:|---:|---:|---:|---:|---:|");
        foreach (var c in r.Cold)
        {
            var phases = string.Join(" | ", names.Select(n => Ms(c.Phases.Where(p => p.Name == n).Sum(p => p.Ms))));
            md.AppendLine(Inv, $"| {c.Day:yyyy-MM-dd} | {Ms(c.LoadMs)} | {phases} | {Ms(c.ComputeMs)} | {Ms(c.ViewMs)} | {Ms(c.TotalMs)} | {c.AllocatedMb:N0} | {c.Clients:N0} | {c.MonthRows:N0} |");
        }
        md.AppendLine();
        md.AppendLine("### Statements EF Core sent during the load (first run per day; from execution to the reader's disposal; the loader's own data-reader reads are in the phases above)");
        foreach (var (day, commands) in r.Phases)
        {
            md.AppendLine();
            md.AppendLine(Inv, $"{day:yyyy-MM-dd}: {commands.Count} statements, {Ms(commands.Sum(c => c.Ms))} ms in all.");
            md.AppendLine();
            md.AppendLine("| ms | rows | statement |");
            md.AppendLine("|---:|---:|---|");
            foreach (var c in commands.OrderByDescending(c => c.Ms).Take(8))
                md.AppendLine(Inv, $"| {Ms(c.Ms)} | {c.Rows:N0} | `{Short(c.Sql)}` |");
        }
        md.AppendLine();
        if (r.Clients is { } cl && r.Fill is { } f)
        {
            md.AppendLine("## Fill");
            md.AppendLine();
            md.AppendLine(Inv, $"- Clients (the grid bench's filler): {cl.Clients:N0} clients, {cl.Rows:N0} rows in {cl.Insert.TotalSeconds:0.0} s + indexes {cl.Indexing.TotalSeconds:0.0} s.");
            md.AppendLine(Inv, $"- Purchases: {f.Purchases:N0} purchases with one line each, {f.ServiceCosts:N0} service costs, {f.SpendRows:N0} channel-spend months, " +
                $"{f.MonthRows:N0} client-month rows and {f.RunningRows:N0} running-figures rows: {f.Rows:N0} rows in {f.Insert.TotalSeconds:0.0} s + indexes {f.Indexing.TotalSeconds:0.0} s " +
                $"= {f.RowsPerSecond:N0} rows/s; ANALYZE {f.Analyze.TotalSeconds:0.0} s. The busiest client has {f.MaxPurchasesPerClient:N0} purchases.");
            md.AppendLine("- Raw prepared INSERTs, purchases written client by client with their aggregates computed in the same pass by the app's `Ledger` (the math of `ClientFiguresUpdater` and `FiguresRebuild`); secondary indexes dropped during the insert and re-created from the migrations' SQL. All purchases in the base currency.");
        }
        return md.ToString();
    }

    private static string Short(string sql)
    {
        var flat = string.Join(' ', sql.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return (flat.Length > 160 ? flat[..160] + " …" : flat).Replace("|", "\\|", StringComparison.Ordinal);
    }

    public static string Json(AnalyticsReportData r) => JsonSerializer.Serialize(new
    {
        r.StartedAt,
        options = new { r.Options.Clients, r.Options.Purchases, r.Options.Writes, r.Options.Runs, r.Options.Seed, r.Options.Quick },
        r.Machine, r.LoadBefore, r.LoadAfter, r.FileBytes,
        fill = r.Fill is { } f ? new { f.Purchases, f.Lines, f.ServiceCosts, f.MonthRows, f.RunningRows, f.SpendRows, f.Rows, insertSeconds = f.Insert.TotalSeconds,
            indexSeconds = f.Indexing.TotalSeconds, f.RowsPerSecond, f.MaxPurchasesPerClient } : null,
        writes = new { statements = r.Writes.Statements.Select(c => new { c.Ms, c.Rows, sql = Short(c.Sql) }), all = r.Writes.All, anchor = r.Writes.Anchor, small = r.Writes.SmallClients, large = r.Writes.LargeClients, r.Writes.LargeThreshold, ratioP95 = r.Writes.All.P95 / r.Writes.Anchor.P95 },
        cold = r.Cold.Select(c => new { day = c.Day.ToString("yyyy-MM-dd", Inv), c.LoadMs, phases = c.Phases.Select(p => new { p.Name, p.Ms }), c.ComputeMs, c.ViewMs, c.TotalMs, c.AllocatedMb, c.Clients, c.MonthRows }),
        phases = r.Phases.ToDictionary(kv => kv.Key.ToString("yyyy-MM-dd", Inv), kv => kv.Value.Select(c => new { c.Ms, c.Rows, sql = Short(c.Sql) })),
        dashboard = new { r.Dashboard.ColdMs, warm = r.Dashboard.Warm },
        duckdb = new
        {
            r.Duck.Version, r.Duck.ExportMs, r.Duck.ParquetBytes, r.Duck.Rows,
            days = r.Duck.Days.Select(d => new { day = d.Day.ToString("yyyy-MM-dd", Inv), d.DuckMs, d.OursMs, ratio = d.OursMs / d.DuckMs.Min(), d.Equal, d.Ours, d.Duck }),
        },
    }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
