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

    /// <summary>
    /// Indexes the new rows extend at their end, so on SQLite keeping them up to date row by row costs less than a
    /// rebuild (which reads the whole table again): new clients have the highest ids, are created now, have no purchase
    /// and no referrer yet and stand on the ladder's first step; their contacts and ladder rows carry those ids.
    /// 1M rows: the SQLite merge 39.2 → 34.8 s. PostgreSQL drops them all: its inserts got slower by what the rebuilds
    /// saved (it logs every index entry either way).
    /// </summary>
    private static readonly string[] ExtendedAtTheirEnd =
    [
        "IX_Clients_CreatedAt_Id", "IX_Clients_LastPurchaseAt_Id", "IX_Clients_Status_LastPurchaseAt_Id", "IX_Clients_ReferredById", "IX_Clients_ServedThroughId",
        "IX_ContactPersons_ClientId", "IX_ClientLoyalty_Stage", "IX_ClientLoyaltySteps_ClientId_Date",
    ];

    private readonly List<IndexRow> _dropped;

    private BulkIndexes(List<IndexRow> dropped) => _dropped = dropped;

    public int Count => _dropped.Count;

    /// <summary>Drops the plain indexes of <see cref="Tables"/> (and on PostgreSQL their foreign keys); call inside the merge's transaction.</summary>
    public static Task<BulkIndexes> DropAsync(ClienteleDb db, CancellationToken ct) =>
        DropAsync(db, Tables, db.Database.IsNpgsql() ? [] : ExtendedAtTheirEnd, ct);

    /// <summary>The same for other tables (a record import's, ADR 034), keeping the indexes named in <paramref name="keep"/>.</summary>
    public static async Task<BulkIndexes> DropAsync(ClienteleDb db, IEnumerable<string> tableNames, IEnumerable<string> keep, CancellationToken ct)
    {
        var tables = string.Join(", ", tableNames.Select(t => $"'{t}'"));
        var kept = string.Join(", ", keep.DefaultIfEmpty("-").Select(t => $"'{t}'"));
        // The statements are written by the database from its own catalogue, names quoted by it: nothing comes from input.
        var sql = db.Database.IsNpgsql()
            // Unique indexes and those behind constraints stay: they check the rows as they go in. Foreign keys go too:
            // PostgreSQL checks them with a trigger per inserted row, and adding one back checks all rows in one join.
            ? $"""
               SELECT format('DROP INDEX %I.%I', i.schemaname, i.indexname) AS "Drop", i.indexdef AS "Create", 0 AS "Order"
               FROM pg_indexes i
               JOIN pg_class c ON c.relname = i.indexname JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = i.schemaname
               JOIN pg_index x ON x.indexrelid = c.oid
               WHERE i.schemaname = current_schema() AND i.tablename IN ({tables}) AND NOT x.indisunique
                 AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid) AND i.indexname NOT IN ({kept})
               UNION ALL
               SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', k.conrelid::regclass, k.conname),
                      format('ALTER TABLE %s ADD CONSTRAINT %I %s', k.conrelid::regclass, k.conname, pg_get_constraintdef(k.oid)), 1
               FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
               WHERE k.contype = 'f' AND n.nspname = current_schema() AND t.relname IN ({tables})
               """
            // Constraint indexes (sqlite_autoindex_*) have no SQL and cannot be dropped; unique ones stay as above.
            // SQLite's foreign-key checks are plain index lookups and stay on.
            : $"""
               SELECT 'DROP INDEX "' || replace(name, '"', '""') || '"' AS "Drop", sql AS "Create", 0 AS "Order" FROM sqlite_master
               WHERE type = 'index' AND tbl_name IN ({tables}) AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' AND name NOT IN ({kept})
               """;
        var dropped = await db.Database.SqlQueryRaw<IndexRow>(sql).ToListAsync(ct);
        foreach (var item in dropped) await db.Database.ExecuteSqlRawAsync(item.Drop, ct);
        return new BulkIndexes(dropped);
    }

    /// <summary>Creates the dropped indexes again, exactly as they were defined, then the foreign keys (which the indexes help check).</summary>
    public async Task RecreateAsync(ClienteleDb db, CancellationToken ct)
    {
        foreach (var item in _dropped.OrderBy(d => d.Order)) await db.Database.ExecuteSqlRawAsync(item.Create, ct);
    }

    private sealed class IndexRow
    {
        public required string Drop { get; init; }
        public required string Create { get; init; }
        public int Order { get; init; }
    }
}
