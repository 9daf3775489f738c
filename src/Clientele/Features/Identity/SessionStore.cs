using System.Data.Common;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Clientele.Features.Identity;

/// <summary>What a session check found: whether it still counts and whether its user must first enrol in two-factor.</summary>
public sealed record SessionCheck(bool Valid, long EmployeeId, bool MustEnrolTwoFactor)
{
    public static readonly SessionCheck Invalid = new(false, 0, false);
}

/// <summary>
/// Starts, checks and ends sign-in sessions. A check reads the database at most every <see cref="CheckEvery"/> per
/// session (a short memory cache), so a session ended on another node or by the command line stops within that time,
/// and one ended here stops at once (its cache entry is dropped).
/// </summary>
public sealed class SessionStore(IServiceScopeFactory scopes, IMemoryCache cache, TimeProvider clock)
{
    public const string ClaimType = "clientele:session";
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(15);

    public static string? IdOf(ClaimsPrincipal? principal) => principal?.FindFirst(ClaimType)?.Value;

    public async Task<UserSession> StartAsync(ClienteleDb db, long employeeId, string method, HttpContext? http, CancellationToken ct)
    {
        var policy = await SignInPolicy.ReadAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var absolute = now + policy.AbsoluteLifetime;
        var session = new UserSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            EmployeeId = employeeId, CreatedAt = now, LastSeenAt = now, Method = method,
            IdleExpiresAt = Min(now + policy.IdleTimeout, absolute), AbsoluteExpiresAt = absolute,
            Ip = http?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Truncate(http?.Request.Headers.UserAgent.ToString(), 300),
        };
        db.Set<UserSession>().Add(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    private static readonly TimeSpan TouchTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Whether the session still counts; a valid one has its idle expiry moved forward.</summary>
    public async Task<SessionCheck> CheckAsync(string? sessionId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(sessionId)) return SessionCheck.Invalid;
        if (cache.TryGetValue(Key(sessionId), out SessionCheck? known) && known is not null) return known;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.Set<UserSession>().AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.EmployeeId, s.RevokedAt, s.IdleExpiresAt, s.AbsoluteExpiresAt, s.Employee!.IsActive, s.Employee.TwoFactorEnabled })
            .FirstOrDefaultAsync(ct);
        var check = SessionCheck.Invalid;
        if (row is { RevokedAt: null, IsActive: true } && now < row.IdleExpiresAt && now < row.AbsoluteExpiresAt)
        {
            var policy = await SignInPolicy.ReadAsync(db, ct);
            var idle = Min(now + policy.IdleTimeout, row.AbsoluteExpiresAt);
            await TouchAsync(db, sessionId, now, idle, ct);
            check = new SessionCheck(true, row.EmployeeId, policy.TwoFactorRequired && !row.TwoFactorEnabled);
        }
        cache.Set(Key(sessionId), check, CheckEvery);
        return check;
    }

    /// <summary>
    /// Moves the idle expiry on, waiting at most <see cref="TouchTimeout"/> for a lock. It is a courtesy: a long write
    /// elsewhere (an import's merge holds SQLite's one write lock for many seconds) must not make the check wait half a
    /// minute and then sign the user out. Not recorded this time, a later check (every 15 s) moves it on.
    /// </summary>
    private static async Task TouchAsync(ClienteleDb db, string sessionId, DateTime now, DateTime idle, CancellationToken ct)
    {
        var sqlite = db.Database.IsSqlite();
        var wait = ((int)TouchTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync(sqlite ? $"PRAGMA busy_timeout={wait}" : $"SET lock_timeout = {wait}", ct);
            // Microsoft.Data.Sqlite also retries a busy database itself until the command's timeout.
            db.Database.SetCommandTimeout(TouchTimeout);
            await db.Set<UserSession>().Where(s => s.Id == sessionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now).SetProperty(x => x.IdleExpiresAt, idle), ct);
        }
        catch (Exception e) when (e is DbException || e.InnerException is DbException)
        {
            // Busy (EF wraps PostgreSQL's lock timeout as a transient failure): left for a later check.
        }
        finally
        {
            // The connection goes back to the pool: its usual patience comes back with it.
            db.Database.SetCommandTimeout(null);
            await db.Database.ExecuteSqlRawAsync(sqlite ? $"PRAGMA busy_timeout={SqlitePragmas.BusyTimeoutMilliseconds}" : "RESET lock_timeout", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Makes the next check of these sessions read the database (after they were ended or their user changed).</summary>
    public void Forget(IEnumerable<string> sessionIds)
    {
        foreach (var id in sessionIds) cache.Remove(Key(id));
    }

    /// <summary>Ends one of the user's sessions; false when it is not theirs or already over.</summary>
    public async Task<bool> EndAsync(ClienteleDb db, long employeeId, string sessionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = await db.Set<UserSession>().Where(s => s.Id == sessionId && s.EmployeeId == employeeId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        Forget([sessionId]);
        return ended == 1;
    }

    /// <summary>Ends all the user's sessions but <paramref name="keep"/>; returns how many ended.</summary>
    public async Task<int> EndAllAsync(ClienteleDb db, long employeeId, string? keep, CancellationToken ct)
    {
        var ended = await EndAllQuietlyAsync(db, employeeId, keep, clock, ct);
        Forget(ended);
        return ended.Count;
    }

    /// <summary>For callers without the cache (the command line): other nodes notice within <see cref="CheckEvery"/>.</summary>
    public static async Task<List<string>> EndAllQuietlyAsync(ClienteleDb db, long employeeId, string? keep, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.Set<UserSession>().Where(s => s.EmployeeId == employeeId && s.RevokedAt == null && s.Id != keep)
            .Select(s => s.Id).ToListAsync(ct);
        await db.Set<UserSession>().Where(s => ids.Contains(s.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        return ids;
    }

    private static string Key(string sessionId) => "session:" + sessionId;
    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    private static string? Truncate(string? text, int max) => string.IsNullOrEmpty(text) ? null : text.Length <= max ? text : text[..max];
}
