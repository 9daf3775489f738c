using System.Globalization;
using Clientele.Analytics.Calendar;
using Clientele.Analytics.Economics;
using Clientele.Analytics.Pivot;
using Clientele.Features.Analytics;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Pivot;

/// <summary>What a pivot can be laid out by. Product category splits purchases by their lines.</summary>
public enum PivotDimension { Manager, Channel, Segment, Abc, Group, Region, Role, Category, Month, Quarter, Year }

/// <summary>A pivot request: dimensions down and across, one measure, a span of months (inclusive).</summary>
public sealed record PivotQuery(PivotDimension[] Rows, PivotDimension[] Columns, PivotMeasure Measure, int FromMonth, int ToMonth)
{
    public PivotDimension[] Dimensions => [.. Rows.Concat(Columns).Distinct()];
}

/// <summary>
/// Facts for the pivot: one per client and month (from the monthly figures the report already holds), with the chosen
/// dimensions as keys. A client in several groups gives one fact per group, so group totals may overlap. With product
/// category, facts come from purchase lines: revenue is the line amount less its share of the purchase discount, margin
/// that less the line's cost of goods; bonuses, kickbacks and costs to serve belong to no category, so the contribution
/// there equals the margin.
/// </summary>
public static class PivotFacts
{
    public static async Task<List<PivotFact>> LoadAsync(ClienteleDb db, AnalyticsReport report, PivotQuery query, CancellationToken ct)
    {
        var b = report.Base;
        var dims = query.Dimensions;
        var managers = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var groups = dims.Contains(PivotDimension.Group)
            ? (await db.ClientGroupMembers.AsNoTracking().Join(db.ClientGroups, m => m.GroupId, g => g.Id, (m, g) => new { m.ClientId, g.Name }).ToListAsync(ct))
                .ToLookup(x => x.ClientId, x => x.Name)
            : null;
        var index = new Dictionary<long, int>(b.Count);
        for (var i = 0; i < b.Count; i++) index[b.Clients[i].Id] = i;

        string Key(PivotDimension d, int client, int month, string? group, string? category) => d switch
        {
            PivotDimension.Manager => b.Clients[client].ManagerId is { } m && managers.TryGetValue(m, out var name) ? name : "",
            PivotDimension.Channel => b.ChannelIndex[client] >= 0 ? b.ChannelNames[b.ChannelIndex[client]] : "",
            PivotDimension.Segment => report.Rfm[client]?.Segment.ToString() ?? "",
            PivotDimension.Abc => report.Abc[client].ToString(),
            PivotDimension.Group => group ?? "",
            PivotDimension.Region => b.Clients[client].Region ?? "",
            PivotDimension.Role => b.Clients[client].Role.ToString(),
            PivotDimension.Category => category ?? "",
            PivotDimension.Month => MonthIndex.Label(month),
            PivotDimension.Quarter => MonthIndex.QuarterLabel(MonthIndex.Quarter(month)),
            PivotDimension.Year => MonthIndex.Year(month).ToString(CultureInfo.InvariantCulture),
            _ => "",
        };

        var facts = new List<PivotFact>();
        void Add(int client, int month, string? category, decimal revenue, decimal margin, decimal contribution, int purchases)
        {
            string?[] clientGroups = groups is null ? [null] : [.. groups[b.Clients[client].Id].DefaultIfEmpty("")];
            foreach (var group in clientGroups)
                facts.Add(new PivotFact(b.Clients[client].Id, [.. dims.Select(d => Key(d, client, month, group, category))], revenue, margin, contribution, purchases));
        }

        if (dims.Contains(PivotDimension.Category))
        {
            foreach (var line in await CategoryLinesAsync(db, query, ct))
                if (index.TryGetValue(line.ClientId, out var client)) Add(client, line.Month, line.Category, line.Revenue, line.Margin, line.Margin, line.Purchases);
        }
        else
        {
            foreach (var row in b.Months)
                if (row.Month >= query.FromMonth && row.Month <= query.ToMonth)
                    Add(row.Client, row.Month, null, row.Revenue, row.GrossMargin, row.Contribution, row.Purchases);
        }
        return facts;
    }

    private sealed record CategoryLine(long ClientId, int Month, string Category, decimal Revenue, decimal Margin, int Purchases);

    /// <summary>Purchase lines of the span summed per client, month and category, in the base currency.</summary>
    private static async Task<List<CategoryLine>> CategoryLinesAsync(ClienteleDb db, PivotQuery query, CancellationToken ct)
    {
        var days = await Company.CompanyDays.OfAsync(db, ct);
        var start = days.StartOf(MonthIndex.FirstDay(query.FromMonth));
        var end = days.StartOf(MonthIndex.FirstDay(query.ToMonth + 1));
        var purchases = await db.Purchases.AsNoTracking().Where(p => p.Date >= start && p.Date < end)
            .Select(p => new
            {
                p.ClientId, p.Date, p.Discount, p.RateToBase,
                Lines = p.Lines.Select(l => new { l.Quantity, l.Price, l.UnitCost, Category = l.Product != null && l.Product.Category != null ? l.Product.Category.Name : null }),
            })
            .ToListAsync(ct);
        var sums = new Dictionary<(long, int, string), (decimal Revenue, decimal Margin, HashSet<int> Purchases)>();
        var purchaseNumber = 0;
        foreach (var p in purchases)
        {
            purchaseNumber++;
            var gross = p.Lines.Sum(l => l.Quantity * l.Price);
            var month = days.MonthOf(p.Date);
            foreach (var l in p.Lines)
            {
                var amount = l.Quantity * l.Price;
                var revenue = Economics.BaseCurrency.ToBase(Margins.LineRevenue(amount, gross, p.Discount), p.RateToBase);
                var cost = Economics.BaseCurrency.ToBase(l.Quantity * l.UnitCost, p.RateToBase);
                var key = (p.ClientId, month, l.Category ?? "");
                var s = sums.TryGetValue(key, out var found) ? found : (Revenue: 0m, Margin: 0m, Purchases: new HashSet<int>());
                s.Purchases.Add(purchaseNumber);
                sums[key] = (s.Revenue + revenue, s.Margin + Margins.OnPricePaid(revenue, cost), s.Purchases);
            }
        }
        return [.. sums.Select(kv => new CategoryLine(kv.Key.Item1, kv.Key.Item2, kv.Key.Item3, kv.Value.Revenue, kv.Value.Margin, kv.Value.Purchases.Count))];
    }
}
