using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Clientele.Features.Identity;

/// <summary>
/// Authenticates <c>Authorization: Bearer clt_...</c> against the stored token hashes. Runs before there is a user,
/// so it reads in the system scope: one raw statement per request (<see cref="ApiTokenLookup"/>), so that a revoked
/// token or a deactivated user is refused at the next request, from whichever process the change came.
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenLookup tokens, SystemDbFactory databases, IMemoryCache lastWrites, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string Prefix = "clt_";

    /// <summary>
    /// A token's last use is written at most this often: it is advisory (the owner sees "used today"), and a write on
    /// every request would make every read wait for the database's write lock.
    /// </summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(Prefix, StringComparison.Ordinal)) return AuthenticateResult.Fail("Not a Clientele API token.");

        var found = await tokens.FindAsync(Hash(token), databases, Context.RequestAborted);
        if (found is null || !found.IsActive) return AuthenticateResult.Fail("The API token is unknown, revoked, or its user is deactivated.");

        await RecordUseAsync(found.Id);

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, found.EmployeeId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, found.Email ?? ""),
            new Claim(ClaimTypes.GivenName, found.DisplayName),
            new Claim(AuthSetup.RoleClaim, found.Role.ToString().ToLowerInvariant()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>
    /// Writes the last use when this node has not written it within <see cref="LastUseResolution"/>. Per node, in
    /// memory: with several nodes a token may be written once a minute by each, which is still a handful of writes.
    /// </summary>
    private async Task RecordUseAsync(long tokenId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var key = (nameof(ApiTokenAuthentication), tokenId);
        if (lastWrites.TryGetValue(key, out DateTime written) && now - written < LastUseResolution) return;
        // Claimed before the write, so concurrent first requests of a token do not all write.
        lastWrites.Set(key, now, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1) });
        await using var db = await databases.CreateDbContextAsync(Context.RequestAborted);
        await db.ApiTokens.Where(t => t.Id == tokenId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewToken() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
