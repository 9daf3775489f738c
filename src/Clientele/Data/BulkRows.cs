using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using SQLitePCL;

namespace Clientele.Data;

/// <summary>
/// Inserts many rows of one entity type below EF, inside the context's current transaction: on SQLite one prepared
/// statement bound through SQLitePCL on the connection's own handle, on PostgreSQL binary COPY. The columns and each
/// value's conversion come from the EF model, and values are bound in the forms Microsoft.Data.Sqlite and Npgsql give
/// the same CLR values, so what is stored is what SaveChanges would store (ADR 020, ADR 028). For bulk writers
/// (imports, the refresh of many clients); nothing is tracked, and the caller stamps what ClienteleDb would stamp.
/// </summary>
public static class BulkRows
{
    /// <summary>Writes <paramref name="rows"/> (all of <paramref name="type"/>); the key column only when <paramref name="withKey"/> (else the database gives it).</summary>
    public static async Task InsertAsync(ClienteleDb db, IEntityType type, IReadOnlyList<object> rows, bool withKey, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var columns = Columns(type, withKey);
        var table = type.GetTableName()!;
        var names = string.Join(",", columns.Select(c => $"\"{c.Name}\""));
        // All rows or none, as a SaveChanges would: a caller outside a transaction gets one of its own.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (db.Database.GetDbConnection() is NpgsqlConnection pg)
        {
            await using var importer = await pg.BeginBinaryImportAsync($"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
            importer.Timeout = TimeSpan.FromMinutes(30);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                foreach (var column in columns) await CopyAsync(importer, column.Value(row), ct);
            }
            await importer.CompleteAsync(ct);
        }
        else InsertSqlite((SqliteConnection)db.Database.GetDbConnection(), table, names, columns, rows, ct);
        if (own is not null) await own.CommitAsync(ct);
    }

    /// <summary>The same for an entity class of the model.</summary>
    public static Task InsertAsync<T>(ClienteleDb db, IReadOnlyList<T> rows, bool withKey, CancellationToken ct) where T : class =>
        InsertAsync(db, db.Model.FindEntityType(typeof(T))!, rows as IReadOnlyList<object> ?? [.. rows], withKey, ct);

    /// <summary>
    /// Sets <paramref name="properties"/> of existing rows by key, below EF and inside the context's transaction: each row
    /// is its key's value followed by the properties' values, as the entity holds them (the model's converters apply).
    /// For derived columns a bulk refresh computed from rows it has already read; nothing is stamped or versioned.
    /// </summary>
    public static async Task UpdateAsync(ClienteleDb db, IEntityType type, string[] properties, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var key = type.FindPrimaryKey()!.Properties.Single();
        var set = properties.Select(name => type.FindProperty(name) ?? throw new ArgumentException($"{type.DisplayName()} has no property {name}", nameof(properties))).ToArray();
        var converters = set.Prepend(key).Select(p => ((RelationalTypeMapping)p.GetTypeMapping()).Converter).ToArray();
        var table = type.GetTableName()!;
        var assignments = string.Join(",", set.Select((p, i) => $"\"{p.GetColumnName()}\" = {{{i + 1}}}"));
        var template = $"UPDATE \"{table}\" SET {assignments} WHERE \"{key.GetColumnName()}\" = {{0}}";
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (db.Database.GetDbConnection() is NpgsqlConnection pg)
        {
            // One round trip for the lot: a batch of the same prepared-shape statement, values typed by Npgsql.
            var sql = string.Format(CultureInfo.InvariantCulture, template, [.. Enumerable.Range(1, set.Length + 1).Select(i => (object)("$" + (i == 1 ? set.Length + 1 : i - 1)))]);
            await using var batch = new NpgsqlBatch(pg);
            foreach (var row in rows)
            {
                var command = new NpgsqlBatchCommand(sql);
                for (var i = 1; i < row.Length; i++) command.Parameters.Add(new NpgsqlParameter { Value = Provider(row[i], converters[i]) ?? DBNull.Value });
                command.Parameters.Add(new NpgsqlParameter { Value = Provider(row[0], converters[0]) ?? DBNull.Value });
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(ct);
        }
        else
        {
            var sql = string.Format(CultureInfo.InvariantCulture, template, [.. Enumerable.Range(0, set.Length + 1).Select(i => (object)("?" + (i + 1)))]);
            StepEach((SqliteConnection)db.Database.GetDbConnection(), sql, rows, set.Length + 1, (row, i) => Provider(row[i], converters[i]), ct);
        }
        if (own is not null) await own.CommitAsync(ct);
    }

    /// <summary>The same for an entity class of the model.</summary>
    public static Task UpdateAsync<T>(ClienteleDb db, string[] properties, IReadOnlyList<object?[]> rows, CancellationToken ct) where T : class =>
        UpdateAsync(db, db.Model.FindEntityType(typeof(T))!, properties, rows, ct);

    /// <summary>A value as the provider takes it: after the model's converter, an enum as its number.</summary>
    private static object? Provider(object? value, ValueConverter? converter)
    {
        if (value is null) return null;
        if (converter is not null) return converter.ConvertToProvider(value);
        return value is Enum ? Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), CultureInfo.InvariantCulture) : value;
    }

    private sealed record Column(string Name, Func<object, object?> Get, ValueConverter? Converter)
    {
        /// <summary>The value as the provider takes it: after the model's converter, an enum as its number.</summary>
        public object? Value(object entity) => Provider(Get(entity), Converter);
    }

    /// <summary>Per entity type, with or without its key: compiled once, since reflection's GetValue cost a tenth of an import (ADR 028).</summary>
    private static readonly ConcurrentDictionary<(IEntityType Type, bool WithKey), Column[]> ColumnsOf = new();

    private static Column[] Columns(IEntityType type, bool withKey) => ColumnsOf.GetOrAdd((type, withKey), key =>
        [.. key.Type.GetProperties()
            .Where(p => p.PropertyInfo is not null && (key.WithKey || !p.IsPrimaryKey()))
            .Select(p => new Column(p.GetColumnName(), Getter(p.PropertyInfo!), ((RelationalTypeMapping)p.GetTypeMapping()).Converter))]);

    private static Func<object, object?> Getter(PropertyInfo property)
    {
        var entity = Expression.Parameter(typeof(object), "entity");
        var read = Expression.Property(Expression.Convert(entity, property.DeclaringType!), property);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), entity).Compile();
    }

    /// <summary>
    /// Microsoft.Data.Sqlite looks every parameter up by name on every execution, about as much as the insert itself
    /// (the client import measured it, ADR 020): the handle's own statement, bound by position, is about three times cheaper.
    /// </summary>
    private static void InsertSqlite(SqliteConnection connection, string table, string names, Column[] columns, IReadOnlyList<object> rows, CancellationToken ct) =>
        StepEach(connection, $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(",", columns.Select((_, i) => "?" + (i + 1)))})",
            rows, columns.Length, (row, i) => columns[i].Value(row), ct);

    /// <summary>Runs the statement once per row on the connection's handle, binding the row's <paramref name="width"/> values by position.</summary>
    private static void StepEach<TRow>(SqliteConnection connection, string sql, IReadOnlyList<TRow> rows, int width, Func<TRow, int, object?> valueAt, CancellationToken ct)
    {
        var handle = connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(handle, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, handle);
        using (statement)
        {
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < width; i++)
                {
                    rc = Bind(statement, i + 1, valueAt(row, i));
                    SqliteException.ThrowExceptionForRC(rc, handle);
                }
                rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, handle);
                raw.sqlite3_reset(statement);
            }
        }
    }

    /// <summary>A value in the form Microsoft.Data.Sqlite binds it (its SqliteValueBinder): integers, reals, UTF-8 text, dates and decimals as invariant text.</summary>
    private static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        short number => raw.sqlite3_bind_int64(statement, index, number),
        byte number => raw.sqlite3_bind_int64(statement, index, number),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        double real => raw.sqlite3_bind_double(statement, index, real),
        float real => raw.sqlite3_bind_double(statement, index, real),
        string text => raw.sqlite3_bind_text(statement, index, text),
        decimal amount => raw.sqlite3_bind_text(statement, index, amount.ToString("0.0###########################", CultureInfo.InvariantCulture)),
        DateTime moment => raw.sqlite3_bind_text(statement, index, moment.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        DateOnly day => raw.sqlite3_bind_text(statement, index, day.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
        var other => throw new InvalidOperationException($"no SQLite binding for {other.GetType()}"),
    };

    private static Task CopyAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken ct) => value switch
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
}
