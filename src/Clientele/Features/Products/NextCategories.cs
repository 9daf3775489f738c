using Clientele.Analytics.Structure;
using Clientele.Features.Purchases;
using Clientele.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Products;

/// <summary>
/// A derived row of the next-product co-occurrence: how many clients have bought both categories (A &lt; B), or, for
/// A = B, the category at all; the row (0, 0) holds how many clients have bought any category. Rewritten as a whole
/// by <see cref="NextCategories.RefreshAsync"/>, so a card reads counts, never the purchases of the whole base.
/// </summary>
public sealed class CategoryPairCount
{
    /// <summary>The key of the row that counts every client with a category (no category has id 0).</summary>
    public const long AllBaskets = 0;
    public long CategoryA { get; set; }
    public long CategoryB { get; set; }
    public int Clients { get; set; }
}

internal sealed class CategoryPairCountConfiguration : IEntityTypeConfiguration<CategoryPairCount>
{
    public void Configure(EntityTypeBuilder<CategoryPairCount> b) => b.HasKey(p => new { p.CategoryA, p.CategoryB });
}

/// <summary>A category to offer a client, with the category it bought that makes it likely, and the rule's figures.</summary>
/// <param name="Support">Share of all clients with a category who bought both.</param>
/// <param name="Confidence">Share of the clients with <paramref name="Because"/> who also bought <paramref name="Category"/>.</param>
/// <param name="Lift">How many times more likely than in the whole base.</param>
public sealed record NextCategoryOffer(long CategoryId, string Category, long BecauseId, string Because, decimal Support, decimal Confidence, decimal Lift, int Together);

/// <summary>The nightly refresh of the co-occurrence counts, as a job.</summary>
public sealed class NextCategoriesJob : IDailyJob
{
    public const string JobName = "next-categories";
    public string Name => JobName;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (await NextCategories.RefreshAsync(services.GetRequiredService<ClienteleDb>(), ct) == 0)
            services.GetRequiredService<JobReport>().NothingToDo(services.GetRequiredService<IStringLocalizer<NextCategoriesText>>()["No client has bought a product with a category yet: nothing to count."]);
    }
}

/// <summary>
/// The "spiral staircase": for each client, the categories it has not bought that clients with a similar basket did
/// (item-to-item co-occurrence over the whole base, <see cref="CoOccurrence"/>).
/// </summary>
public static class NextCategories
{
    /// <summary>A pair bought together by fewer clients is chance, not a pattern to act on.</summary>
    public const int MinTogether = 3;
    public const int Shown = 5;

    /// <summary>Counts every client's set of bought categories in one pass over the base and rewrites the derived rows.</summary>
    /// <returns>The number of clients with a category.</returns>
    public static async Task<int> RefreshAsync(ClienteleDb db, CancellationToken ct)
    {
        var ids = await db.ProductCategories.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var index = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var counts = CoOccurrence.Count(await BasketsAsync(db, index, ct), ids.Count);
        var rows = new List<CategoryPairCount> { new() { CategoryA = CategoryPairCount.AllBaskets, CategoryB = CategoryPairCount.AllBaskets, Clients = counts.Baskets } };
        for (var a = 0; a < ids.Count; a++)
        {
            if (counts.Clients[a] == 0) continue;
            rows.Add(new CategoryPairCount { CategoryA = ids[a], CategoryB = ids[a], Clients = counts.Clients[a] });
            for (var b = a + 1; b < ids.Count; b++)
                if (counts.Together(a, b) is > 0 and var together) rows.Add(new CategoryPairCount { CategoryA = ids[a], CategoryB = ids[b], Clients = together });
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.CategoryPairCounts.ExecuteDeleteAsync(ct);
        await Data.BulkRows.InsertAsync(db, rows, withKey: true, ct);
        await transaction.CommitAsync(ct);
        return counts.Baskets;
    }

    /// <summary>Each client's distinct categories, read as one ordered stream (never the whole base's lines in memory at once).</summary>
    private static Task<List<int[]>> BasketsAsync(ClienteleDb db, Dictionary<long, int> index, CancellationToken ct)
    {
        var pairs = (from line in db.Set<PurchaseLine>()
                     join purchase in db.Purchases on line.PurchaseId equals purchase.Id
                     join product in db.Products on line.ProductId equals product.Id
                     where product.CategoryId != null
                     select new { purchase.ClientId, CategoryId = product.CategoryId!.Value }).Distinct().OrderBy(p => p.ClientId);
        return PerClient.GatherAsync(pairs, p => p.ClientId, p => index.TryGetValue(p.CategoryId, out var i) ? i : null, ct);
    }

    public static RouteGroupBuilder MapNextCategories(this RouteGroupBuilder api)
    {
        api.MapGet("/clients/{id:long}/next-categories", async Task<IResult> (long id, ClienteleDb db, CancellationToken ct) =>
                await ForClientAsync(db, id, ct) is { } offers ? TypedResults.Ok(offers) : Infrastructure.Api.ApiConventions.NotFound("Client", id))
            .Produces<IReadOnlyList<NextCategoryOffer>>().WithTags("Products").WithName("GetNextCategories")
            .WithSummary($"The product categories the client has not bought that clients with a similar basket did: for each, the client's own category that makes it most likely, with support, confidence and lift (above 1, at least {MinTogether} clients with both; best {Shown}). From the counts the nightly job next-categories keeps.");
        return api;
    }

    /// <summary>The client's next categories from the stored counts (empty until the job has run once); null when the reader cannot see the client.</summary>
    public static async Task<IReadOnlyList<NextCategoryOffer>?> ForClientAsync(ClienteleDb db, long clientId, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) return null;
        var own = await (from line in db.Set<PurchaseLine>()
                         join purchase in db.Purchases on line.PurchaseId equals purchase.Id
                         join product in db.Products on line.ProductId equals product.Id
                         where purchase.ClientId == clientId && product.CategoryId != null
                         select product.CategoryId!.Value).Distinct().ToListAsync(ct);
        if (own.Count == 0) return [];
        // The counts of every category (the diagonal), and the pairs that touch the client's own categories: all Next reads.
        var rows = await db.CategoryPairCounts.AsNoTracking()
            .Where(r => r.CategoryA == r.CategoryB || own.Contains(r.CategoryA) || own.Contains(r.CategoryB)).ToListAsync(ct);
        var ids = rows.Where(r => r.CategoryA == r.CategoryB && r.CategoryA != CategoryPairCount.AllBaskets).Select(r => r.CategoryA).Order().ToList();
        var index = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var baskets = rows.SingleOrDefault(r => r.CategoryA == CategoryPairCount.AllBaskets && r.CategoryB == CategoryPairCount.AllBaskets)?.Clients ?? 0;
        var clients = new int[ids.Count];
        var pairs = new int[ids.Count * (ids.Count - 1) / 2];
        foreach (var r in rows)
        {
            if (!index.TryGetValue(r.CategoryA, out var a) || !index.TryGetValue(r.CategoryB, out var b)) continue;
            if (a == b) clients[a] = r.Clients;
            else pairs[CoOccurrenceCounts.PairIndex(a, b, ids.Count)] = r.Clients;
        }
        var basket = own.Where(index.ContainsKey).Select(id => index[id]).ToArray();
        var next = CoOccurrence.Next(new CoOccurrenceCounts(baskets, clients, pairs), basket, MinTogether, Shown);
        if (next.Count == 0) return [];
        var wanted = next.SelectMany(n => new[] { ids[n.Category], ids[n.Because] }).Distinct().ToList();
        var names = await db.ProductCategories.AsNoTracking().Where(c => wanted.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return [.. next.Select(n => new NextCategoryOffer(ids[n.Category], names.GetValueOrDefault(ids[n.Category]) ?? "", ids[n.Because], names.GetValueOrDefault(ids[n.Because]) ?? "",
            Math.Round((decimal)n.Support, 4, MidpointRounding.AwayFromZero), Math.Round((decimal)n.Confidence, 4, MidpointRounding.AwayFromZero), Math.Round((decimal)n.Lift, 2, MidpointRounding.AwayFromZero), n.Together))];
    }
}
