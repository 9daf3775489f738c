using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Imports.Engine;

/// <summary>
/// The plain (non-unique, non-constraint) indexes of the tables a big import fills, dropped before its inserts and
/// created again from their own stored definitions before the merge commits. Building an index once from sorted rows
/// costs a fraction of keeping seventeen B-trees up to date row by row: the 1M-row merge spent most of its time there.
/// It all happens inside the merge's transaction (DDL is transactional in SQLite and PostgreSQL), so a kill at any
/// point leaves the indexes as they were. Only worth it when the import at least doubles the table; a small import
/// into a big base keeps its indexes (rebuilding them would cost more, and on PostgreSQL the drop locks out readers).
/// </summary>
public sealed class BulkIndexes
{
    /// <summary>The tables the merge inserts into, in the order it fills them.</summary>
    public static readonly string[] Tables = ["Clients", "ContactPersons", "ClientTags", "ClientSearchTerms", "ClientLoyalty", "ClientLoyaltySteps"];

    private readonly List<(string Name, string Definition)> _dropped;

    private BulkIndexes(List<(string Name, string Definition)> dropped) => _dropped = dropped;

    public int Count => _dropped.Count;

    /// <summary>Drops the plain indexes of <see cref="Tables"/>; call inside the merge's transaction.</summary>
    public static async Task<BulkIndexes> DropAsync(ClienteleDb db, CancellationToken ct)
    {
        var tables = string.Join(", ", Tables.Select(t => $"'{t}'"));
        var sql = db.Database.IsNpgsql()
            // Unique indexes and those behind constraints stay: they check the rows as they go in.
            ? $"""
               SELECT i.indexname AS "Name", i.indexdef AS "Definition" FROM pg_indexes i
               JOIN pg_class c ON c.relname = i.indexname JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = i.schemaname
               JOIN pg_index x ON x.indexrelid = c.oid
               WHERE i.schemaname = current_schema() AND i.tablename IN ({tables}) AND NOT x.indisunique
                 AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)
               """
            // Constraint indexes (sqlite_autoindex_*) have no SQL and cannot be dropped; unique ones stay as above.
            : $"""
               SELECT name AS "Name", sql AS "Definition" FROM sqlite_master
               WHERE type = 'index' AND tbl_name IN ({tables}) AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
               """;
        var indexes = await db.Database.SqlQueryRaw<IndexRow>(sql).ToListAsync(ct);
        var dropped = new List<(string, string)>();
        foreach (var index in indexes)
        {
            // The names come from the database's own catalogue, not from input; quoted all the same.
#pragma warning disable EF1003
            await db.Database.ExecuteSqlRawAsync("DROP INDEX \"" + index.Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", ct);
#pragma warning restore EF1003
            dropped.Add((index.Name, index.Definition));
        }
        return new BulkIndexes(dropped);
    }

    /// <summary>Creates the dropped indexes again, exactly as they were defined.</summary>
    public async Task RecreateAsync(ClienteleDb db, CancellationToken ct)
    {
        foreach (var (_, definition) in _dropped) await db.Database.ExecuteSqlRawAsync(definition, ct);
    }

    private sealed class IndexRow
    {
        public required string Name { get; init; }
        public required string Definition { get; init; }
    }
}
