using System.Net.Http.Json;
using System.Reflection;
using Clientele.Data;
using Clientele.Features.Access;
using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Clientele.Features.Imports;
using Clientele.Infrastructure.Jobs;
using Clientele.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Tests.Access;

/// <summary>
/// Every place the web host's types are handed a context or a context factory — constructor parameters, components'
/// [Inject] properties, endpoint handlers' parameters — read from the assembly and the endpoint list, so a new page,
/// service or endpoint is covered without touching this test. One that sees everything must be on the short list
/// below, with its reason; the user's factory and context (and <see cref="ScopedDbFactory"/>) need no reason.
/// </summary>
public sealed class SystemScopeInjectionTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    /// <summary>Who may see everything, and why. An entry that no longer injects anything fails the test too.</summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        [$"{nameof(JobRunner)}({nameof(SystemScopes)})"] = "a job has no user: its run's scope sees the whole base",
        [$"{nameof(JobRunner)}({nameof(SystemDbFactory)})"] = "the JobRuns table, which no user owns",
        [$"{nameof(JobLocks)}({nameof(SystemDbFactory)})"] = "a connection for PostgreSQL's advisory lock; reads no rows",
        [$"{nameof(ImportRunner)}({nameof(SystemDbFactory)})"] = "a hosted service; it claims queued jobs and then applies the job's creator's scope",
        [$"{nameof(ApiTokenAuthentication)}({nameof(SystemDbFactory)})"] = "runs before sign-in to find the token's owner; reads and stamps ApiTokens only, which no client filter covers",
        [$"{nameof(AuditGroupCommit)}({nameof(SystemDbFactory)})"] = "the process's one audit writer: appends every user's entries to one chain, which no user owns",
        [$"{nameof(RequestAccessScope)}({nameof(SystemDbFactory)})"] = "a person's consent is a fact about them; read to lift a marketer's mask",
        [$"{nameof(Clientele.Features.Campaigns.CampaignSendLoop)}({nameof(SystemDbFactory)})"] = "asks only whether an outbox message is due; the sending runs as a job",
        [$"{nameof(Clientele.Features.Analytics.AnalyticsRecompute)}({nameof(SystemDbFactory)})"] = "a hosted service; reads the asking reader's role, then computes in that reader's scope",
        ["endpoint /s/{token}(SystemScopes)"] = "the client has no account: the survey link's token (256 random bits, one answer, expiring) is the permission, for that one client's answer",
        ["endpoint /invite/{token}(SystemScopes)"] = "the invitee has no account yet: the link's signature (a key outside the database) is the permission, for that one invitation's account",
        ["endpoint /consent/{token}(SystemScopes)"] = "the person has no account: the link's signature (a key outside the database) is the permission, for that one request's consent",
        ["endpoint /unsubscribe/{token}(SystemScopes)"] = "the recipient has no account: the link's signature (a key outside the database) is the permission, for that one message's consent",
        [$"{nameof(SystemDbFactory)}(ProviderDbFactory)"] = "the named system factory itself",
        [$"{nameof(UserDbFactory)}(ProviderDbFactory)"] = "the user's factory itself; sets the request's or circuit's scope",
        [$"{nameof(ScopedDbFactory)}(ProviderDbFactory)"] = "the scope's factory itself; sets its user's scope",
    };

    /// <summary>What sees everything, or has nobody set to look: the named system routes and the bare provider contexts.</summary>
    private static bool SeesEverything(Type type) =>
        type == typeof(SystemDbFactory) || type == typeof(SystemScopes) || type == typeof(ProviderDbFactory)
        || type == typeof(SqliteClienteleDb) || type == typeof(PostgresClienteleDb)
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDbContextFactory<>)
            && type.GetGenericArguments()[0] != typeof(ClienteleDb));

    private static string Injection(Type owner, Type injected) => $"{owner.Name}({injected.Name})";

    private static IEnumerable<(Type Owner, Type Injected)> ConstructorsAndComponents()
    {
        foreach (var type in typeof(Program).Assembly.GetTypes())
        {
            foreach (var constructor in type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
                foreach (var parameter in constructor.GetParameters())
                    yield return (type, parameter.ParameterType);
            if (!typeof(IComponent).IsAssignableFrom(type)) continue;
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
                if (property.GetCustomAttribute<InjectAttribute>() is not null)
                    yield return (type, property.PropertyType);
        }
    }

    private IEnumerable<(string Owner, Type Injected)> EndpointHandlers() =>
        from endpoint in fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        let handler = endpoint.Metadata.GetMetadata<MethodInfo>()
        where handler is not null
        from parameter in handler.GetParameters()
        select ($"{endpoint.RoutePattern.RawText}", parameter.ParameterType);

    [Fact]
    public void Nothing_in_the_web_host_sees_everything_unless_listed_with_its_reason()
    {
        var found = ConstructorsAndComponents().Where(i => SeesEverything(i.Injected)).Select(i => Injection(i.Owner, i.Injected))
            .Concat(EndpointHandlers().Where(i => SeesEverything(i.Injected)).Select(i => $"endpoint {i.Owner}({i.Injected.Name})"))
            .ToHashSet();
        var unlisted = found.Where(f => !Allowed.ContainsKey(f)).Order().ToList();
        var stale = Allowed.Keys.Where(a => !found.Contains(a)).Order().ToList();
        Assert.True(unlisted.Count == 0, "sees everything without a listed reason (use the user's factory, or add a reason):\n" + string.Join('\n', unlisted));
        Assert.True(stale.Count == 0, "listed but no longer injected (remove from the list):\n" + string.Join('\n', stale));
    }

    [Fact]
    public void The_search_reaches_components_constructors_and_endpoints()
    {
        // The test above is only as good as its search: it must see a component's [Inject], a primary constructor
        // and an endpoint's handler parameters, each of which holds a context or factory today.
        var injections = ConstructorsAndComponents().Select(i => Injection(i.Owner, i.Injected)).ToHashSet();
        Assert.Contains("ExportsPage(IDbContextFactory`1)", injections);
        Assert.Contains(Injection(typeof(JobRunner), typeof(SystemDbFactory)), injections);
        Assert.Contains(EndpointHandlers(), e => e.Injected == typeof(ClienteleDb));
    }

    [Fact]
    public async Task The_plain_factory_and_the_scoped_context_see_nothing_outside_a_request_or_circuit_of_the_web_host()
    {
        var services = fixture.App.Services;
        var name = "Unattended " + Guid.NewGuid().ToString("N")[..8];
        (await fixture.App.Client.PostAsJsonAsync("/api/v1/clients", new { name })).EnsureSuccessStatusCode();
        await using (var plain = await services.GetRequiredService<IDbContextFactory<ClienteleDb>>().CreateDbContextAsync())
            Assert.False(await plain.Clients.AnyAsync(c => c.Name == name));
        await using (var scope = services.CreateAsyncScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<ClienteleDb>().Clients.AnyAsync(c => c.Name == name));
        await using (var system = services.GetRequiredService<SystemDbFactory>().CreateDbContext())
            Assert.True(await system.Clients.AnyAsync(c => c.Name == name));
        await using (var scope = services.CreateSystemScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<ClienteleDb>().Clients.AnyAsync(c => c.Name == name));
    }
}
