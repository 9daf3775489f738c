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
    /// Against the migrated schema, what the 1M run still suggests (bench/results/2026-11-23-notes.md): the created
    /// sort under the status filter as one index range, and a role index that carries the other filter columns so a
    /// count under two filters is answered inside the index. (Status + last purchase and channel + role, tried here
    /// first, are in the migrations now.)
    /// </summary>
    public static readonly (string Drop, string Create)[] Indexes =
    [
        ("", "CREATE INDEX \"IX_Clients_Status_CreatedAt_Id\" ON \"Clients\" (\"Status\", \"CreatedAt\", \"Id\")"),
        ("IX_Clients_Role_NameKey_Id", "CREATE INDEX \"IX_Clients_Role_NameKey_Id_Filters\" ON \"Clients\" (\"Role\", \"NameKey\", \"Id\", \"AcquisitionChannelId\", \"Status\", \"ManagerId\", \"Region\")"),
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
