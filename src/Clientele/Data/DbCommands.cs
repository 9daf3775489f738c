using System.CommandLine;
using Clientele.Infrastructure.Cli;

namespace Clientele.Data;

public static class DbCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Create or upgrade the database schema.");
        migrate.SetAction(async (result, ct) =>
        {
            var target = CommandLine.ResolveDb(result);
            await using var scope = CommandServices.Open(target);
            await Migrator.MigrateAsync(scope.Db, ct);
            Console.WriteLine($"Database {target} is up to date.");
            return 0;
        });
        var db = new Command("db", "Database maintenance.");
        db.Subcommands.Add(migrate);
        return db;
    }
}
