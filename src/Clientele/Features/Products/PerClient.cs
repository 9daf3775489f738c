using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Products;

/// <summary>Each client's values from rows read as one stream ordered by client (never the whole result in memory twice).</summary>
internal static class PerClient
{
    /// <param name="orderedByClient">Rows ordered by <paramref name="client"/>.</param>
    /// <param name="value">A row's value; null leaves the row out. A client with no value left has no entry.</param>
    public static async Task<List<int[]>> GatherAsync<TRow>(IQueryable<TRow> orderedByClient, Func<TRow, long> client, Func<TRow, int?> value, CancellationToken ct)
    {
        var clients = new List<int[]>();
        var current = new List<int>();
        long? last = null;
        await foreach (var row in orderedByClient.AsAsyncEnumerable().WithCancellation(ct))
        {
            var id = client(row);
            if (last != id && current.Count > 0) { clients.Add([.. current]); current.Clear(); }
            last = id;
            if (value(row) is { } v) current.Add(v);
        }
        if (current.Count > 0) clients.Add([.. current]);
        return clients;
    }
}
