using System.Net;
using System.Net.Sockets;
using Clientele.Data;
using Clientele.Features.Users;
using Clientele.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.BrowserTests;

/// <summary>The real application on a loopback port with its own SQLite file, as a user would run it.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    public const string OwnerEmail = "owner@browser.test";
    public const string OwnerPassword = "correct horse battery staple";

    private readonly WebApplication _app;
    private readonly string _directory;

    private RunningApp(WebApplication app, string directory, string baseUrl)
    {
        _app = app;
        _directory = directory;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<RunningApp> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("clientele-browser-").FullName;
        var target = DatabaseTarget.Parse("sqlite:" + Path.Combine(directory, "clientele.db"));
        var url = $"http://127.0.0.1:{FreePort()}";
        var app = AppHost.Build(["--" + Clientele.Infrastructure.Jobs.JobsSetup.ScheduleSettingKey + "=off"], target, url);
        await using (var scope = app.Services.CreateSystemScope())
        {
            await Migrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<ClienteleDb>());
            await UserAdmin.AddAsync(scope.ServiceProvider.GetRequiredService<UserManager<Employee>>(), OwnerEmail,
                EmployeeRole.Owner, "Olga Owner", OwnerPassword, TimeProvider.System);
        }
        await app.StartAsync();
        return new RunningApp(app, directory, url);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
