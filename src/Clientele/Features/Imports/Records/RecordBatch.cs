using Clientele.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Imports.Records;

/// <summary>
/// What a batch of units needs from the base, read set-wise before the units are taken one by one: the stored records
/// their numbers name, those records themselves (to compare and update), and the client's earlier records a unit
/// without a number may repeat. A query per kind per few hundred units instead of several per unit.
/// </summary>
internal abstract class RecordBatch
{
    public abstract Task ReadAsync(ClienteleDb db, IReadOnlyList<RecordUnit> units, long lastIdBefore, CancellationToken ct);

    /// <summary>The record with the unit's number and source, whoever's client it is (null: none).</summary>
    public abstract (long Id, long ClientId)? ByNumber(RecordUnit unit);

    /// <summary>The stored record <see cref="ByNumber"/> found for a unit of the same client, tracked, to compare and update.</summary>
    public abstract object? Stored(long id);

    /// <summary>Whether the base had, before the import, a record of the candidate's client and day with the same values.</summary>
    public abstract bool Repeats(object candidate);
}

internal sealed class RecordBatch<TEntity, TInput, TResponse>(
    EntitySpec<TEntity, TInput, TResponse> spec, Func<TEntity, TEntity, bool> sameDay, Func<TEntity, TEntity, bool> sameValues) : RecordBatch
    where TEntity : class, IHasId, IVersioned, IExternalDocument where TInput : class
{
    /// <summary>Values per IN list: far below either database's parameter limit.</summary>
    private const int KeysPerQuery = 500;

    private readonly Dictionary<(string? Source, string Number), (long Id, long ClientId)> _byNumber = [];
    private readonly Dictionary<long, TEntity> _stored = [];
    private ILookup<long, TEntity> _before = Array.Empty<TEntity>().ToLookup(e => e.ClientId);

    public override async Task ReadAsync(ClienteleDb db, IReadOnlyList<RecordUnit> units, long lastIdBefore, CancellationToken ct)
    {
        // A unit with a bad row is rejected before the base is asked anything about it.
        var live = units.Where(u => u.Rows.All(r => r.Problem is null)).ToList();
        // A base without records of the kind before the import has only what this import wrote, and the import knows
        // every number it used (its own list refuses a repeat first): nothing to ask, and nothing the indexes a large
        // import drops would be needed for (ADR 034).
        if (lastIdBefore == 0) return;
        foreach (var numbers in live.Select(u => u.Number).OfType<string>().Distinct().Chunk(KeysPerQuery))
        {
            var found = await db.Set<TEntity>().AsNoTracking().Where(e => numbers.Contains(e.Number!))
                .OrderBy(e => e.Id).Select(e => new { e.Id, e.ClientId, e.Number, e.Source }).ToListAsync(ct);
            foreach (var record in found) _byNumber.TryAdd((record.Source, record.Number!), (record.Id, record.ClientId));
        }
        var matched = live.Select(u => ByNumber(u) is { } hit && hit.ClientId == u.ClientId ? hit.Id : (long?)null).OfType<long>().Distinct();
        foreach (var ids in matched.Chunk(KeysPerQuery))
            foreach (var record in await spec.Query(db).Where(e => ids.Contains(e.Id)).ToListAsync(ct)) _stored[record.Id] = record;
        var earlier = new List<TEntity>();
        foreach (var clients in live.Where(u => u.Number is null).Select(u => u.ClientId).Distinct().Chunk(KeysPerQuery))
            // The id bound is applied here, not in SQL: there SQLite would walk the primary key instead of the client index.
            earlier.AddRange((await db.Set<TEntity>().AsNoTracking().Where(e => clients.Contains(e.ClientId)).ToListAsync(ct)).Where(e => e.Id <= lastIdBefore));
        _before = earlier.ToLookup(e => e.ClientId);
    }

    public override (long Id, long ClientId)? ByNumber(RecordUnit unit) =>
        unit.Number is { } number && _byNumber.TryGetValue((unit.Source, number), out var hit) ? hit : null;

    public override object? Stored(long id) => _stored.GetValueOrDefault(id);

    public override bool Repeats(object candidate)
    {
        var record = (TEntity)candidate;
        // Compared in memory: SQLite keeps decimals as text, where 100.5 and 100.50 differ.
        return _before[record.ClientId].Any(stored => sameDay(stored, record) && sameValues(stored, record));
    }
}
