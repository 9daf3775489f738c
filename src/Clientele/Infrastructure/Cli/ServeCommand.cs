using System.CommandLine;
using Clientele.Features.Demo;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Infrastructure.Cli;

public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on.", DefaultValueFactory = _ => AppHost.DefaultUrls };
        var demo = new Option<bool>("--demo") { Description = "Fill an empty database with a realistic demo base and print an owner login." };
        var seed = new Option<int>("--seed") { Description = "Seed of the demo data (same seed, same base).", DefaultValueFactory = _ => DemoData.DefaultSeed };
        var command = new Command("serve", "Run the web application.") { urls, demo, seed };
        command.SetAction(async (result, ct) =>
        {
            var target = CommandLine.ResolveDb(result);
            var app = AppHost.Build([], target, result.GetValue(urls));
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
                await Migrator.MigrateAsync(db, ct);
                if (result.GetValue(demo))
                    await DemoCommand.FillForServeAsync(scope.ServiceProvider, result.GetValue(seed), ct);
                else if (!await db.Set<Employee>().AnyAsync(ct))
                    Console.WriteLine("No users yet. Create the first owner:\n  echo 'a-long-passphrase' | clientele users add --role owner --email you@example.com --password-stdin");
            }
            Console.WriteLine($"Clientele on {result.GetValue(urls)} using {target}");
            await app.RunAsync(ct);
            return 0;
        });
        return command;
    }
}
