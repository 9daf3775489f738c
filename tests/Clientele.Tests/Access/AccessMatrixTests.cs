using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Tests.Access;

/// <summary>
/// Every endpoint of the app, read from its own endpoint list (so a new endpoint is covered without touching this
/// test), called by every role on a record of the caller's own and on a foreign one: a role the endpoint does not
/// declare gets 403, a manager asking for another manager's client gets 404, everyone else gets through.
/// </summary>
public abstract partial class AccessMatrixTests(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly EmployeeRole[] Roles = [EmployeeRole.Owner, EmployeeRole.Manager, EmployeeRole.Marketer, EmployeeRole.Analyst];

    /// <summary>Framework plumbing that is not the app's to declare: the circuit hub and the component library's assets.</summary>
    private static bool IsFramework(string route) => route.StartsWith("/_blazor", StringComparison.Ordinal) || route.StartsWith("/_framework", StringComparison.Ordinal)
        || route.StartsWith("/_content", StringComparison.Ordinal) || route == "/{**path:file}";

    private List<RouteEndpoint> Endpoints() =>
        [.. App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    private static string Route(RouteEndpoint e) => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');

    private static IReadOnlySet<EmployeeRole>? Declared(Endpoint e)
    {
        var declared = e.Metadata.OfType<AllowedRoles>().ToList();
        if (declared.Count == 0) return null;
        var roles = new HashSet<EmployeeRole>(declared[0].Roles);
        foreach (var d in declared.Skip(1)) roles.IntersectWith(d.Roles);
        return roles;
    }

    private static string[] Methods(Endpoint e) => [.. e.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).DefaultIfEmpty("GET")];

    [Fact]
    public void Every_endpoint_declares_who_may_call_it()
    {
        var undeclared = Endpoints()
            .Where(e => !IsFramework(Route(e)) && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => Route(e).StartsWith("/api/", StringComparison.Ordinal)
                ? Declared(e) is null
                : e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null ? e.Metadata.GetMetadata<IAuthorizeData>() is null : Declared(e) is null)
            .Select(e => $"{string.Join(',', Methods(e))} {Route(e)}").ToList();
        Assert.True(undeclared.Count == 0, "endpoints without a declared policy (AllowRoles or AllowAnonymous):\n" + string.Join('\n', undeclared));
    }

    /// <summary>
    /// A consent unmasks a contact for a marketer, so the roles that read consents to know whom they may contact are
    /// not the roles that record them (issue 17): pinned here, whatever the group declarations say.
    /// </summary>
    [Fact]
    public void Consents_are_recorded_and_withdrawn_only_by_the_owner_and_the_manager()
    {
        var consents = Endpoints().Where(e => Route(e).StartsWith("/api/v1/clients/{id:long}/consents", StringComparison.Ordinal)).ToList();
        var writes = consents.Where(e => Methods(e).Contains("POST")).ToList();
        Assert.Equal(2, writes.Count);
        Assert.All(writes, e => Assert.Equal(new HashSet<EmployeeRole> { EmployeeRole.Owner, EmployeeRole.Manager }, Declared(e)));
        Assert.Contains(EmployeeRole.Marketer, Declared(Assert.Single(consents, e => Methods(e).Contains("GET")))!);
    }

    private sealed record World(long OwnClient, long ForeignClient, Dictionary<string, (long Own, long Foreign)> Records, Dictionary<EmployeeRole, HttpClient> Callers, long GroupId,
        Dictionary<EmployeeRole, long> CallerIds);

    private async Task<World> WorldAsync()
    {
        var callers = new Dictionary<EmployeeRole, HttpClient> { [EmployeeRole.Owner] = Http };
        var callerIds = new Dictionary<EmployeeRole, long> { [EmployeeRole.Owner] = App.OwnerId };
        long managerId = 0, otherId;
        foreach (var role in Roles.Skip(1))
        {
            var user = await App.AddUserAsync(Unique(role.ToString().ToLowerInvariant()) + "@matrix.test", role, Unique("Matrix "));
            if (role == EmployeeRole.Manager) managerId = user.Id;
            callerIds[role] = user.Id;
            callers[role] = App.ClientWithToken(await App.IssueTokenAsync(user.Id, "matrix"));
        }
        otherId = (await App.AddUserAsync(Unique("other") + "@matrix.test", EmployeeRole.Manager, "Other Manager")).Id;

        var records = new Dictionary<string, (long, long)>();
        var ids = new List<Dictionary<string, long>>();
        foreach (var manager in new[] { managerId, otherId })
        {
            var client = Id(await CreateClientAsync(Unique("Matrix client "), new { managerId = manager }));
            var made = new Dictionary<string, long> { ["clients"] = client };
            made["contact-persons"] = Id(await JsonAsync(await PostAsync("/api/v1/contact-persons", new { clientId = client, name = "Matrix Person" }), HttpStatusCode.Created));
            made["purchases"] = Id(await JsonAsync(await PostAsync("/api/v1/purchases", new
            {
                clientId = client, date = "2026-02-01T10:00:00Z", currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price = 10m } },
            }), HttpStatusCode.Created));
            made["interactions"] = Id(await JsonAsync(await PostAsync("/api/v1/interactions", new { clientId = client, kind = "Call", occurredAt = "2026-02-02T10:00:00Z", summary = "Called" }), HttpStatusCode.Created));
            made["tasks"] = Id(await JsonAsync(await PostAsync("/api/v1/tasks", new { clientId = client, title = "Call back", dueAt = "2026-12-01T10:00:00Z" }), HttpStatusCode.Created));
            made["service-costs"] = Id(await JsonAsync(await PostAsync("/api/v1/service-costs", new { clientId = client, date = "2026-02-03", amount = 5m, currency = "RUB", category = "Delivery" }), HttpStatusCode.Created));
            made["deals"] = Id(await JsonAsync(await PostAsync("/api/v1/deals", new { clientId = client, title = "Matrix deal", value = 10m, currency = "RUB" }), HttpStatusCode.Created));
            // The deal's sale stage: seen by whoever sees the deal, so another manager's is 404 like the deal (ADR 045).
            var deal = made["deals"];
            made["deal-contracts"] = Id(await JsonAsync(await PostAsync("/api/v1/deal-contracts", new { dealId = deal, number = "M-1", signedOn = "2026-02-01" }), HttpStatusCode.Created));
            made["deal-deliveries"] = Id(await JsonAsync(await PostAsync("/api/v1/deal-deliveries", new { dealId = deal, promisedOn = "2026-02-10" }), HttpStatusCode.Created));
            made["deal-problems"] = Id(await JsonAsync(await PostAsync("/api/v1/deal-problems", new { dealId = deal, text = "Matrix problem", raisedOn = "2026-02-10" }), HttpStatusCode.Created));
            made["surveys"] = Id(await JsonAsync(await PostAsync("/api/v1/surveys", new { clientId = client, satisfaction = 8 }), HttpStatusCode.Created));
            var answer = made["surveys"];
            // An answer below 10 opens the client's loop item.
            made["loop-items"] = await App.ReadAsync(db => db.LoopItems.Where(i => i.AnswerId == answer).Select(i => i.Id).SingleAsync());
            ids.Add(made);
        }
        foreach (var key in ids[0].Keys) records[key] = (ids[0][key], ids[1][key]);
        var group = Id(await JsonAsync(await PostAsync("/api/v1/groups", new { name = Unique("Matrix group ") }), HttpStatusCode.Created));
        return new World(ids[0]["clients"], ids[1]["clients"], records, callers, group, callerIds);
    }

    [GeneratedRegex(@"\{(?<name>[^}:?]+)[^}]*\}")]
    private static partial Regex Parameter();

    /// <summary>The URL with its parameters filled, and whether it names a record that belongs to a client.</summary>
    private static (string Url, bool ClientScoped) Fill(string route, World w, bool own)
    {
        var clientScoped = false;
        var url = Parameter().Replace(route, m =>
        {
            var name = m.Groups["name"].Value;
            var before = route[..m.Index].TrimEnd('/');
            var segment = before[(before.LastIndexOf('/') + 1)..];
            if (name.Equals("clientId", StringComparison.OrdinalIgnoreCase) || (name == "id" && w.Records.ContainsKey(segment)))
            {
                clientScoped = true;
                var (o, f) = w.Records[name == "id" ? segment : "clients"];
                return (own ? o : f).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            if (name == "id" && segment == "groups") return w.GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (name == "report") return "clients";
            return m.Value.Contains(":long", StringComparison.Ordinal) || name.EndsWith("Id", StringComparison.Ordinal) || name == "id" ? "999999999" : "none";
        });
        return (url, clientScoped);
    }

    private static HttpRequestMessage Request(string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent("{}", Encoding.UTF8, method == "PATCH" ? "application/merge-patch+json" : "application/json");
        // A stale version: a caller who gets through is refused by the record's version, so nothing is deleted.
        if (method == "DELETE") request.Headers.TryAddWithoutValidation("If-Match", "\"999999\"");
        return request;
    }

    [Fact]
    public async Task Every_api_endpoint_answers_every_role_as_declared_on_own_and_foreign_records()
    {
        var world = await WorldAsync();
        var failures = new List<string>();
        var calls = 0;
        foreach (var endpoint in Endpoints().Where(e => Route(e).StartsWith("/api/", StringComparison.Ordinal)))
        {
            var allowed = Declared(endpoint);
            if (allowed is null) continue; // reported by Every_endpoint_declares_who_may_call_it
            foreach (var method in Methods(endpoint))
                foreach (var role in Roles)
                    foreach (var own in new[] { true, false })
                    {
                        var (url, clientScoped) = Fill(Route(endpoint), world, own);
                        if (!own && !clientScoped) continue;
                        using var response = await world.Callers[role].SendAsync(Request(method, url));
                        calls++;
                        var status = (int)response.StatusCode;
                        string? wrong = null;
                        if (!allowed.Contains(role)) { if (status != 403) wrong = "403"; }
                        else if (clientScoped && !own && role == EmployeeRole.Manager) { if (status != 404) wrong = "404"; }
                        else if (status is 401 or 403 or >= 500) wrong = "an answer past authorisation";
                        if (wrong is not null)
                            failures.Add($"{role} {method} {url} ({(own ? "own" : "foreign")}): expected {wrong}, got {status} {Truncate(await response.Content.ReadAsStringAsync())}");
                    }
        }
        Assert.True(calls > 300, $"only {calls} calls: the endpoint list was not read");
        ProbeCount.Report("access matrix (API)", GetType().Name, calls);
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls answered wrongly:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task Every_page_answers_every_role_as_declared_and_a_foreign_card_shows_nothing()
    {
        var world = await WorldAsync();
        var foreignName = await App.ReadAsync(db => db.Clients.Where(c => c.Id == world.ForeignClient).Select(c => c.Name).SingleAsync());
        var failures = new List<string>();
        var pages = Endpoints().Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null).ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var roles = page.Metadata.OfType<IAuthorizeData>().Select(a => a.Roles).Where(r => !string.IsNullOrEmpty(r))
                .Select(r => r!.Split(',').Select(x => Enum.Parse<EmployeeRole>(x.Trim(), ignoreCase: true)).ToHashSet())
                .Aggregate(Roles.ToHashSet(), (all, next) => { all.IntersectWith(next); return all; });
            foreach (var role in Roles)
            {
                var (url, _) = Fill(Route(page), world, own: role != EmployeeRole.Manager);
                var isForeignCard = role == EmployeeRole.Manager && url.StartsWith("/clients/", StringComparison.Ordinal) && url != "/clients/new";
                if (isForeignCard) url = $"/clients/{world.ForeignClient}";
                using var response = await world.Callers[role].GetAsync(url);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                if (!roles.Contains(role)) { if (status != 403) failures.Add($"{role} {url}: expected 403, got {status}"); }
                else if (status != 200) failures.Add($"{role} {url}: expected 200, got {status} {Truncate(body)}");
                else if (isForeignCard && body.Contains(foreignName, StringComparison.Ordinal)) failures.Add($"{role} {url}: a foreign client's card shows its name");
            }
        }
        ProbeCount.Report("access matrix (pages)", GetType().Name, pages.Count * Roles.Length);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static string Truncate(string text) => text.Length > 200 ? text[..200] + "…" : text;
}

public sealed class AccessMatrixTestsOnSqlite(SqliteApp fixture) : AccessMatrixTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class AccessMatrixTestsOnPostgres(PostgresApp fixture) : AccessMatrixTests(fixture), IClassFixture<PostgresApp>;
