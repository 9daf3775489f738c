using System.Diagnostics;
using Clientele.Data;
using Clientele.Features.Clients;
using Clientele.Features.Company;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Bench;

public sealed record ScenarioResult(
    Scenario Scenario, Summary Total, Summary? Count, Summary? Page, int MedianMatches, int Found, int Expected, bool StoppedEarly,
    CapturedCommand? CountSql, CapturedCommand? PageSql, IReadOnlyList<string> CountPlan, IReadOnlyList<string> PagePlan)
{
    public bool Pass => Total.P95 <= Scenario.TargetMs;
}

/// <summary>
/// Times the app's own query code (<see cref="ClientQueries"/>), each request in a fresh DI scope as in the web app,
/// then re-runs the COUNT and the page statement EF sent on a raw connection to split the time between them.
/// </summary>
public sealed class QueryRunner(BenchDatabase db, BenchOptions o, SqlCapture capture) : IAsyncDisposable
{
    private readonly ServiceProvider _services = WhatIf.Services(db, o.Pragmas);
    private readonly SqliteConnection _raw = Open(db, o.Pragmas);

    private static SqliteConnection Open(BenchDatabase db, string? pragmas)
    {
        var connection = db.OpenRaw();
        WhatIf.Apply(connection, pragmas);
        return connection;
    }

    public async Task<ScenarioResult> RunAsync(Scenario s, int index)
    {
        var rng = new Random(o.Seed * 1_000 + index);
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < o.WarmUp && (i < 2 || warm.Elapsed < o.ScenarioBudget / 4); i++) await OnceAsync(s, s.Next(rng));
        capture.Take();

        List<double> totals = [], counts = [], pages = [];
        List<int> matches = [];
        int found = 0, expected = 0;
        CapturedCommand? countSql = null, pageSql = null;
        var budget = Stopwatch.StartNew();
        var sw = new Stopwatch();
        for (var i = 0; i < o.Iterations && (i < 5 || budget.Elapsed < o.ScenarioBudget); i++)
        {
            var q = s.Next(rng);
            sw.Restart();
            var (rows, total) = await OnceAsync(s, q);
            sw.Stop();
            totals.Add(sw.Elapsed.TotalMilliseconds);
            matches.Add(total ?? rows.Count);
            if (q.Expect is { } id)
            {
                expected++;
                if (rows.Any(r => r.Id == id)) found++;
            }
            var commands = capture.Take();
            // The first statement counts (or, for a search, fetches the candidate ids); the last one is the page.
            var statements = commands.Where(c => !c.IsSettings).ToList();
            var page = statements.LastOrDefault();
            var count = statements.Count > 1 ? statements[0] : null;
            if (count is not null) counts.Add(RawMilliseconds(count));
            if (page is not null) pages.Add(RawMilliseconds(page));
            countSql ??= count;
            pageSql ??= page;
        }
        return new ScenarioResult(s, Summary.Of(totals)!, Summary.Of(counts), Summary.Of(pages), matches.Order().ElementAt(matches.Count / 2),
            found, expected, totals.Count < o.Iterations, countSql, pageSql, Explain(countSql), Explain(pageSql));
    }

    private async Task<(List<ClientRow> Rows, int? Total)> OnceAsync(Scenario s, GridQuery q)
    {
        await using var scope = _services.CreateAsyncScope();
        var queries = new ClientQueries(scope.ServiceProvider.GetRequiredService<ClienteleDb>(), scope.ServiceProvider.GetRequiredService<CompanySettingsReader>());
        if (s.Kind != QueryKind.Api) return await queries.PageAsync(q.Filter, q.Sort, q.Descending, q.Skip, q.Take, CancellationToken.None);
        // The shape of GET /api/v1/clients: keyset on id, one row more than asked to know whether a next page exists.
        var filtered = await queries.FilteredAsync(q.Filter, CancellationToken.None);
        return (await ClientQueries.Project(filtered.Where(c => c.Id > q.After).OrderBy(c => c.Id).Take(q.Take + 1), queries.Access).ToListAsync(), null);
    }

    private double RawMilliseconds(CapturedCommand captured)
    {
        using var command = Raw(captured.Sql, captured);
        var sw = Stopwatch.StartNew();
        using var reader = command.ExecuteReader();
        var values = new object[reader.FieldCount];
        while (reader.Read()) reader.GetValues(values);
        return sw.Elapsed.TotalMilliseconds;
    }

    /// <summary>The plan SQLite picks, as an indented tree.</summary>
    private List<string> Explain(CapturedCommand? captured)
    {
        if (captured is null) return [];
        using var command = Raw("EXPLAIN QUERY PLAN " + captured.Sql, captured);
        using var reader = command.ExecuteReader();
        var depth = new Dictionary<long, int> { [0] = 0 };
        var lines = new List<string>();
        while (reader.Read())
        {
            var level = depth.GetValueOrDefault(reader.GetInt64(1)) + 1;
            depth[reader.GetInt64(0)] = level;
            lines.Add(new string(' ', 2 * (level - 1)) + reader.GetString(3));
        }
        return lines;
    }

    private SqliteCommand Raw(string sql, CapturedCommand captured)
    {
        var command = _raw.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in captured.Parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        await _raw.DisposeAsync();
        await _services.DisposeAsync();
    }
}
