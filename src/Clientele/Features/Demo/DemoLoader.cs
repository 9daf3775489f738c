using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Demo;

/// <summary>Inserts a generated base in batches inside one transaction: all of it or, on failure, nothing.</summary>
public static class DemoLoader
{
    private const int Batch = 2_000;

    public static async Task LoadAsync(ClienteleDb db, DemoBase demo, CancellationToken ct)
    {
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.BulkLoad = true;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await InsertAsync(db, demo.Categories, ct);
        await InsertAsync(db, demo.Products, ct);
        await InsertAsync(db, demo.Clients, ct);
        await InsertAsync(db, demo.Contacts, ct);
        await InsertAsync(db, demo.Purchases, ct);
        await InsertAsync(db, demo.ServiceCosts, ct);
        await InsertAsync(db, demo.Interactions, ct);
        await InsertAsync(db, demo.Tasks, ct);
        await InsertAsync(db, demo.ExchangeRates, ct);
        await InsertAsync(db, demo.ChannelSpend, ct);
        await ClientRefresh.RunAsync(db, ClientWrite.AllClients(ChangedRows.All), ct);
        if (db.Database.IsNpgsql()) await ResetSequencesAsync(db, ct);
        await new Audit.AuditLog(db).RecordAsync(new Audit.AuditEvent(Audit.AuditAction.Created, Entity: "DemoBase",
            Detail: $"demo base: {demo.Clients.Count} clients, {demo.Purchases.Count} purchases", RowCount: demo.Clients.Count), ct);
        await transaction.CommitAsync(ct);
        db.BulkLoad = false;
        db.ChangeTracker.AutoDetectChangesEnabled = tracking;
    }

    private static async Task InsertAsync<T>(ClienteleDb db, List<T> rows, CancellationToken ct) where T : class
    {
        for (var i = 0; i < rows.Count; i += Batch)
        {
            db.AddRange(rows.Skip(i).Take(Batch));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Rows came with explicit ids; PostgreSQL's identity sequences must continue after them.</summary>
    private static async Task ResetSequencesAsync(ClienteleDb db, CancellationToken ct)
    {
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            var key = entity.FindPrimaryKey();
            if (table is null || key is not { Properties.Count: 1 } || key.Properties[0].ClrType != typeof(long)
                || key.Properties[0].ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never) continue;
            var column = key.Properties[0].GetColumnName();
            // Table and column names come from the model, never from input.
            var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), GREATEST((SELECT MAX(\"{column}\") FROM \"{table}\"), 1))";
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
    }
}
