using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Clientele.Infrastructure.Cli;

internal static class DatabaseErrors
{
    public static bool IsUnreachable(Exception e) => e switch
    {
        SqliteException => true,
        DbException => true,
        System.Net.Sockets.SocketException => true,
        InvalidOperationException { InnerException: { } inner } => IsUnreachable(inner),
        AggregateException { InnerException: { } inner } => IsUnreachable(inner),
        _ => e.InnerException is DbException or SqliteException,
    };

    /// <summary>The database opened but has no Clientele tables: a fresh file or an empty PostgreSQL database.</summary>
    public static bool IsMissingSchema(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is SqliteException { SqliteErrorCode: 1 } s && s.Message.Contains("no such table", StringComparison.Ordinal)) return true;
            if (x is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UndefinedTable }) return true;
        }
        return false;
    }

    public static string OneLine(Exception e)
    {
        var root = e;
        while (root.InnerException is not null && root is not DbException) root = root.InnerException;
        return root.Message.ReplaceLineEndings(" ");
    }
}
