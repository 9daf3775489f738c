using System.Net;
using System.Net.Sockets;
using Clientele.Data;
using Clientele.Features.Identity;
using Clientele.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
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
    /// <summary>The app's own folder: its database and, with HTTPS, the certificate made beside it.</summary>
    public string Folder => _directory;
    public IServiceProvider Services => _app.Services;

    public static Task<RunningApp> StartAsync() => StartAsync("http://127.0.0.1:{port}");

    /// <param name="urlPattern">Where to listen, "{port}" standing for a free port (e.g. "https://192.0.2.2:{port}").</param>
    /// <param name="settings">More settings, as "--Key=value" (e.g. "--Clientele:Https=true").</param>
    public static async Task<RunningApp> StartAsync(string urlPattern, params string[] settings)
    {
        var directory = Directory.CreateTempSubdirectory("clientele-browser-").FullName;
        var file = Path.Combine(directory, "clientele.db");
        File.Copy(await Template.Value, file);
        var url = urlPattern.Replace("{port}", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var app = Build(file, url, settings);
        // The copy is migrated already; the migrator is run anyway, as `serve` runs it, and finds nothing to do.
        await using (var scope = app.Services.CreateSystemScope())
            await Migrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<ClienteleDb>());
        await app.StartAsync();
        return new RunningApp(app, directory, url);
    }

    // Migrating a new SQLite file takes seconds on a loaded machine; the run migrates one file with the owner in it and
    // every app starts on a copy (the same schema and owner each test got before).
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    private static async Task<string> CreateTemplateAsync()
    {
        var directory = Directory.CreateTempSubdirectory("clientele-browser-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(directory, recursive: true); } catch (IOException) { } };
        var file = Path.Combine(directory, "template.db");
        await using (var app = Build(file, "http://127.0.0.1:0"))
        {
            await using var scope = app.Services.CreateSystemScope();
            await Migrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<ClienteleDb>());
            await UserAdmin.AddAsync(scope.ServiceProvider.GetRequiredService<UserManager<Employee>>(), OwnerEmail,
                EmployeeRole.Owner, "Olga Owner", OwnerPassword, TimeProvider.System);
        }
        // The copy must be one self-contained file: fold the WAL in and let no pooled connection keep it open.
        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection("Data Source=" + file))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        return file;
    }

    private static WebApplication Build(string file, string url, params string[] settings) =>
        AppHost.Build(["--" + Clientele.Infrastructure.Jobs.JobsSetup.ScheduleSettingKey + "=off", "--" + Clientele.Features.Analytics.AnalyticsRecompute.SettingKey + "=off", .. settings], DatabaseTarget.Parse("sqlite:" + file), url);

    public static int FreePort()
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
