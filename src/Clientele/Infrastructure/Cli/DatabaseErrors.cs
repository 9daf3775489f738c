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

    public static string OneLine(Exception e)
    {
        var root = e;
        while (root.InnerException is not null && root is not DbException) root = root.InnerException;
        return root.Message.ReplaceLineEndings(" ");
    }
}
