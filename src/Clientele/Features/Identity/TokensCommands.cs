using System.CommandLine;
using Clientele.Infrastructure.Cli;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Identity;

public static class TokensCommands
{
    public static Command Create()
    {
        var tokens = new Command("tokens", "Personal API tokens.");
        tokens.Subcommands.Add(CreateToken());
        tokens.Subcommands.Add(Revoke());
        return tokens;
    }

    private static Command CreateToken()
    {
        var email = new Option<string>("--email") { Description = "Whose token.", Required = true };
        var name = new Option<string>("--name") { Description = "A label to recognise it by.", Required = true };
        var command = new Command("create", "Create a token; it is printed once, alone on the last line.") { email, name };
        command.SetAction(async (result, ct) =>
        {
            await using var services = CommandServices.Open(CommandLine.ResolveDb(result));
            var employee = await services.Users.FindByEmailAsync(result.GetValue(email)!.Trim())
                ?? throw new CliException(Message.Of("there is no user {0}.", result.GetValue(email)));
            var token = await ApiTokens.IssueAsync(services.Db, employee.Id, result.GetValue(name)!, services.Clock, ct);
            Console.WriteLine($"Token '{result.GetValue(name)}' for {employee.Email}; it will not be shown again:");
            Console.WriteLine(token);
            return 0;
        });
        return command;
    }

    private static Command Revoke()
    {
        var email = new Option<string>("--email") { Description = "Whose token.", Required = true };
        var name = new Option<string>("--name") { Description = "The token's label.", Required = true };
        var command = new Command("revoke", "Revoke a token.") { email, name };
        command.SetAction(async (result, ct) =>
        {
            await using var services = CommandServices.Open(CommandLine.ResolveDb(result));
            var employee = await services.Users.FindByEmailAsync(result.GetValue(email)!.Trim())
                ?? throw new CliException(Message.Of("there is no user {0}.", result.GetValue(email)));
            var revoked = await ApiTokens.RevokeAsync(services.Db, employee.Id, result.GetValue(name)!, services.Clock, ct);
            if (revoked == 0) throw new CliException(Message.Of("{0} has no active token named '{1}'.", employee.Email, result.GetValue(name)));
            Console.WriteLine($"Revoked '{result.GetValue(name)}' of {employee.Email}.");
            return 0;
        });
        return command;
    }
}

/// <summary>Issuing and revoking tokens, for the command line and the profile page.</summary>
public static class ApiTokens
{
    public static async Task<string> IssueAsync(ClienteleDb db, long employeeId, string name, TimeProvider clock, CancellationToken ct)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100) throw new CliException(Message.Of("a token name must have 1 to 100 characters."));
        if (await db.ApiTokens.AnyAsync(t => t.EmployeeId == employeeId && t.Name == name && t.RevokedAt == null, ct))
            throw new CliException(Message.Of("an active token named '{0}' exists already.", name));
        var token = ApiTokenAuthentication.NewToken();
        db.ApiTokens.Add(new ApiToken { EmployeeId = employeeId, Name = name, Hash = ApiTokenAuthentication.Hash(token), CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public static Task<int> RevokeAsync(ClienteleDb db, long employeeId, string name, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var trimmed = name.Trim();
        return db.ApiTokens.Where(t => t.EmployeeId == employeeId && t.Name == trimmed && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
    }
}
