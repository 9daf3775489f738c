using Clientele.Features.Analytics;
using Clientele.Features.Audit;
using Clientele.Features.Clients;
using Clientele.Features.Company;
using Clientele.Features.Identity;
using Clientele.Features.Imports;
using Clientele.Features.Privacy;
using Clientele.Infrastructure.Jobs;
using Clientele.Infrastructure.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clientele.Infrastructure;

/// <summary>
/// The one composition root of the application's services. The web host (<see cref="AppHost"/>) and every command
/// (<see cref="Cli.CommandServices"/>) start from it, so a command has what the web has: the database with its
/// system scope, the audit trail, every nightly job, the people and their password rules, localization and the clock.
/// The web host adds only what needs a web server on top (pages, sign-in, antiforgery, authentication, OpenAPI).
/// </summary>
public static class ClienteleServices
{
    public static IServiceCollection AddClientele(this IServiceCollection services, DatabaseTarget database)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddClienteleDb(database);
        services.AddClienteleLocalization();

        // The people: Identity's store and rules, with the sign-in page's own password check (before Identity's default).
        services.AddSignInBeforeIdentity();
        services.AddIdentityCore<Employee>(AuthSetup.IdentityRules)
            .AddEntityFrameworkStores<ClienteleDb>()
            .AddClaimsPrincipalFactory<EmployeeClaimsFactory>();

        services.AddScoped<CompanySettingsReader>();
        services.AddScoped<ClientQueries>();
        services.AddScoped<AnalyticsService>();
        services.AddScoped<Features.Handover.KeyPersonRiskReport>();
        services.AddScoped<Features.Handover.HandoverFlow>();
        services.AddScoped<Features.Handover.HandoverNotes>();
        services.AddScoped<Features.Handover.ManagerScorecardReport>();
        services.AddScoped<Features.Partners.PartnerReport>();
        services.AddScoped<Features.Handover.ManagersLoadReport>();
        services.AddSingleton(sp => AnalyticsSource.From(sp.GetService<IConfiguration>(), database, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AnalyticsSource>>()));
        services.AddSingleton(sp => new AnalyticsCache(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<SharedGeneration>(), sp.GetRequiredService<AnalyticsSource>()));
        services.AddSingleton<AnalyticsRecompute>();
        services.AddHostedService(sp => sp.GetRequiredService<AnalyticsRecompute>());
        services.AddSingleton<Features.Pipeline.PublicFormGate>();
        services.AddAuditTrail();
        services.AddScoped<ConsentWriter>();
        services.AddScoped<BreachRegister>();
        ImportsSetup.AddImports(services);
        services.AddNightlyJobs();
        Features.Campaigns.CampaignsSetup.AddCampaigns(services);
        return services;
    }
}
