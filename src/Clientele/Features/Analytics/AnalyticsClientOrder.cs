namespace Clientele.Features.Analytics;

/// <summary>Orders the clients of a selection by a column of the list, over the report's columns (no database query).</summary>
public static class AnalyticsClientOrder
{
    public static int[] Sort(AnalyticsReport r, int[] clients, string? column, bool descending)
    {
        var b = r.Base;
        IOrderedEnumerable<int> By<TKey>(Func<int, TKey> key) =>
            descending ? clients.OrderByDescending(key) : clients.OrderBy(key);
        var ordered = column switch
        {
            "Name" => descending
                ? clients.OrderByDescending(i => b.Clients[i].Name, StringComparer.CurrentCultureIgnoreCase)
                : clients.OrderBy(i => b.Clients[i].Name, StringComparer.CurrentCultureIgnoreCase),
            "Abc" => By(i => r.Abc[i]),
            "Xyz" => By(i => r.Xyz[i]),
            "Segment" => By(i => r.Rfm[i]?.Segment),
            "Strategy" => By(i => r.Strategy[i]),
            "Purchases" => By(i => b.Purchases[i]),
            "LastPurchase" => By(i => b.LastPurchase[i]),
            "Revenue" => By(i => b.Figures[i].Revenue),
            "GrossMargin" => By(i => b.Figures[i].GrossMargin),
            "Concessions" => By(i => b.Figures[i].Concessions),
            "CostToServe" => By(i => b.Figures[i].ServiceCost),
            "AcquisitionCost" => By(i => b.Figures[i].AcquisitionCost),
            "Contribution" => By(i => b.Figures[i].NetContribution),
            _ => null,
        };
        // Ties keep the selection's own order (stable sort), so equal rows do not jump between pages.
        return ordered is null ? clients : [.. ordered];
    }
}
