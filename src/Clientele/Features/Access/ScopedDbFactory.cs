using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Access;

/// <summary>
/// The context factory for components: each context it makes reads with the circuit's user, so that the row filters
/// and field masks apply to the pages as to the API. Jobs keep the plain factory, which has no user.
/// </summary>
public sealed class ScopedDbFactory(IDbContextFactory<ClienteleDb> inner, RequestAccessScope access) : IDbContextFactory<ClienteleDb>
{
    public ClienteleDb CreateDbContext()
    {
        var db = inner.CreateDbContext();
        db.Access = access;
        return db;
    }

    public Task<ClienteleDb> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());
}
