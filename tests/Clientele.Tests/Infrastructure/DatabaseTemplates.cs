using Microsoft.Data.Sqlite;
using Npgsql;

namespace Clientele.Tests.Infrastructure;

/// <summary>
/// Migrating a fresh database costs more than most tests do, and every app fixture needs one: so each provider
/// migrates once, into a template that also holds the owner, and every app's database starts as a copy of it
/// (SQLite: a file copy; PostgreSQL: <c>CREATE DATABASE … TEMPLATE</c>). <see cref="ClienteleApp.InitializeAsync"/>
/// still runs the migrator on the copy, which finds nothing to do, and issues the owner's token there.
/// </summary>
public static class DatabaseTemplates
{
    private static readonly Lazy<Task<string>> SqliteTemplate = new(CreateSqliteTemplateAsync);

    /// <summary>Puts a migrated SQLite database with the owner at <paramref name="path"/>.</summary>
    public static async Task CopySqliteTo(string path) => File.Copy(await SqliteTemplate.Value, path);

    private static async Task<string> CreateSqliteTemplateAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"clientele-template-{Guid.NewGuid():N}.db");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteSqlite(path);
        await using (var app = new ClienteleApp("sqlite:" + path)) await app.PrepareDatabaseAsync();
        SqliteConnection.ClearAllPools();
        // Folds the write-ahead log into the file, so that copying the file alone copies everything.
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var checkpoint = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE);", connection);
        await checkpoint.ExecuteNonQueryAsync();
        return path;
    }

    /// <summary>Migrates a new database on <paramref name="server"/> with the owner; returns its name, ready to be a template.</summary>
    internal static async Task<string> CreatePostgresTemplateAsync(PostgresServer server)
    {
        var name = $"template_{Guid.NewGuid():N}";
        var connectionString = await server.CreateDatabaseAsync(name);
        await using (var app = new ClienteleApp("postgres:" + connectionString)) await app.PrepareDatabaseAsync();
        // A template must have no sessions while it is copied; the app's pool may still hold some.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        await server.DisconnectAsync(name);
        return name;
    }

    public static void DeleteSqlite(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            try { File.Delete(file); }
            catch (IOException) { /* a leftover temp file does not fail a run */ }
        }
    }
}
