using Clientele.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Imports.Records;

/// <summary>
/// What a batch of units needs from the base, read set-wise before the units are taken one by one: the stored records
/// their numbers name, those records themselves (to compare and update), and the client's earlier records a unit
/// without a number may repeat. A query per kind per few hundred units instead of several per unit. One reader serves
/// every batch of an import: a client's earlier records are read once, the first time a unit of the client without a
/// number comes up, and kept as their repeat keys (a re-import of a whole export names each client in many batches).
/// </summary>
internal abstract class RecordBatch
{
    /// <summary>Reads what the units need; what it read for an earlier batch by number is let go first.</summary>
    public abstract Task ReadAsync(ClienteleDb db, IReadOnlyList<RecordUnit> units, long lastIdBefore, CancellationToken ct);

    /// <summary>The record with the unit's number and source, whoever's client it is (null: none).</summary>
    public abstract (long Id, long ClientId)? ByNumber(RecordUnit unit);

    /// <summary>The stored record <see cref="ByNumber"/> found for a unit of the same client, tracked, to compare and update.</summary>
    public abstract object? Stored(long id);

    /// <summary>Whether the base had, before the import, a record of the candidate's client and day with the same values.</summary>
    public abstract bool Repeats(object candidate);
}

internal sealed class RecordBatch<TEntity, TInput, TResponse>(EntitySpec<TEntity, TInput, TResponse> spec, Func<TEntity, object> repeatKey) : RecordBatch
    where TEntity : class, IHasId, IVersioned, IExternalDocument where TInput : class
{
    /// <summary>Values per IN list: far below either database's parameter limit.</summary>
    private const int KeysPerQuery = 500;
    /// <summary>
    /// Repeat keys kept at most: past it they are let go and their clients read again when they come up, so a file of
    /// millions stays in bounded memory (all 1,000,000 of a re-import took its peak from 342 to 541 MB).
    /// </summary>
    private const int MaxKeptKeys = 200_000;

    private readonly Dictionary<(string? Source, string Number), (long Id, long ClientId)> _byNumber = [];
    private readonly Dictionary<long, TEntity> _stored = [];
    /// <summary>The repeat keys of the records the base had before the import, of every client in <see cref="_clientsRead"/>.</summary>
    private readonly HashSet<object> _before = [];
    private readonly HashSet<long> _clientsRead = [];

    public override async Task ReadAsync(ClienteleDb db, IReadOnlyList<RecordUnit> units, long lastIdBefore, CancellationToken ct)
    {
        _byNumber.Clear();
        _stored.Clear();
        if (_before.Count > MaxKeptKeys)
        {
            _before.Clear();
            _clientsRead.Clear();
        }
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
        // Records past lastIdBefore are this import's own, so what a client had before does not change while it runs.
        var unread = live.Where(u => u.Number is null).Select(u => u.ClientId).Where(_clientsRead.Add).ToList();
        foreach (var clients in unread.Chunk(KeysPerQuery))
            // The id bound is applied here, not in SQL: there SQLite would walk the primary key instead of the client index.
            foreach (var record in await db.Set<TEntity>().AsNoTracking().Where(e => clients.Contains(e.ClientId)).ToListAsync(ct))
                if (record.Id <= lastIdBefore) _before.Add(repeatKey(record));
    }

    public override (long Id, long ClientId)? ByNumber(RecordUnit unit) =>
        unit.Number is { } number && _byNumber.TryGetValue((unit.Source, number), out var hit) ? hit : null;

    public override object? Stored(long id) => _stored.GetValueOrDefault(id);

    public override bool Repeats(object candidate)
    {
        // Compared in memory: SQLite keeps decimals as text, where 100.5 and 100.50 differ.
        return _before.Contains(repeatKey((TEntity)candidate));
    }
}
