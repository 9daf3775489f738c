using Microsoft.AspNetCore.DataProtection;

namespace Clientele.Infrastructure.Nodes;

/// <summary>
/// ASP.NET's data-protection keys (they sign and encrypt the sign-in cookie, the antiforgery tokens, the two-factor
/// step and the public pages' time-to-fill stamps) live in the database, in <c>DataProtectionKeys</c>, under one
/// application name: whatever node of the database made a cookie or a stamp, every other node reads it. Before, the
/// ring lay in the app user's home directory, so a second node refused the first one's cookies (ADR 041).
/// </summary>
public static class SharedKeyRing
{
    /// <summary>Part of every key's purpose: nodes installed in different folders must still agree on it (the default
    /// would be the content root, which differs from one installation to the next).</summary>
    public const string ApplicationName = "Clientele";

    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services)
    {
        // The repository reads and writes through a scoped ClienteleDb of a scope of its own: in the web host that is
        // the unattended view, which the key table (no client rows) does not need more than.
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<ClienteleDb>();
        return services;
    }
}
