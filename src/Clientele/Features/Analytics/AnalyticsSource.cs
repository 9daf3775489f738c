using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Clientele.Features.Analytics;

/// <summary>
/// Where the heavy analytics read (the base of a report, <see cref="AnalyticsBaseLoader"/>) goes: the primary, or a
/// PostgreSQL streaming replica named by <c>--analytics-db</c> (setting <c>Clientele:AnalyticsDb</c>, environment
/// <c>CLIENTELE_ANALYTICS_DB</c>). Everything else — writes, lists, cards, the generation the cache compares with —
/// stays on the primary. A replica that cannot be reached sends the reads back to the primary with a warning, and is
/// tried again after <see cref="PrimaryAfterFailure"/> (ADR 041).
/// </summary>
public sealed class AnalyticsSource
{
    public const string SettingKey = "Clientele:AnalyticsDb";
    public const string EnvironmentVariable = "CLIENTELE_ANALYTICS_DB";
    /// <summary>The replica's connection (unless the setting names one) gives up this soon, then the primary answers.</summary>
    public const int ConnectTimeoutSeconds = 3;
    public static readonly TimeSpan PrimaryAfterFailure = TimeSpan.FromSeconds(30);

    private readonly DbContextOptions<PostgresClienteleDb>? _replica;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;
    private long _primaryUntilTicks;

    private AnalyticsSource(DatabaseTarget? replica, TimeProvider clock, ILogger log)
    {
        Replica = replica;
        _clock = clock;
        _log = log;
        if (replica is null) return;
        var options = new DbContextOptionsBuilder<PostgresClienteleDb>();
        DatabaseRegistration.ConfigurePostgres(options, replica);
        _replica = options.Options;
    }

    /// <summary>The replica the reports are read from, or null when they are read from the primary.</summary>
    public DatabaseTarget? Replica { get; }

    public static AnalyticsSource PrimaryOnly(TimeProvider clock) => new(null, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

    public static AnalyticsSource From(IConfiguration? configuration, DatabaseTarget primary, TimeProvider clock, ILogger<AnalyticsSource> log) =>
        new(ReplicaOf(configuration, primary), clock, log);

    /// <summary>The replica the settings name, checked: a PostgreSQL database beside a PostgreSQL primary.</summary>
    /// <exception cref="FormatException">The setting is not a PostgreSQL connection, or the primary is SQLite.</exception>
    public static DatabaseTarget? ReplicaOf(IConfiguration? configuration, DatabaseTarget primary)
    {
        var setting = configuration?[SettingKey] ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(setting)) return null;
        var replica = DatabaseTarget.Parse(setting);
        if (replica.Provider != DatabaseProvider.Postgres || primary.Provider != DatabaseProvider.Postgres)
            throw new FormatException("--analytics-db names a PostgreSQL streaming replica of the PostgreSQL database (postgres:CONNECTION-STRING); SQLite has no replicas.");
        var builder = new NpgsqlConnectionStringBuilder(replica.ConnectionString);
        if (!replica.ConnectionString.Contains("timeout", StringComparison.OrdinalIgnoreCase)) builder.Timeout = ConnectTimeoutSeconds;
        // Seen in pg_stat_activity on the replica, so an administrator can tell the analytics' sessions from others.
        builder.ApplicationName ??= "clientele-analytics";
        return replica with { ConnectionString = builder.ConnectionString };
    }

    /// <summary>
    /// The base of a report as of <paramref name="asOf"/>, in the view of <paramref name="db"/>'s reader, with the
    /// analytics generation of the database it came from, read first: the base holds at least the writes up to it.
    /// </summary>
    public async Task<(AnalyticsBase Base, long Generation)> LoadAsync(ClienteleDb db, DateOnly asOf)
    {
        if (_replica is not null && _clock.GetUtcNow().UtcTicks >= Interlocked.Read(ref _primaryUntilTicks))
        {
            try
            {
                await using var replica = new PostgresClienteleDb(_replica, _clock) { Access = db.Access };
                return await LoadFromAsync(replica, asOf);
            }
            catch (Exception e) when (ReplicaFailed(e))
            {
                // A read is a read: whatever the replica did (gone, restarting, a query cancelled by its recovery), the
                // primary answers this one and the next ones for a while, and the administrator reads why.
                Interlocked.Exchange(ref _primaryUntilTicks, (_clock.GetUtcNow() + PrimaryAfterFailure).UtcTicks);
                _log.LogWarning("The analytics replica {Replica} cannot be read ({Reason}); analytics read from the primary for the next {Seconds} s.",
                    Replica, e.GetBaseException().Message, PrimaryAfterFailure.TotalSeconds);
            }
        }
        return await LoadFromAsync(db, asOf);
    }

    /// <summary>A failure of the replica's connection or server, possibly wrapped by EF's execution strategy.</summary>
    private static bool ReplicaFailed(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
            if (inner is NpgsqlException or SocketException or IOException or TimeoutException) return true;
        return false;
    }

    private static async Task<(AnalyticsBase, long)> LoadFromAsync(ClienteleDb db, DateOnly asOf)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            var generation = await AnalyticsGeneration.ReadAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), CancellationToken.None);
            return (await AnalyticsBaseLoader.LoadAsync(db, asOf, CancellationToken.None), generation);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
