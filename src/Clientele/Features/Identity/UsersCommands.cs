using System.CommandLine;
using Clientele.Features.Audit;
using Clientele.Infrastructure.Cli;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Identity;

public static class UsersCommands
{
    public static Command Create()
    {
        var users = new Command("users", "Manage the people who sign in.");
        users.Subcommands.Add(Add());
        users.Subcommands.Add(List());
        users.Subcommands.Add(Deactivate());
        return users;
    }

    private static Command Add()
    {
        var email = new Option<string>("--email") { Description = "The user's e-mail, used to sign in.", Required = true };
        var role = new Option<string>("--role") { Description = "owner, manager, marketer or analyst.", Required = true };
        role.AcceptOnlyFromAmong("owner", "manager", "marketer", "analyst");
        var name = new Option<string?>("--name") { Description = "Display name (default: the part of the e-mail before @)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input, so it stays out of shell history.", Required = true };
        var command = new Command("add", "Add a user.") { email, role, name, passwordStdin };
        command.SetAction(async (result, ct) =>
        {
            var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password)) throw new CliException(Message.Of("no password on standard input."));
            // Refused before the database is opened (and perhaps migrated): bad input leaves it as it was.
            UserAdmin.CheckedEmail(result.GetValue(email)!);
            await using var services = CommandServices.Open(CommandLine.ResolveDb(result));
            await Migrator.MigrateAsync(services.Db, ct);
            var employee = await UserAdmin.AddAsync(services.Users, result.GetValue(email)!, Enum.Parse<EmployeeRole>(result.GetValue(role)!, true),
                result.GetValue(name), password, services.Clock);
            Console.WriteLine($"Added {employee.Role.ToString().ToLowerInvariant()} {employee.Email} (id {employee.Id}).");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List users.");
        command.SetAction(async (result, ct) =>
        {
            await using var services = CommandServices.Open(CommandLine.ResolveDb(result));
            var rows = await services.Db.Set<Employee>().AsNoTracking().OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.Email, e.DisplayName, e.Role, e.IsActive }).ToListAsync(ct);
            Console.WriteLine($"{"id",-6} {"email",-32} {"role",-9} {"active",-6} name");
            foreach (var r in rows)
                Console.WriteLine($"{r.Id,-6} {r.Email,-32} {r.Role.ToString().ToLowerInvariant(),-9} {(r.IsActive ? "yes" : "no"),-6} {r.DisplayName}");
            return 0;
        });
        return command;
    }

    private static Command Deactivate()
    {
        var email = new Option<string>("--email") { Description = "The user to deactivate.", Required = true };
        var command = new Command("deactivate", "Stop a user from signing in; ends their sessions and API tokens.") { email };
        command.SetAction(async (result, ct) =>
        {
            await using var services = CommandServices.Open(CommandLine.ResolveDb(result));
            await UserAdmin.DeactivateAsync(services.Services, result.GetValue(email)!, ct);
            Console.WriteLine($"Deactivated {result.GetValue(email)}.");
            return 0;
        });
        return command;
    }
}

/// <summary>User changes shared by the command line and the demo.</summary>
public static class UserAdmin
{
    public static async Task<Employee> AddAsync(UserManager<Employee> users, string email, EmployeeRole role, string? name, string password, TimeProvider clock)
    {
        var normalized = CheckedEmail(email);
        var employee = new Employee
        {
            UserName = normalized, Email = normalized, EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(name) ? normalized.Split('@')[0] : name.Trim(),
            Role = role, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        // Checked here before Identity's validators, for the one clear message the sign-in page gives too.
        if (PasswordRules.Problem(password) is { } problem) throw new CliException(problem);
        var created = await users.CreateAsync(employee, password);
        if (!created.Succeeded) throw new CliException(string.Join(" ", created.Errors.Select(e => e.Description)));
        return employee;
    }

    /// <summary>The e-mail as it is stored, or the refusal naming it in the command's language.</summary>
    public static string CheckedEmail(string email) =>
        ContactRules.NormalizeEmail(email) ?? throw new CliException(Message.Of("'{0}' is not a valid e-mail address.", email));

    /// <summary>
    /// Deactivates the user as the owner's user page does: sessions end within one session check, tokens at once, and
    /// the audit trail gets the same entry, with no employee as the actor (the operator of the machine).
    /// </summary>
    public static async Task DeactivateAsync(IServiceProvider services, string email, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<Employee>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var employee = await users.FindByEmailAsync(email.Trim()) ?? throw new CliException(Message.Of("there is no user {0}.", email));
        var wasActive = employee.IsActive;
        employee.IsActive = false;
        employee.DepartedAt ??= clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(employee);
        await UserCutOff.CutOffAsync(users, services.GetRequiredService<ClienteleDb>(), employee, clock, ct);
        if (wasActive)
            await services.GetRequiredService<AuditLog>().RecordAsync(new AuditEvent(AuditAction.UserDeactivated, null, "Employee", employee.Id), ct);
    }
}
