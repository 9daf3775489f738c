using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Access;

/// <summary>
/// The context factory of one request or circuit: each context reads with that scope's user. Components may inject it
/// or the plain factory (<see cref="UserDbFactory"/>), which finds the same scope; jobs name <see cref="SystemDbFactory"/>.
/// </summary>
public sealed class ScopedDbFactory : IDbContextFactory<ClienteleDb>
{
    private readonly ProviderDbFactory _inner;
    private readonly RequestAccessScope _access;

    internal ScopedDbFactory(ProviderDbFactory inner, RequestAccessScope access) => (_inner, _access) = (inner, access);

    public ClienteleDb CreateDbContext()
    {
        var db = _inner.CreateDbContext();
        db.Access = _access;
        return db;
    }

    public Task<ClienteleDb> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());
}
