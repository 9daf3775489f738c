using System.Net.Http.Headers;
using Clientele.Data;
using Clientele.Features.Identity;
using Clientele.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clientele.Tests.Infrastructure;

/// <summary>
/// The real application in memory (through its entry point, as WebApplicationFactory starts it) on one real
/// database, migrated, with an owner and an API token; <see cref="Client"/> calls the API as that owner.
/// </summary>
public sealed class ClienteleApp(string dbSetting) : WebApplicationFactory<Program>
{
    public ClienteleApp(DatabaseTarget target)
        : this((target.Provider == DatabaseProvider.Sqlite ? "sqlite:" : "postgres:") + target.ConnectionString)
    {
    }

    public const string OwnerEmail = "owner@clientele.test";
    public const string OwnerPassword = "a-long-test-passphrase";

    /// <summary>The "Clientele:Db" value: sqlite:PATH or postgres:CONNECTION-STRING.</summary>
    public string DbSetting { get; } = dbSetting;
    public DatabaseTarget Target { get; } = DatabaseTarget.Parse(dbSetting);
    public long OwnerId { get; private set; }
    public string OwnerToken { get; private set; } = "";
    /// <summary>More settings for this host (set before it starts), such as a second node's analytics replica.</summary>
    public Dictionary<string, string> Settings { get; } = [];
    /// <summary>An HTTP client that authenticates as the owner with an API token.</summary>
    public HttpClient Client { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(AppHost.DbSettingKey, DbSetting);
        builder.UseSetting(Clientele.Infrastructure.Jobs.JobsSetup.ScheduleSettingKey, "off");
        // Recomputing the reports readers asked for after every write is background CPU no test but its own needs.
        builder.UseSetting(Clientele.Features.Analytics.AnalyticsRecompute.SettingKey, "off");
        // Every test request comes from the same (absent) address; the rate-limit test sets its own low limit.
        builder.UseSetting(Clientele.Features.Identity.SignInSetup.AttemptsPerMinuteKey, "100000");
        // Likewise the delay after many failures from one address; the throttling tests set their own addresses and limits.
        builder.UseSetting(Clientele.Features.Identity.SignInThrottle.AddressFailuresBeforeDelayKey, "100000");
        // Identity's PBKDF2 at its production work factor (100,000 rounds of HMAC-SHA512) for every user a test adds and every
        // sign-in was a tenth of the suite's CPU (perf, the SQLite classes). The same hasher and hash format with fewer rounds:
        // the work factor is the hasher's own business, and the command-line tests' users still get the production one.
        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>
    /// Migrates and seeds the database, adds the owner (a copy of a template has them already, see
    /// <see cref="DatabaseTemplates"/>), issues the owner a token and returns once the API can be called.
    /// </summary>
    public async Task InitializeAsync()
    {
        OwnerId = await PrepareDatabaseAsync();
        OwnerToken = await IssueTokenAsync(OwnerId, "tests");
        Client = ClientWithToken(OwnerToken);
    }

    /// <summary>Migrates and seeds the database and adds the owner unless present; returns the owner's id.</summary>
    internal async Task<long> PrepareDatabaseAsync()
    {
        await using (var scope = Services.CreateSystemScope())
        {
            await Migrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<ClienteleDb>());
            if (await scope.ServiceProvider.GetRequiredService<UserManager<Employee>>().FindByEmailAsync(OwnerEmail) is { } owner) return owner.Id;
        }
        return (await AddUserAsync(OwnerEmail, EmployeeRole.Owner, "Olga Owner")).Id;
    }

    public async Task<Employee> AddUserAsync(string email, EmployeeRole role, string name)
    {
        await using var scope = Services.CreateSystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Employee>>();
        return await UserAdmin.AddAsync(users, email, role, name, OwnerPassword, TimeProvider.System);
    }

    public async Task<string> IssueTokenAsync(long employeeId, string name)
    {
        await using var scope = Services.CreateSystemScope();
        return await ApiTokens.IssueAsync(scope.ServiceProvider.GetRequiredService<ClienteleDb>(), employeeId, name, TimeProvider.System, CancellationToken.None);
    }

    public HttpClient ClientWithToken(string? token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Runs <paramref name="read"/> on a fresh context, so nothing cached by a request can answer.</summary>
    public async Task<T> ReadAsync<T>(Func<ClienteleDb, Task<T>> read)
    {
        await using var scope = Services.CreateSystemScope();
        return await read(scope.ServiceProvider.GetRequiredService<ClienteleDb>());
    }
}
