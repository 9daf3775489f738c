using Microsoft.EntityFrameworkCore;

namespace Clientele.Data;

/// <summary>
/// Contexts that see every client and every field, unmasked: for jobs, the command line and migrations only. Named
/// apart from <see cref="IDbContextFactory{TContext}"/> so that a page or endpoint cannot pick it up by accident.
/// </summary>
public sealed class SystemDbFactory(IDbContextFactory<ClienteleDb> inner)
{
    public ClienteleDb CreateDbContext()
    {
        var db = inner.CreateDbContext();
        db.Access = Features.Access.AccessScope.System;
        return db;
    }

    public Task<ClienteleDb> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());
}
