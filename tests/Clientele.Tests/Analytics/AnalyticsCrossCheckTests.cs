using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Clientele.Analytics.Calendar;
using Clientele.Data;
using Clientele.Features.Demo;
using Clientele.Features.Economics;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Analytics;

/// <summary>
/// The independent check of the analytics: a generated base is edited through the API (so the incremental aggregates
/// are what analytics read), then every client's row of <c>/analytics/clients</c> must equal what plain SQL over the
/// raw Purchases, ServiceCosts, Clients and ChannelSpend rows says, and the stored aggregates must equal a rebuild.
/// Its own database: it loads a few hundred clients.
/// </summary>
public abstract class AnalyticsCrossCheckTests(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly DateTime GeneratedAt = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>One client's figures in minor units (kopecks), as the SQL computes them.</summary>
    private sealed record SqlClient(long Id, int Purchases, DateOnly? LastPurchase, long Revenue, long CostOfGoods, long Discounts, long Bonuses,
        long Kickbacks, long ServiceCost, long Acquisition)
    {
        public long Contribution => Revenue - CostOfGoods - Bonuses - Kickbacks - ServiceCost - Acquisition;
    }

    private sealed record Row(long Id, int Purchases, DateOnly? LastPurchase, decimal Revenue, decimal GrossMargin, decimal Concessions,
        decimal CostToServe, decimal AcquisitionCost, decimal Contribution, string Abc);

    private sealed record FigureRow(long ClientId, int Month, decimal Revenue, decimal CostOfGoods, decimal Discounts, decimal Bonuses, decimal Kickbacks,
        decimal ServiceCost, int Purchases, DateOnly? FirstPurchase, DateOnly? LastPurchase, int Categories);

    [Fact]
    public async Task After_edits_through_the_api_every_clients_figures_equal_plain_sql_over_the_raw_rows()
    {
        var loaded = await App.ReadAsync(async db =>
        {
            var channels = await db.AcquisitionChannels.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
            var demo = new DemoData(7, GeneratedAt, [App.OwnerId], channels).Generate(300, 4_000);
            await DemoLoader.LoadAsync(db, demo, default);
            return (Spend: demo.ChannelSpend.Count, Euro: demo.Purchases.Count(p => p.Currency == "EUR"));
        });
        // The check is only as good as the base: channel spend to share, purchases in euros to convert.
        Assert.True(loaded.Spend > 0 && loaded.Euro > 0, $"the generated base lacks spend or euro purchases: {loaded}");

        var edits = await EditThroughApiAsync(new Random(11));
        Assert.Equal((40, 20, 22, 12, 2), edits);

        foreach (var day in new[] { new DateOnly(2026, 12, 31), new DateOnly(2026, 6, 30), new DateOnly(2025, 9, 15) })
        {
            var expected = Expected(await SqlFiguresAsync(day), await App.ReadAsync(db => db.CompanySettings.AsNoTracking().SingleAsync()));
            var actual = await ApiRowsAsync(day);
            Assert.Equal(expected.Select(r => r.Id), actual.Select(r => r.Id).Order());
            var byId = actual.ToDictionary(r => r.Id);
            var wrong = expected.Where(e => byId[e.Id] != e).Select(e => $"expected {e}\n     got {byId[e.Id]}").ToList();
            Assert.True(wrong.Count == 0, $"as of {day:yyyy-MM-dd}, {wrong.Count} of {expected.Count} clients differ:\n" + string.Join("\n", wrong.Take(5)));
            Assert.Contains(expected, e => e.Abc == "A");
            Assert.Contains(expected, e => e.Abc == "B");
        }

        // The clients' own purchase counters, and the aggregate tables against a rebuild from the raw rows.
        var counters = await App.ReadAsync(db => db.Clients.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, Count = c.PurchaseCount }).ToListAsync());
        var counted = await App.ReadAsync(db => db.Purchases.GroupBy(p => p.ClientId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal(counters.Select(c => (c.Id, counted.GetValueOrDefault(c.Id))), counters.Select(c => (c.Id, c.Count)));
        var incremental = await FiguresAsync();
        await App.ReadAsync(async db =>
        {
            await FiguresRebuild.RunAsync(db, default);
            return 0;
        });
        var rebuilt = await FiguresAsync();
        Assert.Equal(rebuilt.Running.Count, incremental.Running.Count);
        Assert.Equal(rebuilt.Running, incremental.Running);
        Assert.Equal(rebuilt.Months, incremental.Months);
    }

    /// <summary>Edits, deletions and new records, each through the API; returns how many of each were made.</summary>
    private async Task<(int Edits, int Deletes, int Creates, int Costs, int CostDeletes)> EditThroughApiAsync(Random rng)
    {
        var purchases = await App.ReadAsync(db => db.Purchases.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        var clients = await App.ReadAsync(db => db.Clients.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
        var costs = await App.ReadAsync(db => db.ServiceCosts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
        var channel = await App.ReadAsync(db => db.AcquisitionChannels.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        string Date(DateTime from, DateTime to) => from.AddMinutes(rng.NextDouble() * (to - from).TotalMinutes).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        decimal Money(double max) => Math.Round((decimal)(rng.NextDouble() * max), 2);
        decimal Rate() => Math.Round(85m + (decimal)rng.NextDouble() * 10m, 4);

        var edits = 0;
        for (var i = 0; i < 40; i++, edits++)
        {
            var id = purchases[rng.Next(purchases.Count)];
            var current = await GetJsonAsync($"/api/v1/purchases/{id}");
            var gross = current.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("amount").GetDecimal());
            object change = (i % 4) switch
            {
                0 => new { discount = Math.Round(gross * (decimal)rng.NextDouble() * 0.2m, 2), bonus = Money(500), kickback = Money(300) },
                // Payment dates must not precede the new date; they do not matter to these figures.
                1 => new { date = Date(new DateTime(2023, 7, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc)), paymentDue = (string?)null, paidOn = (string?)null },
                2 => new { lines = new[] { new { description = "Service", quantity = (decimal)rng.Next(1, 5), price = Money(20_000), unitCost = Money(5_000) } }, discount = 0m },
                _ => current.GetProperty("currency").GetString() == "EUR"
                    ? new { currency = "RUB", exchangeRate = (decimal?)1m }
                    : new { currency = "EUR", exchangeRate = (decimal?)Rate() },
            };
            await JsonAsync(await SendAsync(HttpMethod.Patch, $"/api/v1/purchases/{id}", change));
        }

        var deletes = 0;
        for (; deletes < 20; deletes++)
        {
            var id = purchases[rng.Next(purchases.Count)];
            purchases.Remove(id);
            Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/v1/purchases/{id}")).StatusCode);
        }

        // Two clients entered through the API: one won by a channel in a month the demo spent on (it joins that month's
        // cohort), one entered today with older purchases and no acquisition date.
        var won = Id(await CreateClientAsync("Won by a channel", new { acquisitionChannelId = channel, acquiredOn = "2025-03-10", acquisitionCost = 1234.56m }));
        var imported = Id(await CreateClientAsync("Imported with history"));
        clients.AddRange([won, imported]);
        var creates = 0;
        foreach (var clientId in Enumerable.Range(0, 20).Select(_ => clients[rng.Next(clients.Count)]).Append(won).Append(imported))
        {
            var euro = rng.Next(3) == 0;
            var from = clientId == won ? new DateTime(2025, 3, 10, 0, 0, 0, DateTimeKind.Utc) : new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            // The imported client's history lies before every day checked.
            var to = clientId == imported ? new DateTime(2024, 12, 31, 0, 0, 0, DateTimeKind.Utc) : new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
            var lines = new[] { new { description = "Extra", quantity = (decimal)rng.Next(1, 10), price = Money(3_000) + 1, unitCost = Money(1_000) } };
            await JsonAsync(await PostAsync("/api/v1/purchases", new
            {
                clientId, date = Date(from, to), currency = euro ? "EUR" : "RUB",
                exchangeRate = euro ? Rate() : (decimal?)null, discount = Money(1), bonus = Money(50), kickback = Money(20), lines,
            }), HttpStatusCode.Created);
            creates++;
        }

        var costsAdded = 0;
        for (; costsAdded < 12; costsAdded++)
        {
            var euro = costsAdded % 3 == 0;
            var date = DateOnly.FromDateTime(DateTime.Parse(Date(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc)), CultureInfo.InvariantCulture));
            await JsonAsync(await PostAsync("/api/v1/service-costs", new
            {
                clientId = clients[rng.Next(clients.Count)], date, category = "Support", amount = Money(4_000), currency = euro ? "EUR" : "RUB",
                exchangeRate = euro ? Rate() : (decimal?)null,
            }), HttpStatusCode.Created);
        }
        var costDeletes = 0;
        foreach (var id in costs.Take(2))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/v1/service-costs/{id}")).StatusCode);
            costDeletes++;
        }
        return (edits, deletes, creates, costsAdded, costDeletes);
    }

    /// <summary>
    /// Per client in the base as of the day, in kopecks, by SQL alone. Every amount is converted as the app does,
    /// Math.Round(amount × rate, 2, AwayFromZero), but in integers: kopecks × (rate × 10⁶), + ½ × 10⁶, integer-divided by 10⁶
    /// (all amounts are non-negative). SQLite keeps decimals as text, so they are read through REAL and rounded to whole
    /// kopecks (or millionths of a rate) once per value, which is exact for two (six) decimals. A channel's spend of a
    /// month is shared by the clients it won that month, rounded half up the same way.
    /// </summary>
    private Task<List<SqlClient>> SqlFiguresAsync(DateOnly day) => App.ReadAsync(async db =>
    {
        var pg = App.Target.Provider == DatabaseProvider.Postgres;
        string Scaled(string column, int factor) => pg
            ? $"CAST({column} * {factor} AS bigint)"
            : $"CAST(ROUND(CAST({column} AS REAL) * {factor}) AS INTEGER)";
        string Base(string column) => $"(({Scaled(column, 100)}) * ({Scaled("\"RateToBase\"", 1_000_000)}) + 500000) / 1000000";
        string Month(string column) => pg
            ? $"(CAST(EXTRACT(YEAR FROM {column}) AS integer) * 12 + CAST(EXTRACT(MONTH FROM {column}) AS integer) - 1)"
            : $"(CAST(substr({column}, 1, 4) AS INTEGER) * 12 + CAST(substr({column}, 6, 2) AS INTEGER) - 1)";
        // A client is in the base once created, won (acquisition date) or buying, whichever is first; a client without an
        // acquisition date counts as won on the earlier of the day it was entered and its first purchase.
        var sql = $"""
            WITH p AS (
                SELECT "ClientId" AS id, COUNT(*) AS n, MAX("Date") AS last, SUM({Base("\"Total\"")}) AS revenue,
                    SUM({Base("\"CostOfGoods\"")}) AS cogs, SUM({Base("\"Discount\"")}) AS discounts, SUM({Base("\"Bonus\"")}) AS bonuses,
                    SUM({Base("\"Kickback\"")}) AS kickbacks
                FROM "Purchases" WHERE "Date" < @end GROUP BY "ClientId"),
            first AS (SELECT "ClientId" AS id, MIN("Date") AS first FROM "Purchases" GROUP BY "ClientId"),
            c AS (
                SELECT cl."Id" AS id, cl."AcquisitionChannelId" AS channel, {Scaled("COALESCE(cl.\"AcquisitionCost\", 0)", 100)} AS direct,
                    {Month("cl.\"AcquiredOn\"")} AS acquired, cl."AcquiredOn" AS acquired_on, cl."CreatedAt" AS created, f.first AS first
                FROM "Clients" cl LEFT JOIN first f ON f.id = cl."Id"
                WHERE cl."CreatedAt" < @end OR cl."AcquiredOn" <= @day OR f.first < @end),
            cohort AS (SELECT channel, acquired, COUNT(*) AS n FROM c WHERE channel IS NOT NULL AND acquired_on IS NOT NULL GROUP BY channel, acquired),
            s AS (SELECT "ClientId" AS id, SUM({Base("\"Amount\"")}) AS cost FROM "ServiceCosts" WHERE "Date" <= @day GROUP BY "ClientId")
            SELECT c.id, COALESCE(p.n, 0), p.last, COALESCE(p.revenue, 0), COALESCE(p.cogs, 0), COALESCE(p.discounts, 0), COALESCE(p.bonuses, 0),
                COALESCE(p.kickbacks, 0), COALESCE(s.cost, 0), c.direct, COALESCE((2 * {Scaled("sp.\"Amount\"", 100)} + k.n) / (2 * k.n), 0),
                c.acquired_on, c.channel
            FROM c
            LEFT JOIN p ON p.id = c.id
            LEFT JOIN s ON s.id = c.id
            LEFT JOIN cohort k ON k.channel = c.channel AND k.acquired = c.acquired
            LEFT JOIN "ChannelSpend" sp ON sp."ChannelId" = c.channel AND sp."Month" = c.acquired AND sp."Month" <= @month
            ORDER BY c.id
            """;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            Add(command, "@end", day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            Add(command, "@day", day);
            Add(command, "@month", MonthIndex.Of(day));
            await using var reader = await command.ExecuteReaderAsync();
            var result = new List<SqlClient>();
            while (await reader.ReadAsync())
            {
                long Long(int i) => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
                // Clients entered without an acquisition date (only the API-made one here) carry no channel, so no share.
                Assert.True(!reader.IsDBNull(11) || reader.IsDBNull(12), $"client {Long(0)} has a channel but no acquisition date");
                result.Add(new SqlClient(Long(0), (int)Long(1), reader.IsDBNull(2) ? null : DateOnly.FromDateTime(reader.GetDateTime(2)),
                    Long(3), Long(4), Long(5), Long(6), Long(7), Long(8), Long(9) + Long(10)));
            }
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    });

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The rows the API must show: money from the SQL, ABC by contribution as the issue defines it.</summary>
    private static List<Row> Expected(List<SqlClient> sql, Clientele.Features.Company.CompanySettings settings)
    {
        // Largest contribution first (ties by id, i.e. by the base's order); A while the share before the client is below
        // the A cut-off, B below the B cut-off; a client that brings nothing or a loss is C.
        var positive = sql.Where(c => c.Contribution > 0).Sum(c => c.Contribution);
        var abc = sql.ToDictionary(c => c.Id, _ => "C");
        long before = 0;
        foreach (var c in sql.Where(c => c.Contribution > 0).OrderByDescending(c => c.Contribution).ThenBy(c => c.Id))
        {
            var share = (double)((before / 100m) / (positive / 100m));
            abc[c.Id] = share < settings.AbcA ? "A" : share < settings.AbcB ? "B" : "C";
            before += c.Contribution;
        }
        static decimal M(long kopecks) => kopecks / 100m;
        return [.. sql.Select(c => new Row(c.Id, c.Purchases, c.LastPurchase, M(c.Revenue), M(c.Revenue + c.Discounts - c.CostOfGoods),
            M(c.Discounts + c.Bonuses + c.Kickbacks), M(c.ServiceCost), M(c.Acquisition), M(c.Contribution), abc[c.Id]))];
    }

    private async Task<List<Row>> ApiRowsAsync(DateOnly day)
    {
        var rows = new List<Row>();
        const int pageSize = 100;
        for (var offset = 0; ; offset += pageSize)
        {
            var page = await GetJsonAsync($"/api/v1/analytics/clients?asOf={day:yyyy-MM-dd}&offset={offset}&limit={pageSize}");
            var items = page.GetProperty("items").EnumerateArray().ToList();
            rows.AddRange(items.Select(r => new Row(Id(r), r.GetProperty("purchases").GetInt32(),
                r.GetProperty("lastPurchase").ValueKind == JsonValueKind.Null ? null : DateOnly.Parse(r.GetProperty("lastPurchase").GetString()!, CultureInfo.InvariantCulture),
                r.GetProperty("revenue").GetDecimal(), r.GetProperty("grossMargin").GetDecimal(), r.GetProperty("concessions").GetDecimal(),
                r.GetProperty("costToServe").GetDecimal(), r.GetProperty("acquisitionCost").GetDecimal(), r.GetProperty("contribution").GetDecimal(),
                r.GetProperty("abc").GetString()!)));
            if (items.Count < pageSize)
            {
                Assert.Equal(page.GetProperty("total").GetInt32(), rows.Count);
                Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count());
                return rows;
            }
        }
    }

    private Task<(List<FigureRow> Running, List<FigureRow> Months)> FiguresAsync() => App.ReadAsync(async db => (
        await db.ClientFigures.AsNoTracking().OrderBy(f => f.ClientId)
            .Select(f => new FigureRow(f.ClientId, 0, f.Revenue, f.CostOfGoods, f.Discounts, f.Bonuses, f.Kickbacks, f.ServiceCost, f.Purchases,
                f.FirstPurchase, f.LastPurchase, f.Categories)).ToListAsync(),
        await db.ClientMonthFigures.AsNoTracking().OrderBy(f => f.ClientId).ThenBy(f => f.Month)
            .Select(f => new FigureRow(f.ClientId, f.Month, f.Revenue, f.CostOfGoods, f.Discounts, f.Bonuses, f.Kickbacks, f.ServiceCost, f.Purchases,
                f.FirstPurchase, f.LastPurchase, 0)).ToListAsync()));
}

public sealed class AnalyticsCrossCheckTestsOnSqlite(SqliteApp fixture) : AnalyticsCrossCheckTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-2")]
public sealed class AnalyticsCrossCheckTestsOnPostgres(PostgresApp fixture) : AnalyticsCrossCheckTests(fixture), IClassFixture<PostgresApp>;
