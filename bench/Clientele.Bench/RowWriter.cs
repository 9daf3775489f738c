using Clientele.Features.Clients;
using Microsoft.Data.Sqlite;

namespace Clientele.Bench;

/// <summary>
/// Prepared INSERTs for Clients, ClientSearchTerms and ClientTags. Values go through Microsoft.Data.Sqlite's own
/// binding, the layer EF Core hands its parameters to, so dates, decimals and enums are stored as the app stores them
/// (the EF sample in <see cref="EfSample"/> checks that column by column).
/// </summary>
public sealed class RowWriter(SqliteConnection connection) : IDisposable
{
    private static readonly string[] ClientColumns =
    [
        "Id", "Kind", "Role", "Name", "LegalName", "TaxId", "Industry", "Region", "City", "Country", "Size", "Website", "Phone",
        "Email", "AcquisitionChannelId", "AcquiredOn", "AcquisitionCost", "ReferredById", "ManagerId", "Status", "LostOn",
        "ChurnReason", "Competitor", "Notes", "NameKey", "PurchaseCount", "LastPurchaseAt", "CreatedAt", "UpdatedAt", "Version",
    ];

    private readonly PreparedInsert _clients = new(connection, "Clients", ClientColumns);
    private readonly PreparedInsert _terms = new(connection, "ClientSearchTerms", ["ClientId", "Term"]);
    private readonly PreparedInsert _tags = new(connection, "ClientTags", ["ClientId", "Tag"]);

    public void Insert(Client c)
    {
        _clients.Add(
            c.Id, (int)c.Kind, (int)c.Role, c.Name, c.LegalName, c.TaxId, c.Industry, c.Region, c.City, c.Country, (int)c.Size, c.Website,
            c.Phone, c.Email, c.AcquisitionChannelId, c.AcquiredOn, c.AcquisitionCost, c.ReferredById, c.ManagerId, (int)c.Status,
            c.LostOn, c.ChurnReason, c.Competitor, c.Notes, c.NameKey, c.PurchaseCount, c.LastPurchaseAt, c.CreatedAt, c.UpdatedAt, c.Version);
        foreach (var term in c.SearchTerms) _terms.Add(c.Id, term.Term);
        foreach (var tag in c.Tags) _tags.Add(c.Id, tag.Tag);
    }

    public void Enlist(SqliteTransaction transaction)
    {
        _clients.Enlist(transaction);
        _terms.Enlist(transaction);
        _tags.Enlist(transaction);
    }

    public void Dispose()
    {
        _clients.Dispose();
        _terms.Dispose();
        _tags.Dispose();
    }
}

/// <summary>
/// One prepared single-row INSERT. (Multi-row VALUES lists measured slower here: Microsoft.Data.Sqlite looks each
/// parameter up by name on every execution, and that lookup is linear in the statement's parameter count.)
/// </summary>
public sealed class PreparedInsert : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _values;

    public PreparedInsert(SqliteConnection connection, string table, string[] columns)
    {
        _command = connection.CreateCommand();
        _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        _values = columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value))).ToArray();
    }

    public void Add(params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++) _values[i].Value = values[i] ?? DBNull.Value;
        _command.ExecuteNonQuery();
    }

    /// <summary>The command must join each new transaction; preparing keeps the statement compiled across them.</summary>
    public void Enlist(SqliteTransaction transaction)
    {
        _command.Transaction = transaction;
        _command.Prepare();
    }

    public void Dispose() => _command.Dispose();
}
