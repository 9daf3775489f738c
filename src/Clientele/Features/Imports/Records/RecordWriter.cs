using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Clientele.Features.Imports.Records;

/// <summary>
/// Writes the records an import created below EF through <see cref="BulkRows"/> (SQLite: one prepared INSERT bound by
/// position; PostgreSQL: binary COPY), in the forms a SaveChanges would write. Ids are taken first (SQLite:
/// past the table's largest and its AUTOINCREMENT counter, inside the import's write transaction; PostgreSQL: from the
/// identity sequence), so a record's lines and its note for the rollback can name it.
/// </summary>
internal static class RecordWriter
{
    /// <summary>Stamps and writes <paramref name="records"/> (one entity type) with their dependent rows (a purchase's lines) and the job's notes of them.</summary>
    public static async Task InsertAsync(ClienteleDb db, long jobId, string entity, IReadOnlyList<object> records, CancellationToken ct)
    {
        if (records.Count == 0) return;
        var type = db.Model.FindEntityType(records[0].GetType()) ?? throw new InvalidOperationException($"{records[0].GetType()} is not an entity.");
        var key = type.FindPrimaryKey()!.Properties.Single();
        var ids = await ReserveIdsAsync(db, type, key, records.Count, ct);
        var now = db.UtcNow;
        for (var i = 0; i < records.Count; i++)
        {
            // What ClienteleDb stamps on an added entity.
            if (records[i] is IStamped stamped)
            {
                if (stamped.CreatedAt == default) stamped.CreatedAt = now;
                stamped.UpdatedAt = stamped.CreatedAt > now ? stamped.CreatedAt : now;
            }
            if (records[i] is IVersioned { Version: 0 } versioned) versioned.Version = 1;
            key.PropertyInfo!.SetValue(records[i], ids[i]);
        }
        await BulkRows.InsertAsync(db, type, records, withKey: true, ct);
        foreach (var navigation in type.GetNavigations().Where(n => n.IsCollection && !n.IsOnDependent))
        {
            var foreignKey = navigation.ForeignKey.Properties.Single().PropertyInfo!;
            var children = new List<object>();
            for (var i = 0; i < records.Count; i++)
                foreach (var child in (System.Collections.IEnumerable)navigation.PropertyInfo!.GetValue(records[i])!)
                {
                    foreignKey.SetValue(child, ids[i]);
                    children.Add(child);
                }
            if (children.Count > 0) await BulkRows.InsertAsync(db, navigation.TargetEntityType, children, withKey: false, ct);
        }
        var notes = ids.Select(id => (object)new ImportCreatedRecord { JobId = jobId, Entity = entity, EntityId = id }).ToList();
        await BulkRows.InsertAsync(db, db.Model.FindEntityType(typeof(ImportCreatedRecord))!, notes, withKey: true, ct);
    }

    private static async Task<long[]> ReserveIdsAsync(ClienteleDb db, IEntityType type, IProperty key, int count, CancellationToken ct)
    {
        var table = type.GetTableName()!;
        var column = key.GetColumnName();
        await using var command = Command(db);
        if (db.Database.IsNpgsql())
        {
            command.CommandText = $"SELECT nextval(pg_get_serial_sequence('\"{table}\"', '{column}')) FROM generate_series(1, {count})";
            var ids = new long[count];
            await using var reader = await command.ExecuteReaderAsync(ct);
            for (var i = 0; await reader.ReadAsync(ct); i++) ids[i] = reader.GetInt64(0);
            return ids;
        }
        // The write transaction holds SQLite's one writer lock, so nobody takes these ids meanwhile; past the AUTOINCREMENT
        // counter, ids of deleted rows are not handed out again, as SQLite itself would not.
        command.CommandText = $"SELECT max(COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0), " +
            $"COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0))";
        var last = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return [.. Enumerable.Range(1, count).Select(i => last + i)];
    }

    private static DbCommand Command(ClienteleDb db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}
