using Clientele.Features.Company;
using Clientele.Features.Users;
using Clientele.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace Clientele.Infrastructure.Cli;

/// <summary>The services a command needs without a web server: the database and user management.</summary>
public sealed class CommandServices : IAsyncDisposable
{
    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;

    private CommandServices(ServiceProvider root)
    {
        _root = root;
        _scope = root.CreateAsyncScope();
    }

    public IServiceProvider Services => _scope.ServiceProvider;
    public ClienteleDb Db => Services.GetRequiredService<ClienteleDb>();
    public UserManager<Employee> Users => Services.GetRequiredService<UserManager<Employee>>();

    public static CommandServices Open(DatabaseTarget target)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => { if (Environment.GetEnvironmentVariable("CLIENTELE_LOG") is { } level) b.AddSimpleConsole().SetMinimumLevel(Enum.Parse<LogLevel>(level, true)); });
        services.AddSingleton(TimeProvider.System);
        services.AddClienteleDb(target);
        services.AddScoped<CompanySettingsReader>();
        services.AddIdentityCore<Employee>(AuthSetup.IdentityRules)
            .AddEntityFrameworkStores<ClienteleDb>()
            .AddClaimsPrincipalFactory<EmployeeClaimsFactory>();
        return new CommandServices(services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
    }
}
