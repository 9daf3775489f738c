using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Clientele.Bench;

/// <summary>
/// Copies the filled client tables from the SQLite bench file into a migrated PostgreSQL database with COPY (text
/// format), so that both providers are measured on the very same million clients. Both were migrated the same way,
/// so the managers' and channels' ids agree; the copy checks that before it starts.
/// </summary>
public static class SqliteToPostgres
{
    public static readonly string[] Tables = ["Clients", "ClientTags", "ClientSearchTerms"];

    public static async Task<long> CopyAsync(string sqlitePath, string postgres, IReadOnlyList<long> sqliteManagers, IReadOnlyList<long> postgresManagers)
    {
        if (!sqliteManagers.SequenceEqual(postgresManagers)) throw new InvalidOperationException("The managers' ids differ between the two databases.");
        await using var source = new SqliteConnection(BenchDatabase.ConnectionString(sqlitePath));
        await source.OpenAsync();
        // Ending a COPY of a million rows waits for the server to index them: no 30 s command timeout here.
        await using var target = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { CommandTimeout = 0 }.ConnectionString);
        await target.OpenAsync();
        await Execute(target, "SET TIME ZONE 'UTC'");
        long rows = 0;
        foreach (var table in Tables)
        {
            await using var read = source.CreateCommand();
            read.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await read.ExecuteReaderAsync();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(i => $"\"{reader.GetName(i)}\"");
            await using (var copy = await target.BeginTextImportAsync($"COPY \"{table}\" ({string.Join(", ", columns)}) FROM STDIN"))
            {
                var line = new StringBuilder();
                while (await reader.ReadAsync())
                {
                    line.Clear();
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        if (i > 0) line.Append('\t');
                        line.Append(Text(reader.GetValue(i)));
                    }
                    line.Append('\n');
                    await copy.WriteAsync(line.ToString());
                    rows++;
                }
            }
            await Execute(target, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table}\"))",
                ignoreMissingColumn: true);
        }
        await Execute(target, "ANALYZE");
        await Execute(target, "CHECKPOINT");
        return rows;
    }

    /// <summary>COPY's text form: \N for null, backslash escapes; SQLite's 0/1, ISO dates and decimal text are what PostgreSQL parses.</summary>
    private static string Text(object value) => value switch
    {
        DBNull => "\\N",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        byte[] bytes => "\\\\x" + Convert.ToHexString(bytes),
        _ => value.ToString()!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal),
    };

    private static async Task Execute(NpgsqlConnection connection, string sql, bool ignoreMissingColumn = false)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (ignoreMissingColumn && e.SqlState == PostgresErrorCodes.UndefinedColumn)
        {
            // A table keyed without an "Id" column has no sequence to move on.
        }
    }
}
