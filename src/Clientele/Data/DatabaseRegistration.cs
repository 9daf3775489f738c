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
        // One registration per provider: the factory (for Blazor components and jobs) owns the options, and the
        // scoped context is made by it. Registering options twice would run every interceptor twice.
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContextFactory<SqliteClienteleDb>((sp, o) => ConfigureSqlite(o, target, sp));
            services.AddSingleton<IDbContextFactory<ClienteleDb>>(sp => new UpcastFactory<SqliteClienteleDb>(sp.GetRequiredService<IDbContextFactory<SqliteClienteleDb>>()));
        }
        else
        {
            services.AddDbContextFactory<PostgresClienteleDb>(o => ConfigurePostgres(o, target));
            services.AddSingleton<IDbContextFactory<ClienteleDb>>(sp => new UpcastFactory<PostgresClienteleDb>(sp.GetRequiredService<IDbContextFactory<PostgresClienteleDb>>()));
        }
        services.AddSingleton<SystemDbFactory>();
        services.AddHttpContextAccessor(); // the command line has no requests; the accessor then answers none
        services.AddScoped<Features.Access.RequestAccessScope>();
        services.AddScoped<Features.Access.ScopedDbFactory>();
        // The request's or circuit's context reads with its user's access; contexts made by the factory directly
        // (jobs) have no user and see everything.
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<ClienteleDb>>().CreateDbContext();
            db.Access = sp.GetRequiredService<Features.Access.RequestAccessScope>();
            return db;
        });
        return services;
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder o, DatabaseTarget target, IServiceProvider? sp)
    {
        o.UseSqlite(target.ConnectionString, s => s.CommandTimeout(60));
        if (sp is not null)
            o.AddInterceptors(sp.GetRequiredService<SqlitePragmas>(), sp.GetRequiredService<SqliteWriteGate>(), Features.Access.FieldMasks.Instance);
        else
            o.AddInterceptors(new SqlitePragmas(), new SqliteWriteGate(), Features.Access.FieldMasks.Instance);
        o.AddInterceptors(new Features.Audit.AuditCapture());
    }

    internal static void ConfigurePostgres(DbContextOptionsBuilder o, DatabaseTarget target) =>
        o.UseNpgsql(target.ConnectionString, n => n.CommandTimeout(60)).AddInterceptors(Features.Access.FieldMasks.Instance, new Features.Audit.AuditCapture());

    private sealed class UpcastFactory<T>(IDbContextFactory<T> inner) : IDbContextFactory<ClienteleDb> where T : ClienteleDb
    {
        public ClienteleDb CreateDbContext() => inner.CreateDbContext();
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
