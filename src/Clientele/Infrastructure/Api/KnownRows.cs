using Clientele.Features.Products;

namespace Clientele.Infrastructure.Api;

/// <summary>
/// Rows a bulk writer read set-wise before checking its records one by one through a spec (<see cref="CheckContext{TEntity}.Known"/>):
/// an import of a million rows then checks each record as the API would without a query per record. Only what exists is
/// held; what is not here is asked of the database.
/// </summary>
public sealed class KnownRows
{
    /// <summary>Clients the writer found through the reader's row filters.</summary>
    public HashSet<long> Clients { get; } = [];
    public HashSet<long> Employees { get; } = [];
    public Dictionary<long, Product> Products { get; } = [];
}
