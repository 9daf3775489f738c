using System.Data.Common;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Clientele.Analytics.Calendar;
using Clientele.Analytics.Economics;
using Clientele.Features.Clients;
using Clientele.Features.Company;
using Clientele.Features.Economics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Clientele.Features.Analytics;

/// <summary>
/// Reads the base as of a day. The large reads (clients with their running figures, the months of the window, the
/// day's own month) go through plain data readers into structs: at a million clients EF Core's materialisation of
/// entities cost several microseconds a row, many times the reading itself (bench/results/2026-11-23-analytics.md).
/// The SQL is the same on SQLite and PostgreSQL; money is read as the minor units the figures tables store. Days and
/// months are the company's (ADR 023): the stored months already are, and raw instants are bounded by the company's days.
/// </summary>
/// <remarks>These reads bypass EF Core's query filters: when access rules arrive as filters, they must be added here too.</remarks>
public static class AnalyticsBaseLoader
{
    /// <summary>One activity per phase of a load (clients, months, partial month, last purchase, spend), for profiling.</summary>
    public static readonly ActivitySource Trace = new("Clientele.Analytics");

    public static async Task<AnalyticsBase> LoadAsync(ClienteleDb db, DateOnly asOf, CancellationToken ct)
    {
        var settings = await new CompanySettingsReader(db).GetAsync(ct);
        var days = await CompanyDays.OfAsync(db, ct);
        var asOfMonth = MonthIndex.Of(asOf);
        var fromMonth = asOfMonth - AnalyticsBase.HistoryMonths;

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            Activity? phase = Trace.StartActivity("clients");
            var (clients, totals) = await ReadClientsAsync(db, days, asOf, ct);
            var index = new Dictionary<long, int>(clients.Length);
            for (var i = 0; i < clients.Length; i++) index[clients[i].Id] = i;

            // Lifetime as of the day = running totals − the day's month and later + the day's month up to the day.
            phase?.Dispose();
            phase = Trace.StartActivity("months");
            var (history, dayMonth, raw) = await ReadMonthsAsync(db, index, totals, fromMonth, asOf, ct);
            phase?.Dispose();
            phase = Trace.StartActivity("partial month");
            await PartialMonthAsync(db, days, clients, index, dayMonth, raw, asOf, ct);
            foreach (var (i, month) in dayMonth)
            {
                if (month.Purchases == 0 && month.ServiceCost == 0) continue;
                totals[i].Add(month);
                history.Add(new MonthSums(i, asOfMonth, month.Revenue, month.GrossMargin, month.ContributionBeforeAcquisition, month.Purchases, month.LastPurchase));
            }
            phase?.Dispose();
            phase = Trace.StartActivity("sort months");
            var months = ActivityRows.ByClientThenMonth(CollectionsMarshal.AsSpan(history), clients.Length);
            phase?.Dispose();
            phase = Trace.StartActivity("last purchase");
            await FillLastPurchaseAsync(db, index, totals, months, asOf, fromMonth, ct);
            phase?.Dispose();
            phase = Trace.StartActivity("spend and columns");

            var (channelIds, channelIndex, spend, unallocated) = await AllocateSpendAsync(db, clients, asOfMonth, ct);
            var n = clients.Length;
            var figures = new ClientFigures[n];
            var acquisitionMonth = new int[n];
            for (var i = 0; i < n; i++)
            {
                figures[i] = totals[i].ToFigures(spend.AcquisitionCost[i]);
                acquisitionMonth[i] = MonthIndex.Of(clients[i].AcquiredOn);
            }
            await AllocateCostToServeAsync(db, settings.CostToServeRule(), index, dayMonth, figures, asOfMonth, ct);
            var rows = ActivityRows.WithAcquisition(months, acquisitionMonth, spend.AcquisitionCost);

            using var _ = phase;
            return new AnalyticsBase
            {
                AsOf = asOf, AsOfMonth = asOfMonth, FromMonth = fromMonth, Settings = settings, Clients = clients, Figures = figures,
                Purchases = [.. totals.Select(t => t.Purchases)], FirstPurchase = [.. totals.Select(t => t.FirstPurchase)],
                LastPurchase = [.. totals.Select(t => t.LastPurchase)], Months = rows, UnallocatedSpend = unallocated,
                ChannelIds = channelIds, ChannelIndex = channelIndex, ChannelShare = spend.ChannelShare,
                ChannelNames = await db.AcquisitionChannels.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Name).ToArrayAsync(ct),
            };
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbCommand Command(ClienteleDb db, string sql, params (string Name, object Value)[] parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Minor units as a decimal with two places, built directly rather than divided: millions of reads.</summary>
    private static decimal Money(DbDataReader r, int i) => Money(r.GetInt64(i));

    private static decimal Money(long units)
    {
        var magnitude = (ulong)Math.Abs(units);
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, units < 0, 2);
    }

    private static DateOnly? Day(DbDataReader r, int i) => r.IsDBNull(i) ? null : DateOnly.FromDayNumber(r.GetInt32(i));

    /// <summary>
    /// The clients in the base on the day, by id, each with its running figures. A client belongs to the base from the
    /// first of: entered, won, first purchase. Imported history is entered today but bought long ago, and as of those
    /// days it was a client. Without an acquisition date a client was won when entered, or at its first purchase if earlier.
    /// </summary>
    private static async Task<(ClientFacts[] Clients, LedgerSums[] Totals)> ReadClientsAsync(ClienteleDb db, CompanyDays days, DateOnly asOf, CancellationToken ct)
    {
        var tags = new Dictionary<long, List<string>>();
        await using (var command = Command(db, """SELECT "ClientId", "Tag" FROM "ClientTags" """))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(tags, reader.GetInt64(0), out _);
                (list ??= []).Add(reader.GetString(1));
            }

        // The raw reads bypass the query filters; a manager's analytics cover the clients the filter lets them see,
        // and every later read is keyed by this list of clients.
        var visible = db.Access.SeesAllClients ? null : (await db.Clients.Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var maskNames = db.Access.MasksNames;
        var clients = new List<ClientFacts>();
        var totals = new List<LedgerSums>();
        await using (var command = Command(db, """
            SELECT c."Id", c."Name", c."Kind", c."Role", c."Industry", c."Region", c."Size", c."Status", c."ManagerId", c."AcquisitionChannelId",
                c."AcquiredOn", c."CreatedAt", c."AcquisitionCost",
                f."Revenue", f."CostOfGoods", f."Discounts", f."Bonuses", f."Kickbacks", f."ServiceCost", f."Purchases", f."FirstPurchase", f."LastPurchase"
            FROM "Clients" AS c LEFT JOIN "ClientFigures" AS f ON f."ClientId" = c."Id"
            WHERE c."CreatedAt" < @end OR c."AcquiredOn" <= @asOf OR f."FirstPurchase" <= @asOfDay
            ORDER BY c."Id"
            """, ("@end", days.EndOf(asOf)), ("@asOf", asOf), ("@asOfDay", asOf.DayNumber)))
        await using (var r = await command.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                var id = r.GetInt64(0);
                if (visible is not null && !visible.Contains(id)) continue;
                var sums = r.IsDBNull(13) ? default : new LedgerSums
                {
                    Revenue = Money(r, 13), CostOfGoods = Money(r, 14), Discounts = Money(r, 15), Bonuses = Money(r, 16), Kickbacks = Money(r, 17),
                    ServiceCost = Money(r, 18), Purchases = r.GetInt32(19), FirstPurchase = Day(r, 20), LastPurchase = Day(r, 21),
                };
                var acquiredOn = r.IsDBNull(10) ? Earliest(days.DayOf(r.GetDateTime(11)), sums.FirstPurchase) : r.GetFieldValue<DateOnly>(10);
                clients.Add(new ClientFacts(id, maskNames ? Access.FieldMasks.MaskedClientName(id) : r.GetString(1), (ClientKind)r.GetInt32(2), (ClientRole)r.GetInt32(3),
                    r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), (SizeBand)r.GetInt32(6), (ClientStatus)r.GetInt32(7),
                    r.IsDBNull(8) ? null : r.GetInt64(8), r.IsDBNull(9) ? null : r.GetInt64(9), acquiredOn, r.IsDBNull(12) ? 0 : r.GetDecimal(12),
                    tags.TryGetValue(id, out var own) ? [.. own] : []));
                totals.Add(sums);
            }
        return ([.. clients], [.. totals]);
    }

    private static DateOnly Earliest(DateOnly day, DateOnly? other) => other is { } o && o < day ? o : day;

    /// <summary>
    /// The stored months from the window's start: the day's month and later come off the totals, earlier ones are
    /// history. The day's own month is kept as it is stored when none of its purchases lies after the day (always so
    /// for today); its costs after the day are taken off later. Clients that bought after the day within it are
    /// returned to be read raw.
    /// </summary>
    private static async Task<(List<MonthSums> History, Dictionary<int, LedgerSums> DayMonth, List<int> Raw)> ReadMonthsAsync(
        ClienteleDb db, Dictionary<long, int> index, LedgerSums[] totals, int fromMonth, DateOnly asOf, CancellationToken ct)
    {
        var asOfMonth = MonthIndex.Of(asOf);
        var history = new List<MonthSums>();
        var dayMonth = new Dictionary<int, LedgerSums>();
        var raw = new List<int>();
        // "+Month" keeps SQLite off the Month index: the window is most of the table, and a scan in table order reads
        // each page once where the index would visit the rows at random.
        await using var command = Command(db, """
            SELECT "ClientId", "Month", "Revenue", "CostOfGoods", "Discounts", "Bonuses", "Kickbacks", "ServiceCost", "Purchases", "LastPurchase"
            FROM "ClientMonthFigures" WHERE +"Month" >= @from
            """, ("@from", fromMonth));
        await using var r = await command.ExecuteReaderAsync(ct);
        long previous = -1;
        var i = -1;
        while (await r.ReadAsync(ct))
        {
            // A client's months mostly come together: one dictionary look-up per client rather than per row.
            var clientId = r.GetInt64(0);
            if (clientId != previous)
            {
                previous = clientId;
                if (!index.TryGetValue(clientId, out i)) i = -1;
            }
            if (i < 0) continue;
            var month = r.GetInt32(1);
            if (month < asOfMonth)
            {
                // History needs only revenue and the margins: taken in minor units, so millions of rows build three
                // decimals each rather than six.
                long revenue = r.GetInt64(2), costOfGoods = r.GetInt64(3), discounts = r.GetInt64(4);
                var contribution = Margins.BeforeAcquisition(revenue, costOfGoods, discounts, r.GetInt64(5), r.GetInt64(6), r.GetInt64(7));
                history.Add(new MonthSums(i, month, Money(revenue), Money(Margins.Gross(revenue, discounts, costOfGoods)), Money(contribution),
                    r.GetInt32(8), Day(r, 9)));
                continue;
            }
            var m = new LedgerSums
            {
                Revenue = Money(r, 2), CostOfGoods = Money(r, 3), Discounts = Money(r, 4), Bonuses = Money(r, 5), Kickbacks = Money(r, 6),
                ServiceCost = Money(r, 7), Purchases = r.GetInt32(8), LastPurchase = Day(r, 9),
            };
            totals[i].Subtract(m);
            if (month == asOfMonth)
            {
                if (m.LastPurchase is { } last && last > asOf) raw.Add(i);
                else dayMonth[i] = m;
            }
        }
        return (history, dayMonth, raw);
    }

    /// <summary>
    /// Completes the day's month up to the day: the costs after the day come off the stored months kept, and the
    /// clients that bought after the day within the month are summed from their raw rows, a chunk of them at a time.
    /// </summary>
    private static async Task PartialMonthAsync(ClienteleDb db, CompanyDays days, ClientFacts[] clients, Dictionary<long, int> index, Dictionary<int, LedgerSums> dayMonth,
        List<int> raw, DateOnly asOf, CancellationToken ct)
    {
        var month = MonthIndex.Of(asOf);
        var first = MonthIndex.FirstDay(month);
        await using (var command = Command(db, """
            SELECT "ClientId", "Amount", "RateToBase" FROM "ServiceCosts" WHERE "Date" > @asOf AND "Date" <= @last
            """, ("@asOf", asOf), ("@last", MonthIndex.LastDay(month))))
        await using (var r = await command.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                if (index.TryGetValue(r.GetInt64(0), out var i) && dayMonth.ContainsKey(i))
                    CollectionsMarshal.GetValueRefOrNullRef(dayMonth, i).ServiceCost -= BaseCurrency.ToBase(r.GetDecimal(1), r.GetDecimal(2));

        foreach (var chunk in raw.Select(i => clients[i].Id).Chunk(500))
        {
            var ids = string.Join(", ", chunk);
            await using (var command = Command(db, $"""
                SELECT "ClientId", "Date", "Total", "CostOfGoods", "Discount", "Bonus", "Kickback", "RateToBase"
                FROM "Purchases" WHERE "ClientId" IN ({ids}) AND "Date" >= @start AND "Date" < @end
                """, ("@start", days.StartOf(first)), ("@end", days.EndOf(asOf))))
            await using (var r = await command.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct))
                {
                    var p = ClientFiguresUpdater.ToLedger(days, r.GetDateTime(1), r.GetDecimal(2), r.GetDecimal(3), r.GetDecimal(4), r.GetDecimal(5), r.GetDecimal(6), r.GetDecimal(7));
                    CollectionsMarshal.GetValueRefOrAddDefault(dayMonth, index[r.GetInt64(0)], out _).Add(p);
                }
            await using (var command = Command(db, $"""
                SELECT "ClientId", "Amount", "RateToBase" FROM "ServiceCosts" WHERE "ClientId" IN ({ids}) AND "Date" >= @first AND "Date" <= @asOf
                """, ("@first", first), ("@asOf", asOf)))
            await using (var r = await command.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct))
                    CollectionsMarshal.GetValueRefOrAddDefault(dayMonth, index[r.GetInt64(0)], out _).ServiceCost += BaseCurrency.ToBase(r.GetDecimal(1), r.GetDecimal(2));
        }
    }

    /// <summary>
    /// The running first/last purchase are lifetime; as of a past day the last one may lie after it. Then the last
    /// month with a purchase on or before the day is looked up, in the loaded months or, for the few clients silent
    /// through the whole window, in one query per 500 of them.
    /// </summary>
    private static async Task FillLastPurchaseAsync(ClienteleDb db, Dictionary<long, int> index, LedgerSums[] totals, MonthSums[] history,
        DateOnly asOf, int fromMonth, CancellationToken ct)
    {
        var stale = new bool[totals.Length];
        var any = false;
        for (var i = 0; i < totals.Length; i++)
            if (totals[i].SettleDatesAsOf(asOf)) stale[i] = any = true;
        if (!any) return;
        ActivityRows.LastPurchaseFromMonths(history, stale, totals);
        var silent = index.Where(kv => stale[kv.Value] && totals[kv.Value].LastPurchase is null).Select(kv => kv.Key).ToArray();
        foreach (var chunk in silent.Chunk(500))
        {
            var latest = new Dictionary<long, (int Month, DateOnly? Last)>();
            await using var command = Command(db, $"""
                SELECT "ClientId", "Month", "LastPurchase" FROM "ClientMonthFigures"
                WHERE "ClientId" IN ({string.Join(", ", chunk)}) AND "Month" < @from AND "Purchases" > 0
                """, ("@from", fromMonth));
            await using var r = await command.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var month = r.GetInt32(1);
                if (!latest.TryGetValue(r.GetInt64(0), out var known) || month > known.Month) latest[r.GetInt64(0)] = (month, Day(r, 2));
            }
            foreach (var (clientId, (_, last)) in latest) totals[index[clientId]].LastPurchase = last;
        }
    }

    /// <summary>
    /// Adds the company-wide cost to serve (ADR 019) to each client's figures: the rule's amount for each month the
    /// client bought in up to the day, and its share of the client's revenue. Read only when the owner set a rule.
    /// </summary>
    private static async Task AllocateCostToServeAsync(ClienteleDb db, CostToServeAllocation rule, Dictionary<long, int> index,
        Dictionary<int, LedgerSums> dayMonth, ClientFigures[] figures, int asOfMonth, CancellationToken ct)
    {
        if (rule.IsNone) return;
        var activeMonths = new int[figures.Length];
        if (rule.PerActiveMonth != 0)
        {
            await using var command = Command(db, """
                SELECT "ClientId", COUNT(*) FROM "ClientMonthFigures" WHERE "Month" < @month AND "Purchases" > 0 GROUP BY "ClientId"
                """, ("@month", asOfMonth));
            await using var r = await command.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                if (index.TryGetValue(r.GetInt64(0), out var i)) activeMonths[i] = (int)r.GetInt64(1);
            foreach (var (i, month) in dayMonth)
                if (month.Purchases > 0) activeMonths[i]++;
        }
        for (var i = 0; i < figures.Length; i++) figures[i] = rule.Apply(figures[i], activeMonths[i]);
    }

    /// <summary>The clients' acquisition costs from the channel spend up to the day's month (<see cref="SpendAllocation"/>), channels by index.</summary>
    private static async Task<(long[] ChannelIds, int[] ChannelIndex, SpendAllocation Spend, Dictionary<int, decimal> Unallocated)> AllocateSpendAsync(
        ClienteleDb db, ClientFacts[] clients, int asOfMonth, CancellationToken ct)
    {
        var channelIds = await db.AcquisitionChannels.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToArrayAsync(ct);
        var channelOf = channelIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var spend = await db.ChannelSpend.AsNoTracking().Where(s => s.Month <= asOfMonth)
            .Select(s => new ChannelMonthSpend(s.ChannelId, s.Month, s.Amount)).ToArrayAsync(ct);
        var allocation = SpendAllocation.Allocate([.. clients.Select(c => new AcquiredClient(c.ChannelId, MonthIndex.Of(c.AcquiredOn), c.DirectAcquisitionCost))], spend);
        var channelIndex = new int[clients.Length];
        for (var i = 0; i < clients.Length; i++)
            channelIndex[i] = clients[i].ChannelId is { } ch && channelOf.TryGetValue(ch, out var k) ? k : -1;
        var unallocated = allocation.Unallocated.Where(kv => channelOf.ContainsKey(kv.Key)).ToDictionary(kv => channelOf[kv.Key], kv => kv.Value);
        return (channelIds, channelIndex, allocation, unallocated);
    }
}
