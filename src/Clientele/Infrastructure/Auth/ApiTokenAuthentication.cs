using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clientele.Infrastructure.Auth;

/// <summary>Authenticates <c>Authorization: Bearer clt_...</c> against the stored token hashes.</summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ClienteleDb db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string Prefix = "clt_";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(Prefix, StringComparison.Ordinal)) return AuthenticateResult.Fail("Not a Clientele API token.");

        var hash = Hash(token);
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null)
            .Select(t => new { t.Id, t.EmployeeId, t.Employee!.DisplayName, t.Employee.Email, t.Employee.Role, t.Employee.IsActive })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null || !found.IsActive) return AuthenticateResult.Fail("The API token is unknown, revoked, or its user is deactivated.");

        await db.ApiTokens.Where(t => t.Id == found.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, clock.GetUtcNow().UtcDateTime), Context.RequestAborted);

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, found.EmployeeId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, found.Email ?? ""),
            new Claim(ClaimTypes.GivenName, found.DisplayName),
            new Claim(AuthSetup.RoleClaim, found.Role.ToString().ToLowerInvariant()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewToken() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
