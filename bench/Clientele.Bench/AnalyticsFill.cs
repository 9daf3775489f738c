using System.Diagnostics;
using Clientele.Analytics.Calendar;
using Clientele.Analytics.Economics;
using Clientele.Features.Economics;
using Microsoft.Data.Sqlite;

namespace Clientele.Bench;

public sealed record AnalyticsFillResult(long Purchases, long Lines, long ServiceCosts, long MonthRows, long RunningRows, long SpendRows,
    int MaxPurchasesPerClient, TimeSpan Insert, TimeSpan Indexing, TimeSpan Analyze)
{
    public long Rows => Purchases + Lines + ServiceCosts + MonthRows + RunningRows + SpendRows;
    public double RowsPerSecond => Rows / (Insert + Indexing).TotalSeconds;
}

/// <summary>
/// Purchases (one line each), service costs and channel spend for the clients already filled, in the base currency,
/// through prepared raw INSERTs; the aggregates are written in the same pass, client by client, with the app's own
/// <see cref="Ledger"/> (the math <c>ClientFiguresUpdater</c> and <c>FiguresRebuild</c> use), so no second pass over
/// ten million rows is needed.
/// </summary>
public static class AnalyticsFill
{
    /// <summary>"Today" of the generated base: the generator's fixed date.</summary>
    public static readonly DateOnly Today = DateOnly.FromDateTime(Filler.AsOfUtc);

    /// <summary>The bench's figures are written directly in UTC days; its base is set to UTC below so the app reads them the same (ADR 023).</summary>
    private static readonly Clientele.Features.Company.CompanyDays BenchDays = Clientele.Features.Company.CompanyDays.Utc;

    /// <summary>Heavy-tailed appetite (Pareto α = 1.16, as the demo) capped at 1,000 × the smallest: a few clients buy thousands of times.</summary>
    private const double Alpha = 1.16, WeightCap = 1_000;

    private static readonly string[] Tables = ["Purchases", "PurchaseLines", "ServiceCosts", "ClientMonthFigures", "ClientFigures", "ChannelSpend"];

    private sealed record ClientRow(long Id, DateOnly AcquiredOn, int Status, DateOnly? LostOn, long? ManagerId);

    public static AnalyticsFillResult Fill(BenchDatabase db, BenchOptions o)
    {
        var rng = new Random(o.Seed + 7);
        using var connection = db.OpenRaw();
        Filler.Exec(connection, "PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-2000000; PRAGMA threads=2;");
        var clients = ReadClients(connection);
        var products = AddCatalogue(connection, rng);
        Filler.Exec(connection, "UPDATE \"CompanySettings\" SET \"TimeZone\" = 'UTC';");

        // Purchase counts per client: systematic sampling of the weights gives exactly o.Purchases in all.
        var weights = clients.Select(c => c.Status == 0 ? 0 : Math.Min(WeightCap, Math.Pow(1 - rng.NextDouble(), -1 / Alpha))).ToArray();
        var total = weights.Sum();
        var counts = new int[clients.Count];
        double cumulative = 0, offset = rng.NextDouble();
        long assigned = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            cumulative += weights[i] / total * o.Purchases;
            var upTo = (long)Math.Floor(cumulative + offset);
            counts[i] = (int)(upTo - assigned);
            assigned = upTo;
        }

        var indexes = SecondaryIndexes(connection);
        foreach (var (name, _) in indexes) Filler.Exec(connection, $"DROP INDEX \"{name}\";");
        var insert = Stopwatch.StartNew();
        using var purchases = new PreparedInsert(connection, "Purchases",
            ["Id", "ClientId", "Date", "Discount", "Bonus", "Kickback", "Total", "CostOfGoods", "Currency", "RateToBase", "ManagerId", "CreatedAt", "UpdatedAt", "Version"]);
        using var lines = new PreparedInsert(connection, "PurchaseLines", ["Id", "PurchaseId", "ProductId", "Quantity", "Price", "UnitCost"]);
        using var costs = new PreparedInsert(connection, "ServiceCosts",
            ["Id", "ClientId", "Date", "Category", "Amount", "Currency", "RateToBase", "CreatedAt", "UpdatedAt", "Version"]);
        string[] figures = ["ClientId", "Revenue", "CostOfGoods", "Discounts", "Bonuses", "Kickbacks", "ServiceCost", "Purchases", "FirstPurchase", "LastPurchase"];
        using var months = new PreparedInsert(connection, "ClientMonthFigures", [.. figures, "Month"]);
        using var running = new PreparedInsert(connection, "ClientFigures", [.. figures, "Categories"]);
        using var spend = new PreparedInsert(connection, "ChannelSpend", ["ChannelId", "Month", "Amount", "UpdatedAt"]);
        PreparedInsert[] all = [purchases, lines, costs, months, running, spend];

        var transaction = connection.BeginTransaction();
        foreach (var p in all) p.Enlist(transaction);
        var start = Filler.AsOfUtc.AddYears(-3);
        var savedAt = DateTime.UtcNow;
        long purchaseId = 0, costId = 0, monthRows = 0, runningRows = 0, spendRows = 0;
        var ledger = new List<LedgerPurchase>();
        var categories = new HashSet<long>();
        for (var i = 0; i < clients.Count; i++)
        {
            if (i % 50_000 == 0 && i > 0)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction();
                foreach (var p in all) p.Enlist(transaction);
                if (i % 200_000 == 0)
                    Console.WriteLine($"  {i,9:N0} clients  {purchaseId,11:N0} purchases  {(purchaseId * 2 + monthRows + runningRows) / insert.Elapsed.TotalSeconds,9:N0} rows/s");
            }
            var c = clients[i];
            if (counts[i] == 0) continue;
            var from = c.AcquiredOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            if (from < start) from = start;
            var to = c.LostOn is { } lost ? lost.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : Filler.AsOfUtc;
            if (to <= from) to = from.AddDays(1);
            ledger.Clear();
            categories.Clear();
            for (var k = 0; k < counts[i]; k++)
            {
                var date = from.AddSeconds(Math.Floor(rng.NextDouble() * (to - from).TotalSeconds));
                var product = products[rng.Next(products.Count)];
                var quantity = (decimal)rng.Next(1, 6);
                var gross = quantity * product.Price;
                var discount = rng.NextDouble() < 0.3 ? Math.Round(gross * (decimal)(rng.NextDouble() * 0.15), 2) : 0;
                var bonus = rng.NextDouble() < 0.1 ? Math.Round(gross * 0.03m, 2) : 0;
                var kickback = rng.NextDouble() < 0.05 ? Math.Round(gross * 0.05m, 2) : 0;
                var totalAmount = Math.Round(gross - discount, 2);
                var cost = Math.Round(quantity * product.UnitCost, 2);
                purchaseId++;
                purchases.Add(purchaseId, c.Id, date, discount, bonus, kickback, totalAmount, cost, "RUB", 1m, c.ManagerId, date, savedAt > date ? savedAt : date, 1L);
                lines.Add(purchaseId, purchaseId, product.Id, quantity, product.Price, product.UnitCost);
                ledger.Add(ClientFiguresUpdater.ToLedger(BenchDays, date, totalAmount, cost, discount, bonus, kickback, 1m));
                categories.Add(product.CategoryId);
            }
            LedgerCost[] serviceCosts = [];
            if (rng.NextDouble() < 0.4)
            {
                var day = Today.AddDays(-rng.Next(1, 700));
                var amount = Math.Round((decimal)(rng.NextDouble() * 5000 + 300), 0);
                costs.Add(++costId, c.Id, day, rng.Next(0, 5), amount, "RUB", 1m, savedAt, savedAt, 1L);
                serviceCosts = [new LedgerCost(day, amount)];
            }
            var byMonth = Ledger.ByMonth(ledger.ToArray(), serviceCosts);
            foreach (var m in byMonth)
            {
                months.Add([.. Columns(c.Id, m), m.Month]);
                monthRows++;
            }
            running.Add([.. Columns(c.Id, Ledger.Total(byMonth)), categories.Count]);
            runningRows++;
        }

        // Paid channels spend every month of the four years; word of mouth next to nothing.
        var channels = db.ChannelIds;
        decimal[] levels = [0m, 150_000m, 600_000m, 1_500_000m];
        foreach (var channel in channels)
        {
            var level = levels[rng.Next(levels.Length)];
            if (level == 0) continue;
            for (var month = MonthIndex.Of(Today) - 48; month <= MonthIndex.Of(Today); month++)
            {
                spend.Add(channel, month, Math.Round(level * (decimal)(0.7 + rng.NextDouble() * 0.6) / 100) * 100, savedAt);
                spendRows++;
            }
        }
        transaction.Commit();
        transaction.Dispose();
        insert.Stop();
        Console.WriteLine($"  inserted {purchaseId:N0} purchases and lines, {costId:N0} costs, {monthRows:N0} month rows, {runningRows:N0} running rows in {insert.Elapsed.TotalSeconds:0.0} s; creating {indexes.Count} indexes ...");

        var build = Stopwatch.StartNew();
        foreach (var (name, sql) in indexes)
        {
            var one = Stopwatch.StartNew();
            Filler.Exec(connection, sql);
            Console.WriteLine($"    {name}: {one.Elapsed.TotalSeconds:0.0} s");
        }
        build.Stop();
        var analyze = Stopwatch.StartNew();
        Filler.Exec(connection, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        return new AnalyticsFillResult(purchaseId, purchaseId, costId, monthRows, runningRows, spendRows, counts.Max(), insert.Elapsed, build.Elapsed, analyze.Elapsed);
    }

    /// <summary>The figures columns as the app stores them: money in minor units, days as day numbers.</summary>
    private static object?[] Columns(long clientId, LedgerMonth m) =>
    [
        clientId, Minor(m.Revenue), Minor(m.CostOfGoods), Minor(m.Discounts), Minor(m.Bonuses), Minor(m.Kickbacks), Minor(m.ServiceCost),
        m.Purchases, m.FirstPurchase?.DayNumber, m.LastPurchase?.DayNumber,
    ];

    private static long Minor(decimal value) => (long)(value * 100m);

    private static List<ClientRow> ReadClients(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\", \"AcquiredOn\", \"Status\", \"LostOn\", \"ManagerId\" FROM \"Clients\" ORDER BY \"Id\"";
        using var reader = command.ExecuteReader();
        var list = new List<ClientRow>();
        while (reader.Read())
            list.Add(new ClientRow(reader.GetInt64(0), DateOnly.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture), reader.GetInt32(2),
                reader.IsDBNull(3) ? null : DateOnly.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture), reader.IsDBNull(4) ? null : reader.GetInt64(4)));
        return list;
    }

    private sealed record CatalogueItem(long Id, long CategoryId, decimal Price, decimal UnitCost);

    /// <summary>Twelve categories of ten products, priced as the demo prices them.</summary>
    private static List<CatalogueItem> AddCatalogue(SqliteConnection connection, Random rng)
    {
        var items = new List<CatalogueItem>();
        using var categories = new PreparedInsert(connection, "ProductCategories", ["Id", "Name"]);
        using var products = new PreparedInsert(connection, "Products", ["Id", "Name", "Sku", "CategoryId", "ListPrice", "UnitCost", "IsActive", "Version"]);
        using var transaction = connection.BeginTransaction();
        categories.Enlist(transaction);
        products.Enlist(transaction);
        for (var c = 1; c <= 12; c++)
        {
            categories.Add((long)c, $"Category {c}");
            for (var k = 1; k <= 10; k++)
            {
                var id = (long)((c - 1) * 10 + k);
                var price = Math.Round((decimal)(200 + rng.NextDouble() * 20_000), 0);
                var cost = Math.Round(price * (decimal)(0.45 + rng.NextDouble() * 0.3), 2);
                products.Add(id, $"Product {id}", $"SKU-{id:D4}", (long)c, price, cost, true, 1L);
                items.Add(new CatalogueItem(id, c, price, cost));
            }
        }
        transaction.Commit();
        return items;
    }

    private static List<(string Name, string Sql)> SecondaryIndexes(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", Tables.Select(t => $"'{t}'"))}) ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var list = new List<(string, string)>();
        while (reader.Read()) list.Add((reader.GetString(0), reader.GetString(1)));
        return list;
    }
}
