using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Identity;

/// <summary>A live token and its user, as the token check needs them.</summary>
public sealed record ApiTokenHolder(long Id, long EmployeeId, string DisplayName, string? Email, EmployeeRole Role, bool IsActive);

/// <summary>
/// The API token check of every authenticated request, as one prepared statement on a pooled connection instead of an EF
/// query on a context of its own. The context was most of the check's cost — its internal services resolved afresh,
/// the query looked up in EF's cache, the row materialised — about a fifth of a <c>GET /api/v1/clients/{id}</c>'s CPU
/// (ADR 010, addendum). It still reads the database on every request: a token revoked or a user deactivated by another
/// node or by the command line is refused at the next request, as before. Table and column names come from the EF model,
/// so a renamed column cannot leave this statement behind.
/// </summary>
public sealed class ApiTokenLookup(DatabaseTarget target)
{
    private string? _sql;

    /// <param name="databases">The caller's system factory (the token handler's, on the access test's list), asked once
    /// for the model the statement is written from; taken per call so no second holder of it is needed.</param>
    public async Task<ApiTokenHolder?> FindAsync(string hash, SystemDbFactory databases, CancellationToken ct)
    {
        if (_sql is null)
        {
            await using var db = await databases.CreateDbContextAsync(ct);
            _sql = Statement(db.Model);
        }
        await using var connection = target.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@hash";
        parameter.Value = hash;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new ApiTokenHolder(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
            (EmployeeRole)reader.GetInt32(4), reader.GetBoolean(5));
    }

    /// <summary>The live token with this hash and its user: the same rows the EF query read.</summary>
    private static string Statement(Microsoft.EntityFrameworkCore.Metadata.IModel model)
    {
        var token = model.FindEntityType(typeof(ApiToken))!;
        var employee = model.FindEntityType(typeof(Employee))!;
        string Column(Microsoft.EntityFrameworkCore.Metadata.IEntityType type, string property) =>
            "\"" + type.FindProperty(property)!.GetColumnName() + "\"";
        return $"""
            SELECT t.{Column(token, nameof(ApiToken.Id))}, t.{Column(token, nameof(ApiToken.EmployeeId))}, e.{Column(employee, nameof(Employee.DisplayName))},
                   e.{Column(employee, nameof(Employee.Email))}, e.{Column(employee, nameof(Employee.Role))}, e.{Column(employee, nameof(Employee.IsActive))}
            FROM "{token.GetTableName()}" t JOIN "{employee.GetTableName()}" e ON e.{Column(employee, nameof(Employee.Id))} = t.{Column(token, nameof(ApiToken.EmployeeId))}
            WHERE t.{Column(token, nameof(ApiToken.Hash))} = @hash AND t.{Column(token, nameof(ApiToken.RevokedAt))} IS NULL
            LIMIT 1
            """;
    }
}
