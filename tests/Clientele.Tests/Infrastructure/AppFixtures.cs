using Clientele.Data;
using Microsoft.Data.Sqlite;

namespace Clientele.Tests.Infrastructure;

/// <summary>One application on one fresh database for one test class; the tests of a class run one after another.</summary>
public abstract class AppFixture : IAsyncLifetime
{
    private ClienteleApp? _app;

    public ClienteleApp App => _app ?? throw new InvalidOperationException("The fixture is not initialised.");

    public abstract string ProviderName { get; }

    protected abstract Task<string> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _app = new ClienteleApp(DatabaseTarget.Parse(await CreateDatabaseAsync()));
        await _app.InitializeAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    public override string ToString() => ProviderName;
}

/// <summary>A temporary SQLite file (a copy of the migrated template), deleted with its WAL afterwards.</summary>
public sealed class SqliteApp : AppFixture
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"clientele-test-{Guid.NewGuid():N}.db");

    public override string ProviderName => "sqlite";

    protected override async Task<string> CreateDatabaseAsync()
    {
        await DatabaseTemplates.CopySqliteTo(_path);
        return "sqlite:" + _path;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        DatabaseTemplates.DeleteSqlite(_path);
    }
}

/// <summary>A fresh database on the collection's PostgreSQL server.</summary>
public sealed class PostgresApp(PostgresFixture server) : AppFixture
{
    public override string ProviderName => "postgres";

    protected override async Task<string> CreateDatabaseAsync() => "postgres:" + await server.CreateMigratedDatabaseAsync();
}
