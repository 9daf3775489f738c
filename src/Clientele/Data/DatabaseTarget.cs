using Microsoft.Data.Sqlite;

namespace Clientele.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Which database to use, parsed from <c>sqlite:PATH</c> or <c>postgres:CONNECTION-STRING</c>.</summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public const string EnvironmentVariable = "CLIENTELE_DB";
    public const string Default = "sqlite:clientele.db";

    public static DatabaseTarget Parse(string? value)
    {
        value = string.IsNullOrWhiteSpace(value) ? Default : value.Trim();
        var colon = value.IndexOf(':');
        if (colon <= 0)
            throw new FormatException($"Database '{value}' must start with 'sqlite:' or 'postgres:'.");
        var scheme = value[..colon].ToLowerInvariant();
        var rest = value[(colon + 1)..];
        if (rest.Length == 0)
            throw new FormatException($"Database '{value}' names no file or connection string.");
        return scheme switch
        {
            "sqlite" => new DatabaseTarget(DatabaseProvider.Sqlite, SqliteConnectionString(rest)),
            "postgres" or "postgresql" => new DatabaseTarget(DatabaseProvider.Postgres, rest),
            _ => throw new FormatException($"Unknown database kind '{scheme}': use 'sqlite:PATH' or 'postgres:CONNECTION-STRING'."),
        };
    }

    /// <summary>The --db option if given, else the environment variable, else the default file.</summary>
    public static DatabaseTarget Resolve(string? option) =>
        Parse(option ?? Environment.GetEnvironmentVariable(EnvironmentVariable));

    private static string SqliteConnectionString(string pathOrConnectionString)
    {
        var builder = pathOrConnectionString.Contains('=')
            ? new SqliteConnectionStringBuilder(pathOrConnectionString)
            : new SqliteConnectionStringBuilder { DataSource = pathOrConnectionString };
        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    /// <summary>
    /// A plain ADO.NET connection (unopened, from the provider's pool) for the few statements that run below EF on a hot
    /// path, such as the API token check.
    /// </summary>
    public System.Data.Common.DbConnection CreateConnection() => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(ConnectionString)
        : new Npgsql.NpgsqlConnection(ConnectionString);

    public override string ToString() => Provider switch
    {
        DatabaseProvider.Sqlite => $"sqlite:{new SqliteConnectionStringBuilder(ConnectionString).DataSource}",
        _ => "postgres:" + RedactPassword(ConnectionString),
    };

    private static string RedactPassword(string connectionString) =>
        System.Text.RegularExpressions.Regex.Replace(connectionString, "(?i)(password|pwd)=[^;]*", "$1=***");
}
