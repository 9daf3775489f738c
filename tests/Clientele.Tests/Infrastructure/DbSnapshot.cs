using System.Data.Common;
using System.Globalization;
using System.Text;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Infrastructure;

/// <summary>
/// Every row of every table of the model, as text: two equal snapshots mean the database did not change.
/// API tokens are left out because each authenticated request stamps its token's last use, the audit trail because
/// every read is recorded in it, the data-protection key ring because a host adds its first key when it first needs one.
/// </summary>
public static class DbSnapshot
{
    public static Task<string> TakeAsync(ClienteleApp app) => app.ReadAsync(async db =>
    {
        var tables = db.Model.GetEntityTypes()
            .Where(t => t.ClrType != typeof(ApiToken) && t.GetTableName() is not null && !t.IsOwned())
            // The audit trail records reads (views, searches) too; it is checked by its own tests and by audit verify.
            .Where(t => t.ClrType != typeof(Clientele.Features.Audit.AuditEntry) && t.ClrType != typeof(Clientele.Features.Audit.AuditEntryClient))
            // The key ring gets its first key whenever a host first signs something (a form's antiforgery token), not by a write.
            .Where(t => t.ClrType != typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey))
            // The analytics generation tells other nodes that something changed: a rollback or an undo is a change too, so
            // it moves on with them by design (ADR 041), while every row of data comes back exactly.
            .Where(t => t.ClrType != typeof(Clientele.Features.Analytics.AnalyticsGeneration))
            .Select(t => t.GetTableName()!)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var text = new StringBuilder();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in tables)
                text.Append(table).Append('\n').Append(await DumpAsync(connection, table)).Append('\n');
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return text.ToString();
    });

    private static async Task<string> DumpAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(string.Join('|', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        }
        rows.Sort(StringComparer.Ordinal);
        return $"{rows.Count} rows\n" + string.Join('\n', rows);
    }
}
