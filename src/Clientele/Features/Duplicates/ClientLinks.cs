using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Clientele.Features.Clients;
using Clientele.Features.Loyalty;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Clientele.Features.Duplicates;

/// <summary>
/// One table's foreign key to the clients, found in the EF model so a table added later is moved by a merge without
/// touching this code. <see cref="Collision"/> is the rest of a unique key that holds the client column (the tag of a
/// tag row, the month of a month row; empty for one-row-per-client tables): a merged row whose twin the kept client
/// already has is deleted instead of moved. <see cref="Identity"/> names a moved row for the undo.
/// </summary>
internal sealed record ClientLink(IEntityType Entity, IProperty Column, IReadOnlyList<IProperty>? Collision, IReadOnlyList<IProperty> Identity)
{
    public string Name => Entity.ClrType.Name + "." + Column.Name;

    /// <summary>
    /// Tables whose rows a recompute deletes and writes anew (new ids), so moved ids would mean nothing to an undo:
    /// both clients' rows are kept whole and put back as they were.
    /// </summary>
    public static readonly Type[] Recomputed = [typeof(ClientLoyalty), typeof(ClientLoyaltyStep)];

    /// <summary>
    /// Every foreign key to a client but the client's own referrer and the duplicate candidates (both handled by the
    /// merge itself). Tables keyed by client without a foreign key (the audit trail, erasure records) are history of
    /// the old id and stay as they are.
    /// </summary>
    public static IReadOnlyList<ClientLink> Of(IModel model) =>
    [
        .. model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.BaseType is null && t.GetTableName() is not null)
            .Where(t => t.ClrType != typeof(Client) && t.ClrType != typeof(DuplicateCandidate))
            .SelectMany(t => t.GetForeignKeys()
                .Where(fk => fk.PrincipalEntityType.ClrType == typeof(Client) && fk.Properties.Count == 1)
                .Select(fk => Link(t, fk.Properties[0])))
            .OrderBy(l => l.Name, StringComparer.Ordinal),
    ];

    private static ClientLink Link(IEntityType type, IProperty column)
    {
        var key = type.FindPrimaryKey()!.Properties;
        var unique = key.Contains(column) ? key
            : type.GetIndexes().Where(i => i.IsUnique && i.Properties.Contains(column)).Select(i => i.Properties).FirstOrDefault();
        return new ClientLink(type, column, unique?.Where(p => p != column).ToList(), [.. key.Where(p => p != column)]);
    }

    public bool IsRecomputed => Recomputed.Contains(Entity.ClrType);

    /// <summary>The table's rows of one client, tracked, whoever may see them (the caller decided the user may touch this client).</summary>
    public Task<List<object>> RowsAsync(ClienteleDb db, long clientId, CancellationToken ct) =>
        (Task<List<object>>)Generic(nameof(RowsOf)).Invoke(null, [db, Column.Name, clientId, ct])!;

    /// <summary>Moves every row of <paramref name="from"/> to <paramref name="to"/>, or only those named by <paramref name="identities"/>.</summary>
    public Task<int> MoveAsync(ClienteleDb db, long from, long to, IReadOnlyList<JsonElement[]>? identities, CancellationToken ct) =>
        (Task<int>)Generic(nameof(MoveRows)).Invoke(null, [db, this, from, to, identities, ct])!;

    public JsonElement[] IdentityOf(DbContext db, object row)
    {
        var entry = db.Entry(row);
        return [.. Identity.Select(p => JsonSerializer.SerializeToElement(entry.Property(p.Name).CurrentValue, p.ClrType))];
    }

    /// <summary>The values of the collision key, as text, to compare a merged row with the kept client's.</summary>
    public string CollisionOf(DbContext db, object row)
    {
        var entry = db.Entry(row);
        return string.Join('\u001f', (Collision ?? []).Select(p => JsonSerializer.Serialize(entry.Property(p.Name).CurrentValue, p.ClrType)));
    }

    private MethodInfo Generic(string name) =>
        typeof(ClientLink).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(Entity.ClrType, Column.ClrType);

    private static async Task<List<object>> RowsOf<T, TColumn>(ClienteleDb db, string column, long clientId, CancellationToken ct) where T : class
    {
        var id = (TColumn)Convert.ChangeType(clientId, Nullable.GetUnderlyingType(typeof(TColumn)) ?? typeof(TColumn));
        return [.. await db.Set<T>().IgnoreQueryFilters().Where(Equal<T>(column, typeof(TColumn), id)).ToListAsync(ct)];
    }

    private static async Task<int> MoveRows<T, TColumn>(ClienteleDb db, ClientLink link, long from, long to, IReadOnlyList<JsonElement[]>? identities, CancellationToken ct)
        where T : class
    {
        var type = Nullable.GetUnderlyingType(typeof(TColumn)) ?? typeof(TColumn);
        var source = (TColumn)Convert.ChangeType(from, type);
        var target = (TColumn)Convert.ChangeType(to, type);
        var column = link.Column.Name;
        var rows = db.Set<T>().IgnoreQueryFilters().Where(Equal<T>(column, typeof(TColumn), source));
        if (identities is null || link.Identity.Count == 0)
            return await rows.ExecuteUpdateAsync(s => s.SetProperty(x => EF.Property<TColumn>(x, column), target), ct);
        var moved = 0;
        // One statement per chunk when a row is named by one column (an id); per row otherwise (rare: no such table yet).
        if (link.Identity.Count == 1)
        {
            var key = link.Identity[0];
            foreach (var chunk in identities.Select(i => RowSnapshot.Value(key, i[0])).Chunk(500))
                moved += await (Task<int>)typeof(ClientLink).GetMethod(nameof(MoveChunk), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(typeof(T), typeof(TColumn), key.ClrType).Invoke(null, [rows, key.Name, column, target, chunk, ct])!;
            return moved;
        }
        foreach (var identity in identities)
        {
            var one = rows;
            for (var i = 0; i < link.Identity.Count; i++)
            {
                one = one.Where(Equal<T>(link.Identity[i].Name, link.Identity[i].ClrType, RowSnapshot.Value(link.Identity[i], identity[i])));
            }
            moved += await one.ExecuteUpdateAsync(s => s.SetProperty(x => EF.Property<TColumn>(x, column), target), ct);
        }
        return moved;
    }

    /// <summary><c>x => EF.Property&lt;type&gt;(x, name) == value</c>, with the value as a parameter of the statement.</summary>
    private static Expression<Func<T, bool>> Equal<T>(string name, Type type, object? value)
    {
        var x = Expression.Parameter(typeof(T), "x");
        var property = Expression.Call(typeof(EF), nameof(EF.Property), [type], x, Expression.Constant(name));
        var holder = new ValueHolder(value);
        var parameter = Expression.Convert(Expression.Property(Expression.Constant(holder), nameof(ValueHolder.Value)), type);
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(property, parameter), x);
    }

    private sealed record ValueHolder(object? Value);

    private static Task<int> MoveChunk<T, TColumn, TKey>(IQueryable<T> rows, string key, string column, TColumn target, object?[] chunk, CancellationToken ct) where T : class
    {
        var keys = chunk.Cast<TKey>().ToList();
        return rows.Where(x => keys.Contains(EF.Property<TKey>(x, key))).ExecuteUpdateAsync(s => s.SetProperty(x => EF.Property<TColumn>(x, column), target), ct);
    }
}
