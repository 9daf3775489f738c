using System.Net;
using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Cli;

/// <summary>The admin commands against a real database, then the API accepting what they made.</summary>
public abstract class CommandLineFlowTests
{
    private const string Password = "correct-horse-battery-staple";

    /// <summary>A fresh, empty database: sqlite:PATH or postgres:CONNECTION-STRING.</summary>
    protected abstract Task<string> NewDatabaseAsync();

    private static Task<CliResult> Run(string db, string? stdin, params string[] args) => CliProcess.RunAsync([.. args, "--db", db], stdin);

    /// <summary>The app on the same database as the commands; each request checks its token there afresh.</summary>
    private static async Task<HttpStatusCode> ApiStatusAsync(ClienteleApp app, string token) =>
        (await app.ClientWithToken(token).GetAsync("/api/v1/clients")).StatusCode;

    [Fact]
    public async Task Migrate_add_an_owner_list_users_and_create_a_token_that_the_api_accepts_until_revoked()
    {
        var db = await NewDatabaseAsync();

        var migrate = await Run(db, null, "db", "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.Contains("up to date", migrate.Stdout);
        Assert.DoesNotContain("Password=", migrate.Stdout);

        var add = await Run(db, Password + "\n", "users", "add", "--role", "owner", "--email", "X@Y.de", "--name", "Xaver Y", "--password-stdin");
        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Contains("owner x@y.de", add.Stdout);
        Assert.DoesNotContain(Password, add.Stdout + add.Stderr);
        var manager = await Run(db, Password, "users", "add", "--role", "manager", "--email", "m@y.de", "--password-stdin");
        Assert.True(manager.ExitCode == 0, manager.ToString());

        var list = await Run(db, null, "users", "list");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(list.StdoutLines, l => l.Contains("x@y.de") && l.Contains("owner") && l.Contains("Xaver Y"));
        Assert.Contains(list.StdoutLines, l => l.Contains("m@y.de") && l.Contains("manager"));

        var create = await Run(db, null, "tokens", "create", "--email", "x@y.de", "--name", "ci");
        Assert.True(create.ExitCode == 0, create.ToString());
        var token = create.StdoutLines[^1];
        Assert.Matches("^clt_[A-Za-z0-9_-]{40,}$", token);
        Assert.Single(create.StdoutLines, l => l.Contains(token));

        await using var app = new ClienteleApp(db);
        Assert.Equal(HttpStatusCode.OK, await ApiStatusAsync(app, token));
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiStatusAsync(app, token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));

        var revoke = await Run(db, null, "tokens", "revoke", "--email", "x@y.de", "--name", "ci");
        Assert.True(revoke.ExitCode == 0, revoke.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiStatusAsync(app, token));

        var again = await Run(db, null, "tokens", "revoke", "--email", "x@y.de", "--name", "ci");
        Assert.NotEqual(0, again.ExitCode);
        Assert.Single(again.StderrLines);
    }

    [Fact]
    public async Task A_deactivated_user_loses_their_tokens_and_a_duplicate_or_weak_user_is_refused()
    {
        var db = await NewDatabaseAsync();
        Assert.Equal(0, (await Run(db, Password, "users", "add", "--role", "analyst", "--email", "a@y.de", "--password-stdin")).ExitCode);
        var token = (await Run(db, null, "tokens", "create", "--email", "a@y.de", "--name", "laptop")).StdoutLines[^1];
        await using var app = new ClienteleApp(db);
        Assert.Equal(HttpStatusCode.OK, await ApiStatusAsync(app, token));

        var deactivate = await Run(db, null, "users", "deactivate", "--email", "a@y.de");
        Assert.True(deactivate.ExitCode == 0, deactivate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiStatusAsync(app, token));
        // The entry the owner's user page writes, with no employee as the actor: the operator of the machine did it.
        var deactivated = await app.ReadAsync(d => d.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == AuditAction.UserDeactivated && e.Detail == null).ToListAsync());
        var entry = Assert.Single(deactivated);
        Assert.Equal(("Employee", (long?)null), (entry.Entity, entry.EmployeeId));
        Assert.Equal(await app.ReadAsync(d => d.Set<Employee>().Where(e => e.Email == "a@y.de").Select(e => (long?)e.Id).SingleAsync()), entry.EntityId);
        var verify = await Run(db, null, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.ToString());

        var duplicate = await Run(db, Password, "users", "add", "--role", "owner", "--email", "A@y.de", "--password-stdin");
        var weak = await Run(db, "short\n", "users", "add", "--role", "owner", "--email", "b@y.de", "--password-stdin");
        var silent = await Run(db, "", "users", "add", "--role", "owner", "--email", "c@y.de", "--password-stdin");
        foreach (var refused in new[] { duplicate, weak, silent })
        {
            Assert.True(refused.ExitCode != 0, refused.ToString());
            Assert.Single(refused.StderrLines);
            Assert.StartsWith("error:", refused.StderrLines[0]);
        }
        Assert.Contains("12", weak.Stderr);
        Assert.Contains("standard input", silent.Stderr);
        var list = await Run(db, null, "users", "list");
        Assert.Equal(2, list.StdoutLines.Length); // the header and a@y.de
        Assert.Contains(list.StdoutLines, l => l.Contains("a@y.de") && l.Contains(" no "));
    }
}

public sealed class CommandLineFlowTestsOnSqlite : CommandLineFlowTests, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("clientele-cli-").FullName;

    protected override Task<string> NewDatabaseAsync() => Task.FromResult($"sqlite:{Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".db")}");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* a leftover temp directory does not fail a run */ }
    }
}

[Collection("postgres-5")]
public sealed class CommandLineFlowTestsOnPostgres(PostgresFixture server) : CommandLineFlowTests
{
    protected override async Task<string> NewDatabaseAsync() => "postgres:" + await server.CreateDatabaseAsync();
}
