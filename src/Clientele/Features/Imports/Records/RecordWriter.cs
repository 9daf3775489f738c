using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Clientele.Features.Imports.Records;

/// <summary>
/// Writes the records an import created below EF, as the client import's staging does: on SQLite one prepared INSERT
/// per table reused for every row, on PostgreSQL binary COPY. The columns, and each value's conversion and parameter
/// type, come from the EF model, so the stored forms are those a SaveChanges would write. Ids are taken first (SQLite:
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
        await WriteAsync(db, type, records, withKey: true, ct);
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
            if (children.Count > 0) await WriteAsync(db, navigation.TargetEntityType, children, withKey: false, ct);
        }
        var notes = ids.Select(id => (object)new ImportCreatedRecord { JobId = jobId, Entity = entity, EntityId = id }).ToList();
        await WriteAsync(db, db.Model.FindEntityType(typeof(ImportCreatedRecord))!, notes, withKey: true, ct);
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

    private sealed record Column(string Name, PropertyInfo Property, RelationalTypeMapping Mapping, bool Nullable)
    {
        /// <summary>The value as the provider takes it: after the model's converter, an enum as its number.</summary>
        public object? Value(object entity)
        {
            var value = Property.GetValue(entity);
            if (value is null) return null;
            if (Mapping.Converter is { } converter) return converter.ConvertToProvider(value);
            return value is Enum ? Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), System.Globalization.CultureInfo.InvariantCulture) : value;
        }
    }

    private static Column[] Columns(IEntityType type, bool withKey) =>
        [.. type.GetProperties()
            .Where(p => p.PropertyInfo is not null && (withKey || !p.IsPrimaryKey()))
            .Select(p => new Column(p.GetColumnName(), p.PropertyInfo!, (RelationalTypeMapping)p.GetTypeMapping(), p.IsNullable))];

    private static async Task WriteAsync(ClienteleDb db, IEntityType type, IReadOnlyList<object> rows, bool withKey, CancellationToken ct)
    {
        var columns = Columns(type, withKey);
        var table = type.GetTableName()!;
        var names = string.Join(",", columns.Select(c => $"\"{c.Name}\""));
        if (db.Database.GetDbConnection() is NpgsqlConnection pg)
        {
            await using var importer = await pg.BeginBinaryImportAsync($"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
            importer.Timeout = TimeSpan.FromMinutes(30);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                foreach (var column in columns) await WriteAsync(importer, column.Value(row), ct);
            }
            await importer.CompleteAsync(ct);
            return;
        }
        await using var insert = (SqliteCommand)Command(db);
        insert.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(",", columns.Select((_, i) => "@p" + i))})";
        // The model's own parameter set-up (type, size), so SQLite stores each value in the form EF would.
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(insert, "@p" + i, null, c.Nullable)).ToArray();
        insert.Parameters.AddRange(parameters);
        insert.Prepare();
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < columns.Length; i++) parameters[i].Value = columns[i].Value(row) ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken ct) => value switch
    {
        null => importer.WriteNullAsync(ct),
        long number => importer.WriteAsync(number, ct),
        int number => importer.WriteAsync(number, ct),
        short number => importer.WriteAsync(number, ct),
        bool flag => importer.WriteAsync(flag, ct),
        decimal amount => importer.WriteAsync(amount, ct),
        double real => importer.WriteAsync(real, ct),
        string text => importer.WriteAsync(text, ct),
        DateTime moment => importer.WriteAsync(moment, ct),
        DateOnly day => importer.WriteAsync(day, ct),
        Guid id => importer.WriteAsync(id, ct),
        var other => throw new InvalidOperationException($"no COPY writer for {other.GetType()}"),
    };

    private static DbCommand Command(ClienteleDb db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}
