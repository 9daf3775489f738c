using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Clientele.Features.Backup;

/// <summary>
/// One column as the backup reads and writes it: its model type and the mapping that converts to and from the database.
/// A JSON column (an owned collection stored as JSON) has no mapping of its own: it travels as its JSON text.
/// </summary>
public sealed record BackupColumn(string Name, Type ModelType, RelationalTypeMapping? Mapping, bool IsKey, string StoreType)
{
    public bool IsJson => Mapping is null;
}

/// <summary>One table of the model, with the columns a backup carries (computed columns are the database's own).</summary>
/// <param name="SelfReferences">Columns referring to a row of the same table (a client's referrer, a merged competitor).</param>
public sealed record BackupTable(string Name, IReadOnlyList<BackupColumn> Columns, IReadOnlyList<string>? SelfReferences = null)
{
    public string File => Name + ".jsonl";
}

/// <summary>
/// The tables a backup holds, read from the EF model so that a table added later is backed up without anyone
/// remembering to: every table of the relational model (Identity's and the audit trail's included), parents before
/// children so that a restore can insert them in this order with foreign keys checked.
/// </summary>
public static class BackupSchema
{
    public static IReadOnlyList<BackupTable> Tables(ClienteleDb db)
    {
        var tables = db.Model.GetRelationalModel().Tables.ToList();
        var byName = tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var ordered = new List<ITable>(tables.Count);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: being visited, true: done
        foreach (var table in tables.OrderBy(t => t.Name, StringComparer.Ordinal)) Visit(table);
        return [.. ordered.Select(Describe)];

        void Visit(ITable table)
        {
            if (state.TryGetValue(table.Name, out var done))
            {
                if (!done) throw new InvalidOperationException($"Tables {table.Name} and another reference each other; a backup cannot order them.");
                return;
            }
            state[table.Name] = false;
            // A table referring to itself (a parent row) is ordered within the table, by key, not here.
            foreach (var parent in table.ForeignKeyConstraints.Select(f => f.PrincipalTable).Where(p => p.Name != table.Name).OrderBy(p => p.Name, StringComparer.Ordinal))
                if (byName.ContainsKey(parent.Name)) Visit(parent);
            state[table.Name] = true;
            ordered.Add(table);
        }
    }

    private static BackupTable Describe(ITable table)
    {
        var key = table.PrimaryKey?.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        var columns = table.Columns
            .Where(c => c.ComputedColumnSql is null)
            .OrderBy(c => key.Contains(c.Name) ? 0 : 1).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.PropertyMappings.FirstOrDefault() is { } mapping
                ? new BackupColumn(c.Name, mapping.Property.ClrType, mapping.TypeMapping, key.Contains(c.Name), c.StoreType)
                : new BackupColumn(c.Name, typeof(string), null, false, c.StoreType));
        var selfReferences = table.ForeignKeyConstraints.Where(f => f.PrincipalTable.Name == table.Name).SelectMany(f => f.Columns).Select(c => c.Name).Distinct().ToList();
        return new BackupTable(table.Name, [.. columns], selfReferences);
    }

    /// <summary>
    /// The model's tables as the database has them: only the tables and columns that exist there. On a database of an
    /// older schema (before an upgrade) that is what its migrations made; a restore brings a new database to that
    /// schema (the manifest names it) and fills these columns.
    /// </summary>
    public static async Task<IReadOnlyList<BackupTable>> PresentAsync(ClienteleDb db, CancellationToken ct)
    {
        var present = new List<BackupTable>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var table in Tables(db))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = db.Database.IsNpgsql()
                    ? "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table"
                    : "SELECT name FROM pragma_table_info(@table)";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@table";
                parameter.Value = table.Name;
                command.Parameters.Add(parameter);
                var columns = new HashSet<string>(StringComparer.Ordinal);
                await using (var reader = await command.ExecuteReaderAsync(ct))
                    while (await reader.ReadAsync(ct)) columns.Add(reader.GetString(0));
                if (columns.Count == 0) continue;
                present.Add(table with
                {
                    Columns = [.. table.Columns.Where(c => columns.Contains(c.Name))],
                    SelfReferences = table.SelfReferences?.Where(columns.Contains).ToList(),
                });
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return present;
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
