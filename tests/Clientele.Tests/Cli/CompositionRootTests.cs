using Clientele.Infrastructure;
using Clientele.Infrastructure.Cli;
using Clientele.Infrastructure.Jobs;
using Clientele.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Tests.Cli;

/// <summary>
/// The web host and the commands start from one composition root (<see cref="ClienteleServices.AddClientele"/>):
/// every application service it registers resolves in a command as it does in the web host, so a command cannot miss
/// the audit log, a job or the system scope that the web has.
/// </summary>
public abstract class CompositionRootTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_command_resolves_every_application_service_the_web_host_resolves()
    {
        var registered = new ServiceCollection().AddClientele(App.Target)
            .Where(d => !d.IsKeyedService && !d.ServiceType.ContainsGenericParameters)
            .GroupBy(d => d.ServiceType)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Contains(typeof(Clientele.Features.Audit.AuditLog), registered.Keys);
        Assert.Contains(typeof(Clientele.Data.SystemDbFactory), registered.Keys);

        await using var command = CommandServices.Open(App.Target);
        await using var web = App.Services.CreateAsyncScope();
        var missing = new List<string>();
        foreach (var (type, count) in registered)
        {
            if (web.ServiceProvider.GetServices(type).Count() < count) missing.Add("web: " + type);
            if (command.Services.GetServices(type).Count() < count) missing.Add("command: " + type);
        }
        Assert.True(missing.Count == 0, "not resolvable:\n" + string.Join('\n', missing));

        var webJobs = web.ServiceProvider.GetRequiredService<JobRunner>().Names.Order(StringComparer.Ordinal);
        var commandJobs = command.Services.GetRequiredService<JobRunner>().Names.Order(StringComparer.Ordinal);
        Assert.Equal(["audit-anchor", "audit-retention", "backup", "campaign-send", "duplicates-scan", "follow-up-rules", "lifetime-refresh", "next-categories", "privacy-retention"], webJobs);
        Assert.Equal(webJobs, commandJobs);
    }
}

public sealed class CompositionRootTestsOnSqlite(SqliteApp fixture) : CompositionRootTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-5")]
public sealed class CompositionRootTestsOnPostgres(PostgresApp fixture) : CompositionRootTests(fixture), IClassFixture<PostgresApp>;
