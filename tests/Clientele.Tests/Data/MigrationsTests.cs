using Clientele.Data;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Data;

/// <summary>Every model change needs a migration for each provider; forgetting one fails here, not in production.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Sqlite_migrations_cover_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes the SQLite migrations lack: add a migration (docs/decisions/001).");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Postgres_migrations_cover_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes the PostgreSQL migrations lack: add a migration (docs/decisions/001).");
        Assert.Equal(sqlite.Database.GetMigrations().Select(StripTimestamp), db.Database.GetMigrations().Select(StripTimestamp));
    }

    // Both providers must have the same migrations by name, though generated at different seconds.
    private static string StripTimestamp(string migrationId) => migrationId[(migrationId.IndexOf('_') + 1)..];
}
