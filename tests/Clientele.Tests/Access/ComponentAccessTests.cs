using System.Net;
using System.Net.Http.Json;
using Clientele.Features.Identity;
using Clientele.Features.Privacy;
using Clientele.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clientele.Tests.Access;

/// <summary>
/// The components that once took the plain factory (and with it the system's view): each is shown, as a manager and
/// as a marketer, what it would show them — pages through HTTP with a signed-in cookie (Blazor prerenders the HTML),
/// components of the client card rendered by the app's own services as that user — and must show no foreign client
/// and none of the owner's records. The owner's page shows the same markers, so the search for them can succeed.
/// </summary>
public abstract class ComponentAccessTests(AppFixture fixture) : ApiTest(fixture)
{
    private sealed record World(string Marker, long ForeignCompany, long ErasedClient, string Person, string Email, string OtherToken,
        Employee Manager, Employee Marketer);

    /// <summary>A foreign company (another manager's) with a contact person and a consent, an erased foreign client,
    /// the owner's consent wording, breach and export, and another user's API token; every text carries one marker.</summary>
    private async Task<World> WorldAsync()
    {
        var marker = Unique("Mk");
        var other = await App.AddUserAsync(Unique("other") + "@components.test", EmployeeRole.Manager, "Other " + marker);
        var manager = await App.AddUserAsync(Unique("manager") + "@components.test", EmployeeRole.Manager, "Manager");
        var marketer = await App.AddUserAsync(Unique("marketer") + "@components.test", EmployeeRole.Marketer, "Marketer");
        var company = Id(await CreateClientAsync("Foreign " + marker, new { kind = "Company", managerId = other.Id }));
        var person = "Person " + marker;
        var email = marker.ToLowerInvariant() + "@foreign.test";
        var personId = Id(await JsonAsync(await PostAsync("/api/v1/contact-persons", new { clientId = company, name = person, email }), HttpStatusCode.Created));
        await JsonAsync(await PostAsync($"/api/v1/clients/{company}/consents",
            new { contactPersonId = personId, channel = "Sms", purpose = "Marketing", source = "WebForm", text = "Wording " + marker }), HttpStatusCode.Created);
        var erased = Id(await CreateClientAsync("Erased " + marker, new { managerId = other.Id }));
        await JsonAsync(await PostAsync($"/api/v1/clients/{erased}/erase", new { reason = "Reason " + marker, requestReference = "Ref " + marker }));
        await JsonAsync(await PostAsync("/api/v1/privacy/consent-texts", new { code = marker.ToLowerInvariant(), language = "en", body = "Text " + marker }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync("/api/v1/privacy/breaches", new { title = "Breach " + marker, discoveredAt = DateTime.UtcNow.AddHours(-1) }), HttpStatusCode.Created);
        (await Http.GetAsync($"/api/v1/clients/export?format=csv&q={Uri.EscapeDataString(marker)}")).EnsureSuccessStatusCode();
        var otherToken = "Token " + marker;
        await App.IssueTokenAsync(other.Id, otherToken);
        return new World(marker, company, erased, person, email, otherToken, manager, marketer);
    }

    private HttpClient Browser() =>
        App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The page's prerendered HTML for the signed-in user (or the redirect's empty body when refused).</summary>
    private async Task<string> PageAsync(Employee? user, string path)
    {
        var browser = Browser();
        var email = user?.Email ?? ClienteleApp.OwnerEmail;
        (await browser.PostAsJsonAsync("/api/v1/account/sign-in", new { email, password = ClienteleApp.OwnerPassword })).EnsureSuccessStatusCode();
        return WebUtility.HtmlDecode(await (await browser.GetAsync(path)).Content.ReadAsStringAsync());
    }

    /// <summary>Renders the component with the app's services in a scope of its own, signed in as the user, as a
    /// circuit would: its authentication state set, and the request's user for the prerendering path.</summary>
    private async Task<string> RenderAsync<TComponent>(Employee user, Dictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<Employee>>().CreateAsync(user);
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var accessor = services.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { User = principal, RequestServices = services };
        try
        {
            await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
            return WebUtility.HtmlDecode(await renderer.Dispatcher.InvokeAsync(async () =>
            {
                RenderFragment child = b =>
                {
                    b.OpenComponent<TComponent>(0);
                    foreach (var (name, value) in parameters) b.AddComponentParameter(1, name, value);
                    b.CloseComponent();
                };
                var root = await renderer.RenderComponentAsync<CascadingAuthenticationState>(
                    ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(CascadingAuthenticationState.ChildContent)] = child }));
                await root.QuiescenceTask;
                return root.ToHtmlString();
            }));
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    private static void AssertNone(string html, params string[] markers)
    {
        foreach (var marker in markers) Assert.DoesNotContain(marker, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_privacy_sections_and_the_audit_trail_are_the_owners_only()
    {
        var world = await WorldAsync();
        // ConsentTextsSection, BreachesSection, ErasuresSection, RetentionSection on /privacy; the audit page, its entries,
        // settings and mass-access alerts on /audit; the audit link in the navigation of every page.
        var owner = await PageAsync(null, "/privacy");
        Assert.Contains("Text " + world.Marker, owner);
        Assert.Contains("Breach " + world.Marker, owner);
        Assert.Contains("Reason " + world.Marker, owner);
        Assert.Contains("id=\"retention", owner);
        Assert.Contains("id=\"audit-nav\"", await PageAsync(null, "/clients"));
        Assert.Contains("id=\"seen-employee\"", await PageAsync(null, "/audit"));
        foreach (var user in new[] { world.Manager, world.Marketer })
        {
            var privacy = await PageAsync(user, "/privacy");
            AssertNone(privacy, "Text " + world.Marker, "Breach " + world.Marker, "Reason " + world.Marker, "id=\"erasures", "id=\"retention");
            AssertNone(await PageAsync(user, "/audit"), "id=\"seen-employee\"", world.Marker);
            AssertNone(await PageAsync(user, "/clients"), "id=\"audit-nav\"");
        }
    }

    [Fact]
    public async Task The_erasure_records_show_a_manager_no_foreign_client()
    {
        var world = await WorldAsync();
        var asManager = await RenderAsync<ErasuresSection>(world.Manager, []);
        AssertNone(asManager, "Reason " + world.Marker, $"/clients/{world.ErasedClient}");
        Assert.Contains("Reason " + world.Marker, await RenderAsync<ErasuresSection>(await OwnerAsync(), []));
    }

    [Fact]
    public async Task The_privacy_panel_and_its_forms_show_a_manager_nothing_of_a_foreign_client_and_a_marketer_no_owner_action()
    {
        var world = await WorldAsync();
        var client = new Dictionary<string, object?> { ["ClientId"] = world.ForeignCompany };
        var owner = await OwnerAsync();
        // The owner's view first: the consent is counted, the erase action offered, the company's option and the person listed.
        Assert.Contains("id=\"action-erase\"", await RenderAsync<PrivacyPanel>(owner, client));
        Assert.Contains("1", Between(await RenderAsync<PrivacyPanel>(owner, client), "id=\"privacy-consent-count\">", "<"));
        Assert.Contains("includeCompanyData", await RenderAsync<EraseForm>(owner, client));
        Assert.Contains(world.Person, await RenderAsync<GiveConsentForm>(owner, client));

        var panel = await RenderAsync<PrivacyPanel>(world.Manager, client);
        Assert.DoesNotContain("1", Between(panel, "id=\"privacy-consent-count\">", "<"));
        AssertNone(await RenderAsync<EraseForm>(world.Manager, client), "includeCompanyData");
        AssertNone(await RenderAsync<GiveConsentForm>(world.Manager, client), world.Person, world.Email);

        // A marketer sees every client, but not the owner's actions, nor a contact without the person's consent.
        AssertNone(await RenderAsync<PrivacyPanel>(world.Marketer, client), "id=\"action-erase\"", "id=\"action-export-html\"", world.Email);
        AssertNone(await RenderAsync<GiveConsentForm>(world.Marketer, client), world.Email);
        AssertNone(await RenderAsync<EraseForm>(world.Marketer, client), world.Email);
    }

    [Fact]
    public async Task The_security_and_exports_pages_show_only_the_users_own()
    {
        var world = await WorldAsync();
        Assert.Contains(world.Marker, await PageAsync(null, "/exports"));
        foreach (var user in new[] { world.Manager, world.Marketer })
        {
            var own = "Own " + Unique("t");
            await App.IssueTokenAsync(user.Id, own);
            var security = await PageAsync(user, "/account/security");
            Assert.Contains(own, security);
            AssertNone(security, world.OtherToken);
            var exports = await PageAsync(user, "/exports");
            Assert.Contains("id=\"exports-empty\"", exports);
            AssertNone(exports, world.Marker);
        }
    }

    private async Task<Employee> OwnerAsync() => await App.ReadAsync(db => db.Users.FindAsync(App.OwnerId).AsTask()) ?? throw new InvalidOperationException("no owner");

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' is not on the page");
        from += start.Length;
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }
}

public sealed class ComponentAccessTestsOnSqlite(SqliteApp fixture) : ComponentAccessTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class ComponentAccessTestsOnPostgres(PostgresApp fixture) : ComponentAccessTests(fixture), IClassFixture<PostgresApp>;
