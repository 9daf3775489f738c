using System.Data.Common;
using Clientele.Data;
using Clientele.Features.Company;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Bench;

/// <summary>
/// Changes the benchmark can try before they go into the app: proposed indexes (<c>--what-if-indexes</c>) and
/// extra per-connection pragmas (<c>--pragmas</c>). The default run uses neither, so it measures the app as it is.
/// </summary>
public static class WhatIf
{
    /// <summary>
    /// Filter indexes that also carry the other filter columns, so a COUNT under two filters is answered from the
    /// index alone (no row lookups); manager + status as one range; indexes for the other grid sorts.
    /// </summary>
    public static readonly (string Drop, string Create)[] Indexes =
    [
        ("IX_Clients_ManagerId_NameKey_Id", "CREATE INDEX \"IX_Clients_ManagerId_Status_NameKey_Id\" ON \"Clients\" (\"ManagerId\", \"Status\", \"NameKey\", \"Id\", \"Region\", \"Role\", \"AcquisitionChannelId\", \"PurchaseCount\")"),
        ("IX_Clients_Status_NameKey_Id", "CREATE INDEX \"IX_Clients_Status_NameKey_Id_Filters\" ON \"Clients\" (\"Status\", \"NameKey\", \"Id\", \"ManagerId\", \"Region\", \"Role\", \"AcquisitionChannelId\", \"PurchaseCount\")"),
        ("IX_Clients_Region_NameKey_Id", "CREATE INDEX \"IX_Clients_Region_NameKey_Id_Filters\" ON \"Clients\" (\"Region\", \"NameKey\", \"Id\", \"Status\", \"ManagerId\", \"Role\", \"AcquisitionChannelId\", \"PurchaseCount\")"),
        ("IX_Clients_Role_NameKey_Id", "CREATE INDEX \"IX_Clients_Role_NameKey_Id_Filters\" ON \"Clients\" (\"Role\", \"NameKey\", \"Id\", \"Status\", \"ManagerId\", \"Region\", \"AcquisitionChannelId\", \"PurchaseCount\")"),
        ("IX_Clients_AcquisitionChannelId_NameKey_Id", "CREATE INDEX \"IX_Clients_AcquisitionChannelId_NameKey_Id_Filters\" ON \"Clients\" (\"AcquisitionChannelId\", \"NameKey\", \"Id\", \"Status\", \"ManagerId\", \"Region\", \"Role\", \"PurchaseCount\")"),
        ("", "CREATE INDEX \"IX_Clients_CreatedAt_Id\" ON \"Clients\" (\"CreatedAt\", \"Id\")"),
        ("", "CREATE INDEX \"IX_Clients_LastPurchaseAt_Id\" ON \"Clients\" (\"LastPurchaseAt\", \"Id\")"),
        ("", "CREATE INDEX \"IX_Clients_City_NameKey_Id\" ON \"Clients\" (\"City\", \"NameKey\", \"Id\")"),
    ];

    public static TimeSpan ApplyIndexes(BenchDatabase db)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        using var connection = db.OpenRaw();
        Filler.Exec(connection, "PRAGMA cache_size=-1000000; PRAGMA temp_store=MEMORY; PRAGMA threads=2;");
        foreach (var (drop, create) in Indexes)
        {
            if (drop.Length > 0) Filler.Exec(connection, $"DROP INDEX IF EXISTS \"{drop}\";");
            Filler.Exec(connection, create.Replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", StringComparison.Ordinal) + ";");
        }
        Filler.Exec(connection, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        return sw.Elapsed;
    }

    /// <summary>
    /// The app's database services as <c>CommandServices.Open</c> builds them (minus Identity, which queries do not
    /// use), plus the extra pragmas on every connection the app opens.
    /// </summary>
    public static ServiceProvider Services(BenchDatabase db, string? pragmas)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddClienteleDb(DatabaseTarget.Parse("sqlite:" + db.Path));
        services.AddScoped<CompanySettingsReader>();
        if (!string.IsNullOrWhiteSpace(pragmas))
            services.ConfigureDbContext<SqliteClienteleDb>(o => o.AddInterceptors(new ExtraPragmas(pragmas)));
        return services.BuildServiceProvider();
    }

    public static void Apply(SqliteConnection connection, string? pragmas)
    {
        if (!string.IsNullOrWhiteSpace(pragmas)) Filler.Exec(connection, pragmas);
    }

    private sealed class ExtraPragmas(string sql) : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
