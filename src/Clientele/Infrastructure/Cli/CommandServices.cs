using Clientele.Features.Identity;
using Microsoft.AspNetCore.Identity;

namespace Clientele.Infrastructure.Cli;

/// <summary>
/// A command's services: the application's own (<see cref="ClienteleServices.AddClientele"/>, the same the web host
/// starts from) in a host that is built but never started, so no schedule or import runner wakes up in a command.
/// One per command run: nothing here is shared with another run in the same process.
/// </summary>
public sealed class CommandServices : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly AsyncServiceScope _scope;
    private ClienteleDb? _db;

    private CommandServices(IHost host)
    {
        _host = host;
        _scope = host.Services.CreateAsyncScope();
    }

    /// <summary>The command's service scope (Identity, the audit log, the job runner, ...).</summary>
    public IServiceProvider Services => _scope.ServiceProvider;

    /// <summary>
    /// The command's own context in the system scope: a command acts for the operator of the machine, who sees
    /// everything (<see cref="SystemDbFactory"/>). Made on first use and disposed with the command.
    /// </summary>
    public ClienteleDb Db => _db ??= Services.GetRequiredService<SystemDbFactory>().CreateDbContext();

    public UserManager<Employee> Users => Services.GetRequiredService<UserManager<Employee>>();

    public TimeProvider Clock => Services.GetRequiredService<TimeProvider>();

    public static CommandServices Open(DatabaseTarget target)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = typeof(CommandServices).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // The settings a command reads the way the web host does (e.g. Clientele__Jobs__Schedule); no console logging unless asked.
        builder.Configuration.AddEnvironmentVariables();
        if (Environment.GetEnvironmentVariable("CLIENTELE_LOG") is { } level)
            builder.Logging.AddSimpleConsole().SetMinimumLevel(Enum.Parse<LogLevel>(level, true));
        builder.Services.AddClientele(target);
        return new CommandServices(builder.Build());
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null) await _db.DisposeAsync();
        await _scope.DisposeAsync();
        if (_host is IAsyncDisposable host) await host.DisposeAsync();
        else _host.Dispose();
    }
}
