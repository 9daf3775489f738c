using Clientele.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Data;

/// <summary>
/// Contexts that see every client and every field, unmasked: for jobs, hosted services, the command line and
/// migrations only. Named apart from <see cref="IDbContextFactory{TContext}"/>, which in the web host is the signed-in
/// user's, so that a page or endpoint cannot pick it up by accident (a test lists who injects it).
/// </summary>
public sealed class SystemDbFactory
{
    private readonly ProviderDbFactory _inner;

    internal SystemDbFactory(ProviderDbFactory inner) => _inner = inner;

    public ClienteleDb CreateDbContext()
    {
        var db = _inner.CreateDbContext();
        db.Access = AccessScope.System;
        return db;
    }

    public Task<ClienteleDb> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());
}

/// <summary>
/// Service scopes whose scoped context and services (analytics, audit) see everything: a job's run, the demo fill at
/// start-up. Every other scope of the web host reads with its request's or circuit's user, or sees nothing.
/// </summary>
public sealed class SystemScopes(IServiceScopeFactory scopes)
{
    public AsyncServiceScope CreateAsyncScope()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestAccessScope>().SeeEverything();
        return scope;
    }
}

public static class SystemScopeExtensions
{
    /// <summary>A scope that sees everything (see <see cref="SystemScopes"/>), for code outside requests and circuits.</summary>
    public static AsyncServiceScope CreateSystemScope(this IServiceProvider services) =>
        services.GetRequiredService<SystemScopes>().CreateAsyncScope();
}

/// <summary>Bare contexts of the configured provider, with no view chosen: only the named factories above and the
/// user's factory (<see cref="UserDbFactory"/>) wrap it, each setting who is looking.</summary>
internal sealed class ProviderDbFactory(Func<ClienteleDb> create)
{
    public ClienteleDb CreateDbContext() => create();
}
