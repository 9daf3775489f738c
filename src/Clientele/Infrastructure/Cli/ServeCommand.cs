using System.CommandLine;
using Clientele.Features.Demo;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Serving;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Infrastructure.Cli;

public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls")
        {
            Description = $"Addresses to listen on, separated by ';' (default {ServingSettings.DefaultUrls}; with --https {ServingSettings.DefaultHttpsUrls}). Plain http:// only on 127.0.0.1 unless --behind-proxy.",
        };
        var demo = new Option<bool>("--demo") { Description = "Fill an empty database with a realistic demo base and print an owner login." };
        var seed = new Option<int>("--seed") { Description = "Seed of the demo data (same seed, same base).", DefaultValueFactory = _ => DemoData.DefaultSeed };
        var https = new Option<bool>("--https") { Description = $"Serve HTTPS: with --certificate, or a self-signed certificate made on first start beside the database (setting {ServingSettings.HttpsSetting})." };
        var certificate = new Option<string?>("--certificate") { Description = $"Your certificate: a PEM file (key in it or in --certificate-key) or a PFX file; its password in Clientele__CertificatePassword (setting {ServingSettings.CertificateSetting})." };
        var certificateKey = new Option<string?>("--certificate-key") { Description = $"The PEM private key of --certificate (setting {ServingSettings.CertificateKeySetting})." };
        var behindProxy = new Option<bool>("--behind-proxy") { Description = $"A proxy on this computer serves HTTPS in front: believe its X-Forwarded-For/-Proto/-Host (setting {ServingSettings.BehindProxySetting})." };
        var trustedProxies = new Option<string?>("--trusted-proxies") { Description = $"Addresses or networks (CIDR) of proxies on other computers whose X-Forwarded-* headers are believed, comma-separated; implies --behind-proxy (setting {ServingSettings.TrustedProxiesSetting})." };
        var analyticsDb = new Option<string?>("--analytics-db") { Description = $"A PostgreSQL streaming replica for the heavy analytics reads, postgres:CONNECTION-STRING; everything else stays on --db, and an unreachable replica falls back to it (setting {Features.Analytics.AnalyticsSource.SettingKey}, environment {Features.Analytics.AnalyticsSource.EnvironmentVariable})." };
        var command = new Command("serve", "Run the web application.") { urls, demo, seed, https, certificate, certificateKey, behindProxy, trustedProxies, analyticsDb };
        command.SetAction(async (result, ct) =>
        {
            var target = CommandLine.ResolveDb(result);
            // The options become the settings they name, so the environment and settings files can say the same.
            var settings = new List<string>();
            if (result.GetValue(https)) settings.Add($"--{ServingSettings.HttpsSetting}=true");
            if (result.GetValue(certificate) is { } certificateFile) settings.Add($"--{ServingSettings.CertificateSetting}={certificateFile}");
            if (result.GetValue(certificateKey) is { } keyFile) settings.Add($"--{ServingSettings.CertificateKeySetting}={keyFile}");
            if (result.GetValue(behindProxy)) settings.Add($"--{ServingSettings.BehindProxySetting}=true");
            if (result.GetValue(trustedProxies) is { } proxies) settings.Add($"--{ServingSettings.TrustedProxiesSetting}={proxies}");
            if (result.GetValue(analyticsDb) is { } replica) settings.Add($"--{Features.Analytics.AnalyticsSource.SettingKey}={replica}");
            WebApplication app;
            try
            {
                app = AppHost.Build([.. settings], target, result.GetValue(urls));
            }
            catch (FormatException e)
            {
                throw new CliException(e.Message);
            }
            bool hasUsers;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
                await Migrator.MigrateAsync(db, ct);
                if (result.GetValue(demo))
                    await DemoCommand.FillForServeAsync(scope.ServiceProvider, result.GetValue(seed), ct);
                hasUsers = await db.Set<Employee>().AnyAsync(ct);
            }
            await app.StartAsync(ct);
            StartReport.Print(Console.Out, app.Services, target, hasUsers);
            var text = app.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<ServingText>>();
            app.Lifetime.ApplicationStopping.Register(() => Console.WriteLine(text["Clientele is stopping: requests in flight are finished first."]));
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
