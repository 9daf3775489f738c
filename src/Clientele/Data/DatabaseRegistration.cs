using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clientele.Data;

public static class DatabaseRegistration
{
    public static IServiceCollection AddClienteleDb(this IServiceCollection services, DatabaseTarget target)
    {
        services.AddSingleton(target);
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<SqlitePragmas>();
        services.AddSingleton(sp => new Features.Analytics.SharedGeneration(target, sp.GetRequiredService<TimeProvider>(), sp.GetService<IConfiguration>()));
        // One registration per provider: the factory owns the options, and every context is made by it. Registering
        // options twice would run every interceptor twice.
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContextFactory<SqliteClienteleDb>((sp, o) => ConfigureSqlite(o, target, sp));
            services.AddSingleton(sp => Bare(sp.GetRequiredService<IDbContextFactory<SqliteClienteleDb>>(), sp));
        }
        else
        {
            services.AddDbContextFactory<PostgresClienteleDb>(o => ConfigurePostgres(o, target));
            services.AddSingleton(sp => Bare(sp.GetRequiredService<IDbContextFactory<PostgresClienteleDb>>(), sp));
        }
        services.AddHttpContextAccessor(); // the command line has no requests; the accessor then answers none
        // Who is looking is decided here, once, for every path (ADR 009): the plain factory and the scoped context read
        // with the request's or circuit's user, and work without one sees nothing in the web host. Seeing everything
        // takes a name: SystemDbFactory or SystemScopes.
        services.AddSingleton(sp => new SystemDbFactory(sp.GetRequiredService<ProviderDbFactory>()));
        services.AddSingleton<SystemScopes>();
        services.AddSingleton(Features.Access.UnattendedAccess.For);
        services.AddScoped<Features.Access.RequestAccessScope>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, Features.Access.CircuitServices.Tracker>();
        services.AddSingleton<IDbContextFactory<ClienteleDb>>(sp => new Features.Access.UserDbFactory(
            sp.GetRequiredService<ProviderDbFactory>(), sp.GetRequiredService<IHttpContextAccessor>()));
        services.AddScoped(sp => new Features.Access.ScopedDbFactory(
            sp.GetRequiredService<ProviderDbFactory>(), sp.GetRequiredService<Features.Access.RequestAccessScope>()));
        services.AddScoped(sp => sp.GetRequiredService<Features.Access.ScopedDbFactory>().CreateDbContext());
        return services;
    }

    /// <summary>
    /// A list in a query (<c>ids.Contains(c.Id)</c>) goes to the database as one parameter: a JSON array read by
    /// <c>json_each</c> on SQLite, an array with <c>= ANY</c> on PostgreSQL. EF 10's default sends one parameter per element,
    /// and an audience, an export or a hand-over of a large base has more ids than SQLite (32,766) or PostgreSQL (65,535)
    /// take in one statement: the campaign planner failed at 100,000 clients. One parameter also keeps one SQL text per
    /// query, whatever the list's length (ADR 001 addendum).
    /// </summary>
    private const ParameterTranslationMode WholeListsAsOneParameter = ParameterTranslationMode.Parameter;

    // Every context, whoever makes it (web, command line, jobs, tests, the design-time tools), takes its options from
    // ConfigureSqlite or ConfigurePostgres, so the analytics-commit interceptor (a refreshed write that commits moves the
    // analytics cache on) is added here, to the options all contexts share. Added in OnConfiguring, it made EF copy the
    // options and look their service provider up again for every context: about 3% of a GET by id's CPU (ADR 010).
    internal static void ConfigureSqlite(DbContextOptionsBuilder o, DatabaseTarget target, IServiceProvider? sp)
    {
        o.UseSqlite(target.ConnectionString, s => s.CommandTimeout(60).UseParameterizedCollectionMode(WholeListsAsOneParameter));
        if (sp is not null)
            o.AddInterceptors(sp.GetRequiredService<SqlitePragmas>(), sp.GetRequiredService<SqliteWriteGate>(), Features.Access.FieldMasks.Instance);
        else
            o.AddInterceptors(new SqlitePragmas(), new SqliteWriteGate(), Features.Access.FieldMasks.Instance);
        o.AddInterceptors(new Features.Audit.AuditCapture(), Features.Analytics.AnalyticsCommit.Instance);
        ForPeople(o);
    }

    internal static void ConfigurePostgres(DbContextOptionsBuilder o, DatabaseTarget target) =>
        ForPeople(o.UseNpgsql(target.ConnectionString, n => n.CommandTimeout(60).UseParameterizedCollectionMode(WholeListsAsOneParameter)).AddInterceptors(Features.Access.FieldMasks.Instance, new Features.Audit.AuditCapture(), Features.Analytics.AnalyticsCommit.Instance)
            // An upgrade runs all its migrations in one transaction of its own, so that a failing one leaves the base as it was (SafeUpgrade).
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.MigrationsUserTransactionWarning)));

    /// <summary>
    /// EF's step-by-step reports (each migration applied, the migration lock, every SQL command) are for whoever
    /// debugs (Logging:LogLevel:Microsoft.EntityFrameworkCore=Debug, CLIENTELE_LOG=Debug), not for the person starting
    /// the app: at information level they filled a first start with a dozen lines (ADR 016).
    /// </summary>
    private static void ForPeople(DbContextOptionsBuilder o) => o.ConfigureWarnings(w => w.Log(
        (RelationalEventId.MigrationApplying, LogLevel.Debug),
        (RelationalEventId.AcquiringMigrationLock, LogLevel.Debug),
        (RelationalEventId.MigrationsNotApplied, LogLevel.Debug),
        // A SQLite table rebuild (adding a foreign key, changing a column) turns foreign keys off and on outside the
        // migration's transaction, as SQLite requires; EF warns about it for developers. A SQLite upgrade is backed up
        // first and needs no transaction of its own (ADR 017), so the person starting the app is not told.
        (RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug),
        (RelationalEventId.CommandExecuted, LogLevel.Debug)));

    private static ProviderDbFactory Bare<T>(IDbContextFactory<T> inner, IServiceProvider sp) where T : ClienteleDb
    {
        var generation = sp.GetRequiredService<Features.Analytics.SharedGeneration>();
        return new(() =>
        {
            var db = inner.CreateDbContext();
            db.AnalyticsMovedOn = generation.WroteHere;
            return db;
        });
    }
}

/// <summary>
/// Sets the per-connection pragmas: a 2xx answer means the write is on disk (synchronous=FULL),
/// and a reader waits for a writer instead of failing.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>How long a write waits for another writer before failing.</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    private static readonly string Sql = string.Create(CultureInfo.InvariantCulture,
        $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={BusyTimeoutMilliseconds}; PRAGMA foreign_keys=ON;");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>
/// SQLite allows one writer; queueing writers in the process instead of letting them race for the lock
/// is what keeps "database is locked" away from users.
/// </summary>
public sealed class SqliteWriteGate : SaveChangesInterceptor
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    // Which contexts hold the gate: a save inside an explicit transaction neither takes nor releases it.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<DbContext, byte> _holders = new(ReferenceEqualityComparer.Instance);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            await _gate.WaitAsync(cancellationToken);
            _holders[context] = 0;
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            _gate.Wait();
            _holders[context] = 0;
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    private void Release(DbContext? context)
    {
        if (context is not null && _holders.TryRemove(context, out _))
            _gate.Release();
    }
}
