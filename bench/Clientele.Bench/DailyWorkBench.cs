using System.Diagnostics;
using System.Globalization;
using System.Text;
using Clientele.Data;
using Clientele.Features.Access;
using Clientele.Features.Clients;
using Clientele.Features.FollowUp;
using Clientele.Features.Identity;
using Clientele.Features.Pipeline;
using Clientele.Features.Tasks;
using Clientele.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Bench;

/// <summary>
/// The sales team's day (<c>--daily [--deals N] [--clients N] [--iterations N] [--db PATH]</c>), issue 21's speed targets: the pipeline
/// board with 10,000 open deals as the owner sees it, and "my day" of a manager with 2,000 clients, each ≤ 200 ms p95 on the
/// server. A fresh SQLite base: the clients (a tenth of them the manager's), the open deals spread over the open stages and
/// the managers, and the manager's tasks (a third overdue), unhappy survey answers and referrals. Each iteration opens a
/// fresh DI scope and context in the reader's own access scope, as a request does, and runs what the page runs: the board's
/// stages, counts, cards (<see cref="PipelinePage.CardsShownAsync"/>, with its audit entry) and forecast; <see cref="MyDay.LoadAsync"/>.
/// The anchor, in the same run: the same rows read by hand-written SQL on a raw connection (the floor under either page).
/// </summary>
public static class DailyWorkBench
{
    private const int CardsPerColumn = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        int Option(string name, int fallback) =>
            args.SkipWhile(a => a != name).Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(fallback);
        var dealCount = Option("--deals", 10_000);
        var clientCount = Option("--clients", 20_000);
        var iterations = Option("--iterations", 100);
        // --db PATH keeps the filled base afterwards (to look at its query plans); without it the file is temporary.
        var kept = args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault();
        var path = kept ?? Path.Combine(Path.GetTempPath(), $"clientele-daily-bench-{Environment.ProcessId}.db");
        var loadBefore = Machine.LoadAverage();
        Console.WriteLine($"Daily-work bench: {clientCount:N0} clients, {dealCount:N0} open deals on {path}; load average before: {loadBefore} on {Environment.ProcessorCount} cores");
        var app = AppHost.Build(["--Clientele:Jobs:Schedule=off"], DatabaseTarget.Parse("sqlite:" + path));
        try
        {
            var fill = Stopwatch.StartNew();
            long owner, manager;
            await using (var scope = app.Services.CreateSystemScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
                await Migrator.MigrateAsync(db);
                var users = scope.ServiceProvider.GetRequiredService<UserManager<Employee>>();
                owner = (await UserAdmin.AddAsync(users, "owner@bench.example", EmployeeRole.Owner, "Owner", "a-long-bench-passphrase", TimeProvider.System)).Id;
                manager = (await UserAdmin.AddAsync(users, "manager@bench.example", EmployeeRole.Manager, "Manager", "a-long-bench-passphrase", TimeProvider.System)).Id;
                var others = new List<long>();
                for (var i = 0; i < 9; i++)
                    others.Add((await UserAdmin.AddAsync(users, $"m{i}@bench.example", EmployeeRole.Manager, $"Manager {i}", "a-long-bench-passphrase", TimeProvider.System)).Id);
                await FillAsync(db, clientCount, dealCount, manager, others);
            }
            Console.WriteLine($"  filled in {fill.Elapsed.TotalSeconds:F1} s");

            using var statements = new StatementTimes();
            var board = await TimeAsync(iterations, async () =>
            {
                await using var scope = app.Services.CreateSystemScope();
                var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
                db.Access = AccessScope.ForEmployee(owner, EmployeeRole.Owner);
                var stages = await PipelineStagesApi.OrderedAsync(db);
                var counts = await db.Deals.GroupBy(d => d.StageId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
                var cards = await PipelinePage.CardsShownAsync(db, stages, CardsPerColumn, default);
                var forecast = await PipelineForecast.ByMonthAsync(db);
                return (cards?.Count ?? -1) + counts.Count + forecast.Count;
            });
            var boardStatements = statements.Take();
            var myDay = await TimeAsync(iterations, async () =>
            {
                await using var scope = app.Services.CreateSystemScope();
                var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
                db.Access = AccessScope.ForEmployee(manager, EmployeeRole.Manager);
                var day = await MyDay.LoadAsync(db, manager, TimeProvider.System, default);
                return day.Tasks.Count + day.Deals.Count + day.Unhappy.Count + day.Referrals.Count;
            });
            var myDayStatements = statements.Take();
            var (boardAnchor, myDayAnchor) = Anchors(path, manager, iterations);

            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"# Daily work: the board and my day ({DateTime.UtcNow:yyyy-MM-dd})");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"{clientCount:N0} clients ({clientCount / 10:N0} the manager's), {dealCount:N0} open deals, SQLite, {iterations} iterations each after {Warmup} warm-up ones; load average before {loadBefore}, after {Machine.LoadAverage()}, {Environment.ProcessorCount} cores.");
            report.AppendLine();
            report.AppendLine("| what | rows | p50 ms | p95 ms | p99 ms | anchor p50 | anchor p95 | p95 / anchor p95 |");
            report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            report.AppendLine(Row("board (owner: stages, counts, 100 cards per stage with their audit entry, forecast)", board, boardAnchor));
            report.AppendLine(Row("my day (a manager with 2,000 clients)", myDay, myDayAnchor));
            report.AppendLine();
            report.AppendLine("Target (issue 21): ≤ 200 ms p95 server side for each. The anchor reads the same rows by hand-written SQL on a raw connection in the same run.");
            foreach (var (page, timings) in new[] { ("board", boardStatements), ("my day", myDayStatements) })
            {
                report.AppendLine();
                report.AppendLine(CultureInfo.InvariantCulture, $"Statements of {page} (all iterations with the warm-up; from execution to the reader's disposal), the costliest first:");
                report.AppendLine();
                report.AppendLine("| statement | runs | mean ms | share of the statements' time |");
                report.AppendLine("|---|---:|---:|---:|");
                var total = timings.Sum(t => t.Value.Ms);
                if (Environment.GetEnvironmentVariable("CLIENTELE_BENCH_SQL") == "1")
                    foreach (var sql in timings.OrderByDescending(t => t.Value.Ms).Take(2).Select(t => t.Key)) Console.WriteLine($"-- {page}:\n{sql}\n");
                foreach (var (sql, (runs, ms)) in timings.OrderByDescending(t => t.Value.Ms).Take(8))
                    report.AppendLine(CultureInfo.InvariantCulture, $"| `{Shown(sql)}` | {runs} | {ms / runs:F2} | {100 * ms / total:F0}% |");
            }
            Console.WriteLine(report);
            var results = Path.Combine(Machine.RepoRoot(), "bench", "results");
            Directory.CreateDirectory(results);
            var file = Path.Combine(results, $"daily-{DateTime.UtcNow:yyyy-MM-dd}-{dealCount / 1000}k-deals.md");
            await File.WriteAllTextAsync(file, report.ToString());
            Console.WriteLine($"written {file}");
            return 0;
        }
        finally
        {
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
            if (kept is null)
                foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        }
    }

    private const int Warmup = 10;

    /// <summary>A statement in a table cell: what it reads from and its filter, as far as 160 characters go.</summary>
    private static string Shown(string sql)
    {
        var from = sql.IndexOf(" FROM ", StringComparison.Ordinal);
        var tail = from < 0 ? sql : sql[..Math.Min(sql.Length, 14)] + " …" + sql[from..];
        return (tail.Length <= 160 ? tail : tail[..160] + "…").Replace("|", "\\|", StringComparison.Ordinal);
    }

    private static string Row(string what, (Summary Time, int Rows) measured, Summary anchor) => string.Create(CultureInfo.InvariantCulture,
        $"| {what} | {measured.Rows:N0} | {measured.Time.P50:F1} | {measured.Time.P95:F1} | {measured.Time.P99:F1} | {anchor.P50:F2} | {anchor.P95:F2} | {measured.Time.P95 / anchor.P95:F1}× |");

    private static async Task<(Summary Time, int Rows)> TimeAsync(int iterations, Func<Task<int>> run)
    {
        var rows = 0;
        for (var i = 0; i < Warmup; i++) rows = await run();
        var samples = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            rows = await run();
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return (Summary.Of(samples)!, rows);
    }

    /// <summary>
    /// The clients (every tenth the manager's, the rest spread over nine colleagues), the open deals over the open stages
    /// and all ten managers (closing dates over the next eight weeks), and the manager's day: 600 tasks due up to a week
    /// before or after today, 50 unhappy answers, 30 open referrals.
    /// </summary>
    private static async Task FillAsync(ClienteleDb db, int clientCount, int dealCount, long manager, List<long> others)
    {
        var now = db.UtcNow;
        var today = DateOnly.FromDateTime(now);
        db.BulkLoad = true;
        var managers = new[] { manager }.Concat(others).ToArray();
        for (var start = 0; start < clientCount; start += 5_000)
        {
            db.AddRange(Enumerable.Range(start, Math.Min(5_000, clientCount - start)).Select(i => new Client { Name = $"Bench client {i}", ManagerId = managers[i % 10] }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        var clients = await db.Clients.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.ManagerId }).ToListAsync();
        var mine = clients.Where(c => c.ManagerId == manager).Select(c => c.Id).ToList();
        var open = await db.Set<PipelineStage>().Where(s => s.Outcome == StageOutcome.Open).OrderBy(s => s.Position).Select(s => s.Id).ToListAsync();
        var random = new Random(21);
        for (var start = 0; start < dealCount; start += 5_000)
        {
            db.AddRange(Enumerable.Range(start, Math.Min(5_000, dealCount - start)).Select(i =>
            {
                var client = clients[random.Next(clients.Count)];
                return new Deal
                {
                    ClientId = client.Id, ManagerId = client.ManagerId, Title = $"Deal {i}", Currency = "EUR", Value = 500 + random.Next(50_000),
                    StageId = open[i % open.Count], StageEnteredAt = now.AddHours(-random.Next(24 * 60)), ExpectedCloseOn = today.AddDays(random.Next(56)),
                };
            }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        db.AddRange(Enumerable.Range(0, 600).Select(i => new FollowUpTask
            { ClientId = mine[i % mine.Count], AssigneeId = manager, Title = $"Call {i}", DueAt = now.AddHours(-24 * 7 + i * 24 * 14 / 600) }));
        db.AddRange(mine.Take(50).Select(id => new Features.Surveys.SurveyAnswer { ClientId = id, Satisfaction = 4, AnsweredAt = now.AddDays(-3) }));
        db.AddRange(mine.Skip(50).Take(30).Select((id, i) => new Lead { Name = $"Referred {i}", Source = LeadSource.Referral, Status = LeadStatus.Open, ReferrerClientId = id, CreatedAt = now.AddDays(-2) }));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
    }

    /// <summary>The floor: the board's counts and each open stage's newest cards, and the manager's tasks and week's deals, by hand-written SQL.</summary>
    private static (Summary Board, Summary MyDay) Anchors(string path, long manager, int iterations)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        var stages = new List<long>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT \"Id\" FROM \"PipelineStages\" WHERE \"Outcome\" = 0 ORDER BY \"Position\"";
            using var reader = list.ExecuteReader();
            while (reader.Read()) stages.Add(reader.GetInt64(0));
        }
        using var counts = connection.CreateCommand();
        counts.CommandText = "SELECT \"StageId\", COUNT(*) FROM \"Deals\" GROUP BY \"StageId\"";
        using var cards = connection.CreateCommand();
        cards.CommandText = "SELECT d.\"Id\", d.\"Title\", d.\"Value\", d.\"Currency\", d.\"StageEnteredAt\", c.\"Name\" FROM \"Deals\" d JOIN \"Clients\" c ON c.\"Id\" = d.\"ClientId\" " +
            "WHERE d.\"StageId\" = $s ORDER BY d.\"StageEnteredAt\" DESC, d.\"Id\" DESC LIMIT 100";
        var stage = cards.Parameters.Add("$s", SqliteType.Integer);
        using var tasks = connection.CreateCommand();
        tasks.CommandText = "SELECT t.\"Id\", t.\"Title\", t.\"DueAt\", c.\"Name\" FROM \"Tasks\" t JOIN \"Clients\" c ON c.\"Id\" = t.\"ClientId\" " +
            "WHERE t.\"AssigneeId\" = $m AND NOT t.\"Done\" AND t.\"DueAt\" < $end ORDER BY t.\"DueAt\" LIMIT 200";
        tasks.Parameters.AddWithValue("$m", manager);
        tasks.Parameters.AddWithValue("$end", DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        using var deals = connection.CreateCommand();
        deals.CommandText = "SELECT d.\"Id\", d.\"Title\", d.\"Value\", c.\"Name\" FROM \"Deals\" d JOIN \"Clients\" c ON c.\"Id\" = d.\"ClientId\" " +
            "WHERE d.\"ManagerId\" = $m AND d.\"ExpectedCloseOn\" >= $from AND d.\"ExpectedCloseOn\" <= $to ORDER BY d.\"ExpectedCloseOn\", d.\"Id\" LIMIT 200";
        deals.Parameters.AddWithValue("$m", manager);
        deals.Parameters.AddWithValue("$from", DateTime.UtcNow.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        deals.Parameters.AddWithValue("$to", DateTime.UtcNow.Date.AddDays(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        static int Drain(SqliteCommand command)
        {
            using var reader = command.ExecuteReader();
            var rows = 0;
            while (reader.Read()) rows++;
            return rows;
        }
        Summary Measure(Func<int> run)
        {
            for (var i = 0; i < Warmup; i++) run();
            var samples = new List<double>(iterations);
            for (var i = 0; i < iterations; i++)
            {
                var started = Stopwatch.GetTimestamp();
                run();
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return Summary.Of(samples)!;
        }
        var board = Measure(() =>
        {
            var rows = Drain(counts);
            foreach (var id in stages)
            {
                stage.Value = id;
                rows += Drain(cards);
            }
            return rows;
        });
        var myDay = Measure(() => Drain(tasks) + Drain(deals));
        return (board, myDay);
    }
}

/// <summary>
/// Every statement EF ran while it is alive, from EF's diagnostic events (the app's contexts are not touched): time from
/// execution to the reader's disposal, summed per statement (its text on one line; the report shows where each reads from).
/// </summary>
internal sealed class StatementTimes : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _all;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Dictionary<string, (int Runs, double Ms)> _times = [];

    public StatementTimes() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public Dictionary<string, (int Runs, double Ms)> Take()
    {
        lock (_times)
        {
            var taken = new Dictionary<string, (int Runs, double Ms)>(_times);
            _times.Clear();
            return taken;
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name != Microsoft.EntityFrameworkCore.DbLoggerCategory.Name) return;
        lock (_subscriptions)
            _subscriptions.Add(listener.Subscribe(this, name => name == Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.DataReaderDisposing.Name
                || name == Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted.Name));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> e)
    {
        var (command, ms) = e.Value switch
        {
            Microsoft.EntityFrameworkCore.Diagnostics.DataReaderDisposingEventData d => (d.Command, (DateTimeOffset.UtcNow - d.StartTime).TotalMilliseconds),
            // A reader's time is counted when it is disposed; a command without one (a write, a scalar) when it ends.
            Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData c when c.Result is not System.Data.Common.DbDataReader => (c.Command, c.Duration.TotalMilliseconds),
            _ => (null, 0),
        };
        if (command is null) return;
        var text = System.Text.RegularExpressions.Regex.Replace(command.CommandText, @"\s+", " ");
        lock (_times) _times[text] = _times.TryGetValue(text, out var t) ? (t.Runs + 1, t.Ms + ms) : (1, ms);
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions) _subscriptions.ForEach(s => s.Dispose());
    }
}
