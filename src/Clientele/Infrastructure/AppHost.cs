using Clientele.Components;
using Clientele.Features.Analytics;
using Clientele.Features.AnalyticsSettings;
using Clientele.Features.Audit;
using Clientele.Features.Backup;
using Clientele.Features.Clients;
using Clientele.Features.Contacts;
using Clientele.Features.Duplicates;
using Clientele.Features.Economics;
using Clientele.Features.Exports;
using Clientele.Features.Exports.Control;
using Clientele.Features.Groups;
using Clientele.Features.Handover;
using Clientele.Features.Home;
using Clientele.Features.Identity;
using Clientele.Features.Imports;
using Clientele.Features.Imports.Mapping;
using Clientele.Features.FollowUp;
using Clientele.Features.Interactions;
using Clientele.Features.Lifetime;
using Clientele.Features.LostClients;
using Clientele.Features.Loyalty;
using Clientele.Features.Pipeline;
using Clientele.Features.Pivot;
using Clientele.Features.Privacy;
using Clientele.Features.Products;
using Clientele.Features.Purchases;
using Clientele.Features.ServiceCosts;
using Clientele.Features.Tasks;
using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Jobs;
using Clientele.Infrastructure.Localization;
using Clientele.Infrastructure.Nodes;
using Clientele.Infrastructure.Security;
using Clientele.Infrastructure.Serving;
using Radzen;
using Scalar.AspNetCore;

namespace Clientele.Infrastructure;

/// <summary>
/// The web application: the application's services (<see cref="ClienteleServices.AddClientele"/>, which every command
/// uses too) with what only a web server needs, the pipeline, and every endpoint in one list.
/// </summary>
public static class AppHost
{
    public const string DefaultUrls = ServingSettings.DefaultUrls;
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
        // A wrong --analytics-db stops the start here, not at the first report.
        AnalyticsSource.ReplicaOf(builder.Configuration, database);
        builder.AddServing(database, urls);
        // Serve wwwroot and the component library's assets from the build output in every environment,
        // so `dotnet run` and the tests see the same pages a published app does.
        builder.WebHost.UseStaticWebAssets();
        // Served from the build output (as `dotnet run` and the tests do), MapStaticAssets would answer every asset with
        // no-cache, so each page load revalidated its style sheets, scripts and fonts. The manifest's own headers are
        // right in every environment: fingerprinted URLs (`@Assets[...]`) are immutable, a changed file gets a new one.
        builder.Configuration["EnableStaticAssetsDevelopmentCaching"] = "true";
        // What a start prints is StartReport's (address, database, keys, how to sign in); the host's own lines say less.
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        // On Linux ASP.NET has no way to encrypt its key ring at rest and says so at every new key; the ring sits in the
        // app user's own directory like the audit key (ADR 016), so that warning tells the person starting it nothing.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        // ASP.NET's own template ships this level: at thousands of requests a second, two console lines per request
        // (start and finish) cost more than the request (measured in bench/results/reads-2026-12-06.md).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var services = builder.Services;
        // Under systemd (Type=notify): tells it when the app is ready and stopping, and logs without colours; as a
        // Windows service: answers the service manager. Started any other way both stay out of the way.
        services.AddSystemd();
        if (OperatingSystem.IsWindows()) services.AddWindowsService(o => o.ServiceName = "Clientele");
        services.AddClientele(database);
        // What only a web server needs, on top of what every command has too.
        services.AddProblemDetails();
        services.AddBadRequestProblems();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddRequestLimits();
        services.AddSecurityHeaders();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Clientele API";
            doc.Info.Description = "The client base: clients, contact persons, products, purchases, service costs, interactions and tasks.";
            // Each installation is its own company's server: whoever runs it is the contact, the project documents the API.
            doc.Info.Contact = new Microsoft.OpenApi.OpenApiContact { Name = "The administrator of this Clientele server" };
            return Task.CompletedTask;
        }).AddOperationNames());
        services.AddSharedKeyRing();
        services.AddClienteleAuth();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        services.AddPackageAssetCompression();

        var app = builder.Build();
        app.UseServing();
        app.UsePackageAssetCompression();
        app.UseSecurityHeaders();
        // HSTS only ever goes out on HTTPS responses, so the loopback HTTP of a single-user install is unaffected.
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UseInsecureSignInExplanation();
        // Before anything reads a cookie-authenticated change: a request another site made the browser send stops here.
        app.UseCrossSiteRequestGuard();
        app.UseAuthentication();
        Features.Identity.SignInGuards.UseSignInGuards(app);
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapGet("/health", () => TypedResults.Ok(new HealthResponse("ok"))).AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/reference").AllowAnonymous();
        app.MapAccount();
        app.MapSignInApi();
        app.MapAccountSecurityApi();
        app.MapUsersApi();
        app.MapInvites(); // the owner's invitations, and the invitee's anonymous page /invite/{token}
        app.MapCulture();
        app.MapPublicLeadForm(); // anonymous: the company's site embeds it
        Features.Surveys.PublicSurvey.MapPublicSurvey(app); // anonymous: the client's personal survey link

        // Every feature's endpoints, by who may call them; the access-matrix test reads these declarations for every
        // endpoint. Which clients and fields each role sees is the data layer's business (Features/Access).
        var api = app.MapGroup("/api/v1").RequireAuthorization(AuthSetup.ApiPolicy);
        const EmployeeRole owner = EmployeeRole.Owner, manager = EmployeeRole.Manager, marketer = EmployeeRole.Marketer, analyst = EmployeeRole.Analyst;

        var clientBase = api.MapGroup("").AllowRoles(RoleAccess.Everyone).AllowWrites(owner, manager);
        clientBase.MapClients();
        clientBase.MapClientsExport();
        clientBase.MapContactPersons();
        clientBase.MapProducts();
        Features.Products.NextCategories.MapNextCategories(clientBase);

        var money = api.MapGroup("").AllowRoles(owner, manager, analyst).AllowWrites(owner, manager);
        money.MapPurchases();
        money.MapServiceCosts();
        money.MapDeals();
        money.MapDealFulfilment();
        money.MapDealAffordability();
        Features.Partners.PartnersApi.MapPartners(money); // read-only: the partner report and its file

        var work = api.MapGroup("").AllowRoles(owner, manager);
        work.MapInteractions();
        work.MapTasks();
        work.MapLeads();
        Features.Surveys.SurveysApi.MapSurveys(work);
        Features.Surveys.LoopItemsApi.MapLoopItems(work);
        work.MapMyDay();
        work.MapDuplicates();
        work.MapImports();

        var reports = api.MapGroup("").AllowRoles(RoleAccess.Everyone).AllowWrites(owner, manager);
        reports.MapHome();
        reports.MapAnalytics();
        reports.MapPivot();
        reports.MapLoyalty();
        reports.MapLostClients();
        reports.MapLostLists();
        reports.MapLifetime();
        Features.Products.BreadthReport.MapBreadth(reports);
        reports.MapJobs(); // owner only, declared by the jobs group itself

        var settings = api.MapGroup("").AllowRoles(RoleAccess.Everyone).AllowWrites(owner, marketer);
        settings.MapAnalyticsSettings();
        settings.MapChannelSpend();
        settings.MapExchangeRates();
        settings.MapGroups();

        var pipelineSettings = api.MapGroup("").AllowRoles(RoleAccess.Everyone).AllowWrites(owner);
        pipelineSettings.MapPipelineStages();
        api.MapGroup("").AllowRoles(owner, manager).AllowWrites(owner).MapFollowUpRules();
        Features.Surveys.LoopItemsApi.MapLoopCauses(api.MapGroup("").AllowRoles(owner, manager).AllowWrites(owner));
        Features.Surveys.ProductWishesApi.MapProductWishes(api.MapGroup("").AllowRoles(owner, manager, analyst).AllowWrites(owner, analyst));
        api.MapGroup("").AllowRoles(owner).MapLeadForms();

        // These declare their roles endpoint by endpoint.
        api.MapExports();
        api.MapAudit();
        api.MapPrivacy();
        api.MapImportPresets();
        api.MapBackup();
        api.MapClientsVCard(owner, manager);
        api.MapListExports();
        Features.Campaigns.CampaignsApi.MapCampaigns(api);
        Features.Campaigns.CampaignsApi.MapUnsubscribe(app);
        Features.Privacy.ConsentConfirmation.MapConsentConfirmation(app); // anonymous: the person's consent confirmation link
        api.MapHandover();

        app.MapStaticAssets().AllowAnonymous();
        // Our own policy (SecurityHeaders) already forbids any framing; Blazor's default "frame-ancestors 'self'" would be a second, looser header.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}

/// <summary>What <c>/health</c> answers.</summary>
public sealed record HealthResponse(string Status);
