using System.Globalization;
using Clientele.Infrastructure.Security;
using Clientele.Components;
using Clientele.Features.Analytics;
using Clientele.Features.Pivot;
using Clientele.Features.Clients;
using Clientele.Features.Company;
using Clientele.Features.Contacts;
using Clientele.Features.Home;
using Clientele.Features.Interactions;
using Clientele.Features.Products;
using Clientele.Features.Purchases;
using Clientele.Features.ServiceCosts;
using Clientele.Features.Tasks;
using Clientele.Features.Users;
using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Auth;
using Clientele.Infrastructure.Localization;
using Radzen;
using Scalar.AspNetCore;

namespace Clientele.Infrastructure;

/// <summary>The one composition root: services and pipeline of the web application.</summary>
public static class AppHost
{
    public const string DefaultUrls = "http://127.0.0.1:5080";
    public const string DbSettingKey = "Clientele:Db";

    public static WebApplication Build(string[] args, DatabaseTarget? database = null, string? urls = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(AppHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        database ??= DatabaseTarget.Parse(builder.Configuration[DbSettingKey] ?? Environment.GetEnvironmentVariable(DatabaseTarget.EnvironmentVariable));
        builder.WebHost.UseUrls(urls ?? builder.Configuration["urls"] ?? DefaultUrls);
        // Serve wwwroot and the component library's assets from the build output in every environment,
        // so `dotnet run` and the tests see the same pages a published app does.
        builder.WebHost.UseStaticWebAssets();
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddClienteleDb(database);
        services.AddProblemDetails();
        services.AddBadRequestProblems();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddValidation();
        services.AddRequestLimits();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Clientele API";
            doc.Info.Description = "The client base: clients, contact persons, products, purchases, service costs, interactions and tasks.";
            return Task.CompletedTask;
        }));
        services.AddClienteleAuth();
        services.AddClienteleLocalization();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        services.AddHttpContextAccessor();
        services.AddScoped<ClientQueries>();
        Features.Audit.AuditSetup.AddAuditTrail(services);
        services.AddScoped<CompanySettingsReader>();
        services.AddScoped<AnalyticsService>();
        services.AddSingleton<AnalyticsCache>();
        Features.Lifetime.LifetimeSetup.AddLifetime(services);
        Features.Privacy.PrivacySetup.AddPrivacy(services);
        Features.Duplicates.DuplicatesSetup.AddDuplicates(services);
        Features.Imports.ImportsSetup.AddImports(services);

        var app = builder.Build();
        app.UseSecurityHeaders();
        // HSTS only ever goes out on HTTPS responses, so the loopback HTTP of a single-user install is unaffected.
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UseAuthentication();
        Features.SignIn.SignInGuards.UseSignInGuards(app);
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/reference").AllowAnonymous();
        app.MapAccount();
        app.MapCulture();

        var api = app.MapGroup("/api/v1").RequireAuthorization(AuthSetup.ApiPolicy);
        // Who may call what, per feature; the access-matrix test reads these declarations for every endpoint.
        // Which clients and fields each role sees is the data layer's business (Features/Access).
        const EmployeeRole owner = EmployeeRole.Owner, manager = EmployeeRole.Manager, marketer = EmployeeRole.Marketer, analyst = EmployeeRole.Analyst;
        var clientBase = api.MapGroup("").AllowRoles(RoleAccess.Everyone).AllowWrites(owner, manager);
        clientBase.MapClients();
        clientBase.MapClientsExport();
        clientBase.MapContactPersons();
        clientBase.MapProducts();
        var money = api.MapGroup("").AllowRoles(owner, manager, analyst).AllowWrites(owner, manager);
        money.MapPurchases();
        money.MapServiceCosts();
        var work = api.MapGroup("").AllowRoles(owner, manager);
        work.MapInteractions();
        work.MapTasks();
        Features.Duplicates.DuplicatesApi.MapDuplicates(work);
        Features.Imports.ImportsApi.MapImports(work);
        var reports = api.MapGroup("").AllowRoles(RoleAccess.Everyone).AllowWrites(owner, manager);
        reports.MapHome();
        reports.MapAnalytics();
        reports.MapPivot();
        Features.Loyalty.LoyaltyApi.MapLoyalty(reports);
        Features.LostClients.LostApi.MapLostClients(reports);
        Features.Lifetime.LifetimeApi.MapLifetime(reports);
        Features.AnalyticsSettings.SettingsEndpoints.MapAnalyticsSettingsAndGroups(api.MapGroup("").AllowRoles(RoleAccess.Everyone).AllowWrites(owner, marketer));
        Features.ExportControl.ExportsApi.MapExports(api);
        Features.Audit.AuditApi.MapAudit(api);
        Features.Privacy.PrivacyApi.MapPrivacy(api);
        Features.Imports.Mapping.ImportPresetsApi.MapImportPresets(api);
        Features.Exports.ExportEndpoints.MapExportsEverywhere(api);

        app.MapStaticAssets().AllowAnonymous();
        // Our own policy (SecurityHeaders) already forbids any framing; Blazor's default "frame-ancestors 'self'" would be a second, looser header.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }

    /// <summary>Formats for the logs which database the app uses, never with its password.</summary>
    public static string Describe(DatabaseTarget database) => database.ToString();

    internal static CultureInfo[] SupportedCultures => [new("ru"), new("de"), new("en")];
}
