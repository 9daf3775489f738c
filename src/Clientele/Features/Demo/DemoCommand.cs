using System.CommandLine;
using System.Security.Cryptography;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Cli;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Demo;

public static class DemoCommand
{
    public const int DefaultClients = 2_000;
    public const int DefaultPurchases = 40_000;

    public static Command Create()
    {
        var clients = new Option<int>("--clients") { Description = "Number of clients.", DefaultValueFactory = _ => DefaultClients };
        var purchases = new Option<int>("--purchases") { Description = "Number of purchases.", DefaultValueFactory = _ => DefaultPurchases };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed gives the same base.", DefaultValueFactory = _ => DemoData.DefaultSeed };
        var command = new Command("demo", "Fill an empty database with a realistic demo base.") { clients, purchases, seed };
        // Option validators run only when the option is given; the defaults are in range.
        clients.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 5_000_000) r.AddError("--clients must be between 1 and 5,000,000."); });
        purchases.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 50_000_000) r.AddError("--purchases must be between 0 and 50,000,000."); });
        command.SetAction(async (result, ct) =>
        {
            await using var services = CommandServices.Open(CommandLine.ResolveDb(result));
            await Migrator.MigrateAsync(services.Db, ct);
            var login = await FillAsync(services.Services, result.GetValue(clients), result.GetValue(purchases), result.GetValue(seed), ct);
            PrintLogin(login);
            return 0;
        });
        return command;
    }

    /// <summary>For <c>serve --demo</c>: fills only an empty base, so restarting with --demo keeps what users did.</summary>
    public static async Task FillForServeAsync(IServiceProvider services, int seed, CancellationToken ct)
    {
        // The web host's own scopes see nothing without a user; filling the base is the system's work.
        await using var system = services.CreateSystemScope();
        services = system.ServiceProvider;
        var db = services.GetRequiredService<ClienteleDb>();
        if (await db.Clients.AnyAsync(ct))
        {
            Console.WriteLine("The database already holds clients; the demo base was not added again.");
            return;
        }
        PrintLogin(await FillAsync(services, DefaultClients, DefaultPurchases, seed, ct));
    }

    private static void PrintLogin((string Email, string Password) login) =>
        Console.WriteLine($"Demo base ready. Sign in as owner (shown once):\n  e-mail:   {login.Email}\n  password: {login.Password}");

    public static async Task<(string Email, string Password)> FillAsync(IServiceProvider services, int clients, int purchases, int seed, CancellationToken ct)
    {
        var db = services.GetRequiredService<ClienteleDb>();
        if (await db.Clients.AnyAsync(ct)) throw new CliException("the database already holds clients; the demo fills an empty base only.");
        var users = services.GetRequiredService<UserManager<Employee>>();
        var clock = services.GetRequiredService<TimeProvider>();

        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('/', 'x').Replace('+', 'y');
        var owner = await users.FindByEmailAsync("owner@demo.clientele");
        if (owner is null) owner = await UserAdmin.AddAsync(users, "owner@demo.clientele", EmployeeRole.Owner, "Owner (demo)", password, clock);
        else
        {
            await users.RemovePasswordAsync(owner);
            await users.AddPasswordAsync(owner, password);
        }
        var managerIds = new List<long>();
        string[] managers = ["Анна Петрова", "Игорь Смирнов", "Katrin Weber", "Олег Волков", "Jonas Becker"];
        for (var i = 0; i < managers.Length; i++)
        {
            var email = $"manager{i + 1}@demo.clientele";
            var manager = await users.FindByEmailAsync(email)
                ?? await UserAdmin.AddAsync(users, email, EmployeeRole.Manager, managers[i], Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)), clock);
            managerIds.Add(manager.Id);
        }
        // In a small firm the owner looks after some key clients too.
        managerIds.Add(owner.Id);
        var channelIds = await db.AcquisitionChannels.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var demo = new DemoData(seed, clock.GetUtcNow().UtcDateTime, managerIds, channelIds).Generate(clients, purchases);
        await DemoLoader.LoadAsync(db, demo, ct);
        return ("owner@demo.clientele", password);
    }
}
