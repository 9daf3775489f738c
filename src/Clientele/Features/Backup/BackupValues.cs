using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Text.Json;

namespace Clientele.Features.Backup;

/// <summary>
/// Carries a column's value between the database and the archive as the model's value (a DateTime in UTC, a decimal, an
/// enum by name), never as the provider's storage form — SQLite keeps dates and decimals as text, PostgreSQL natively —
/// so that a backup of one provider restores into the other.
/// </summary>
internal static class BackupValues
{
    private static readonly ConcurrentDictionary<Type, Func<DbDataReader, int, object>> Readers = new();
    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;

    /// <summary>The model's value of column <paramref name="ordinal"/> of the current row, or null.</summary>
    public static object? Read(DbDataReader reader, int ordinal, BackupColumn column)
    {
        if (reader.IsDBNull(ordinal)) return null;
        if (column.Mapping is not { } mapping) return reader.GetFieldValue<string>(ordinal);
        var providerType = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        providerType = Nullable.GetUnderlyingType(providerType) ?? providerType;
        var stored = Readers.GetOrAdd(providerType, Compile)(reader, ordinal);
        return mapping.Converter is { } converter ? converter.ConvertFromProvider(stored) : stored;
    }

    public static void Write(Utf8JsonWriter json, object? value, BackupColumn column)
    {
        if (value is null) json.WriteNullValue();
        else JsonSerializer.Serialize(json, value, Nullable.GetUnderlyingType(column.ModelType) ?? column.ModelType, BackupManifest.Json);
    }

    /// <summary>The model's value from the archive's JSON; a value that does not fit the column is a broken archive.</summary>
    public static object? Parse(JsonElement element, BackupColumn column, string table, long line)
    {
        if (element.ValueKind == JsonValueKind.Null) return null;
        try
        {
            return element.Deserialize(Nullable.GetUnderlyingType(column.ModelType) ?? column.ModelType, BackupManifest.Json);
        }
        catch (JsonException e)
        {
            throw new BackupException($"{table}.jsonl line {line}: column {column.Name} holds {element.GetRawText()}, not a {column.ModelType.Name} ({e.Message})", e);
        }
    }

    public static DbParameter Parameter(DbCommand command, string name, object? value, BackupColumn column)
    {
        if (column.Mapping is { } mapping) return mapping.CreateParameter(command, name, value, nullable: true);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }

    /// <summary>The parameter's place in the INSERT: PostgreSQL takes JSON text into a json/jsonb column only with a cast.</summary>
    public static string Placeholder(string name, BackupColumn column, bool postgres) =>
        postgres && column.IsJson && column.StoreType.StartsWith("json", StringComparison.OrdinalIgnoreCase) ? $"CAST({name} AS {column.StoreType})" : name;

    private static Func<DbDataReader, int, object> Compile(Type type)
    {
        var method = GetFieldValue.MakeGenericMethod(type);
        return (reader, ordinal) => method.Invoke(reader, [ordinal])!;
    }
}
