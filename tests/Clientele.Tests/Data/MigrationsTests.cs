using Clientele.Data;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Data;

/// <summary>The two providers' migrations stay in step: the same migrations by name, in the same order.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.NotEmpty(sqlite.Database.GetMigrations());
        Assert.Equal(sqlite.Database.GetMigrations().Select(StripTimestamp), postgres.Database.GetMigrations().Select(StripTimestamp));
    }

    // Generated a few seconds apart, the ids differ in their timestamp only.
    private static string StripTimestamp(string migrationId) => migrationId[(migrationId.IndexOf('_') + 1)..];
}
