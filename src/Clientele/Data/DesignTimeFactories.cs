using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Clientele.Data;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteClienteleDb</c> build the model without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteClienteleDb>
{
    public SqliteClienteleDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteClienteleDb>();
        DatabaseRegistration.ConfigureSqlite(options, DatabaseTarget.Parse("sqlite:design.db"), null);
        return new SqliteClienteleDb(options.Options, TimeProvider.System);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresClienteleDb>
{
    public PostgresClienteleDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresClienteleDb>();
        DatabaseRegistration.ConfigurePostgres(options, DatabaseTarget.Parse("postgres:Host=localhost;Database=design"));
        return new PostgresClienteleDb(options.Options, TimeProvider.System);
    }
}
