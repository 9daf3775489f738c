using Clientele.Features.Clients;
using Microsoft.Data.Sqlite;

namespace Clientele.Bench;

/// <summary>
/// Prepared INSERTs for Clients, ClientSearchTerms and ClientTags. Values go through Microsoft.Data.Sqlite's own
/// binding, the layer EF Core hands its parameters to, so dates, decimals and enums are stored as the app stores them
/// (the EF sample in <see cref="EfSample"/> checks that row by row).
/// </summary>
public sealed class RowWriter : IDisposable
{
    private static readonly string[] ClientColumns =
    [
        "Id", "Kind", "Role", "Name", "LegalName", "TaxId", "Industry", "Region", "City", "Country", "Size", "Website", "Phone",
        "Email", "AcquisitionChannelId", "AcquiredOn", "AcquisitionCost", "ReferredById", "ManagerId", "Status", "LostOn",
        "ChurnReason", "Competitor", "Notes", "NameKey", "PurchaseCount", "LastPurchaseAt", "CreatedAt", "UpdatedAt", "Version",
    ];

    private readonly SqliteCommand _client;
    private readonly SqliteParameter[] _c;
    private readonly SqliteCommand _term;
    private readonly SqliteParameter _termClient, _termText;
    private readonly SqliteCommand _tag;
    private readonly SqliteParameter _tagClient, _tagText;

    public RowWriter(SqliteConnection connection)
    {
        _client = connection.CreateCommand();
        _client.CommandText = $"INSERT INTO \"Clients\" ({string.Join(", ", ClientColumns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", ClientColumns.Select((_, i) => $"$p{i}"))})";
        _c = ClientColumns.Select((_, i) => _client.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value))).ToArray();
        (_term, _termClient, _termText) = Pair(connection, "INSERT INTO \"ClientSearchTerms\" (\"ClientId\", \"Term\") VALUES ($c, $t)");
        (_tag, _tagClient, _tagText) = Pair(connection, "INSERT INTO \"ClientTags\" (\"ClientId\", \"Tag\") VALUES ($c, $t)");
    }

    private static (SqliteCommand, SqliteParameter, SqliteParameter) Pair(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return (command, command.Parameters.Add(new SqliteParameter("$c", 0L)), command.Parameters.Add(new SqliteParameter("$t", "")));
    }

    /// <summary>Commands must join each new transaction; preparing once keeps the statements compiled across them.</summary>
    public void Enlist(SqliteTransaction transaction)
    {
        foreach (var command in new[] { _client, _term, _tag })
        {
            command.Transaction = transaction;
            command.Prepare();
        }
    }

    public void Insert(Client c)
    {
        object?[] values =
        [
            c.Id, (int)c.Kind, (int)c.Role, c.Name, c.LegalName, c.TaxId, c.Industry, c.Region, c.City, c.Country, (int)c.Size, c.Website,
            c.Phone, c.Email, c.AcquisitionChannelId, c.AcquiredOn, c.AcquisitionCost, c.ReferredById, c.ManagerId, (int)c.Status,
            c.LostOn, c.ChurnReason, c.Competitor, c.Notes, c.NameKey, c.PurchaseCount, c.LastPurchaseAt, c.CreatedAt, c.UpdatedAt, c.Version,
        ];
        for (var i = 0; i < values.Length; i++) _c[i].Value = values[i] ?? DBNull.Value;
        _client.ExecuteNonQuery();

        _termClient.Value = c.Id;
        foreach (var term in c.SearchTerms)
        {
            _termText.Value = term.Term;
            _term.ExecuteNonQuery();
        }
        _tagClient.Value = c.Id;
        foreach (var tag in c.Tags)
        {
            _tagText.Value = tag.Tag;
            _tag.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _term.Dispose();
        _tag.Dispose();
    }
}
