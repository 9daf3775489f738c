using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Infrastructure.Jobs;

/// <summary>
/// Who may run a job now. On PostgreSQL several app nodes share the database, so the holder is whoever gets
/// <c>pg_try_advisory_lock</c> on the job's key (a session lock: it goes away with the connection if the node dies).
/// SQLite is one process by design, so an in-process gate per job is enough.
/// </summary>
public sealed class JobLocks(SystemDbFactory dbs, DatabaseTarget target)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _local = new(StringComparer.Ordinal);

    /// <summary>The held lock, or null when another run (here or on another node) holds the job.</summary>
    public async Task<IAsyncDisposable?> TryTakeAsync(string job, CancellationToken ct)
    {
        var gate = _local.GetOrAdd(job, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, ct)) return null;
        if (target.Provider != DatabaseProvider.Postgres) return new Held(gate, null, 0);

        var db = await dbs.CreateDbContextAsync(ct);
        try
        {
            var key = Key(job);
            await db.Database.OpenConnectionAsync(ct);
            if (await ScalarAsync(db, "SELECT pg_try_advisory_lock(@key)", key, ct)) return new Held(gate, db, key);
        }
        catch
        {
            await db.DisposeAsync();
            gate.Release();
            throw;
        }
        await db.DisposeAsync();
        gate.Release();
        return null;
    }

    /// <summary>A stable 64-bit key per job name (FNV-1a), the same on every node and every run.</summary>
    internal static long Key(string job)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes("clientele-job:" + job))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return unchecked((long)hash);
    }

    private static async Task<bool> ScalarAsync(ClienteleDb db, string sql, long key, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "key";
        parameter.Value = key;
        command.Parameters.Add(parameter);
        return await command.ExecuteScalarAsync(ct) is true;
    }

    private sealed class Held(SemaphoreSlim gate, ClienteleDb? db, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (db is not null)
                {
                    await ScalarAsync(db, "SELECT pg_advisory_unlock(@key)", key, CancellationToken.None);
                    await db.DisposeAsync();
                }
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
