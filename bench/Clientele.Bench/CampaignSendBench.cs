using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Clientele.Data;
using Clientele.Features.Campaigns;
using Clientele.Features.Clients;
using Clientele.Features.Contacts;
using Clientele.Features.Privacy;
using Clientele.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Bench;

/// <summary>
/// The campaign scenario (<c>--campaign-send [--messages N] [--launch-only]</c>): N clients with one consenting contact
/// person each on a fresh SQLite base; the launch (audience, consents, caps, outbox rows in one transaction) timed, then
/// the sender's run to a real SMTP server on loopback (aiosmtpd's Sink handler, which takes and drops each message)
/// timed in wall seconds and in this process's CPU seconds, with the server's CPU beside it.
/// </summary>
public static class CampaignSendBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var messages = args.SkipWhile(a => a != "--messages").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(2_000);
        var launchOnly = args.Contains("--launch-only");
        var path = Path.Combine(Path.GetTempPath(), $"clientele-campaign-bench-{Environment.ProcessId}.db");
        var loadBefore = Machine.LoadAverage();
        Console.WriteLine($"Campaign bench: {messages:N0} recipients on {path}; load average before: {loadBefore} on {Environment.ProcessorCount} cores");
        var app = AppHost.Build(["--Clientele:Jobs:Schedule=off"], DatabaseTarget.Parse("sqlite:" + path));
        Process? server = null;
        try
        {
            await using (var scope = app.Services.CreateSystemScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
                await Migrator.MigrateAsync(db);
                await FillAsync(db, messages);
            }
            var port = FreePort();
            server = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Sink"])
                { UseShellExecute = false, RedirectStandardError = true })!;
            await WaitForPortAsync(port);

            TimeSpan launch;
            await using (var scope = app.Services.CreateSystemScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
                // No quiet hours: the bench runs at any hour and measures sending, not waiting for the morning.
                db.Add(new ContactPolicy { QuietFromHour = 0, QuietUntilHour = 0 });
                db.Add(new MailSettings { Host = "127.0.0.1", Port = port, Tls = MailTls.None, FromAddress = "news@bench.example", PublicUrl = "https://crm.bench.example", MessagesPerSecond = 1_000_000 });
                var campaign = new Campaign
                {
                    Name = "Bench", CreatedAt = db.UtcNow, DefaultLanguage = "en", OverCap = OverCapRule.Skip,
                    Templates = [new CampaignTemplate { Language = "en", Subject = "An offer for {{ client.name }}", Html = "<p>Dear {{ contact.name }},</p><p>{{ client.name }}: {{ last_purchase.date }}</p><a href=\"{{ unsubscribe_url }}\">unsubscribe</a>", Text = "Dear {{ contact.name }}, {{ client.name }}. Unsubscribe: {{ unsubscribe_url }}" }],
                };
                db.Add(campaign);
                await db.SaveChangesAsync();
                var timer = Stopwatch.StartNew();
                var outcome = await scope.ServiceProvider.GetRequiredService<CampaignService>().LaunchAsync(campaign.Id, CancellationToken.None);
                launch = timer.Elapsed;
                if (outcome is not CampaignOutcome<CampaignPreview>.Done done) throw new InvalidOperationException("launch refused: " + outcome);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Launch: {done.Value.Recipients:N0} outbox rows in {launch.TotalSeconds:0.00} s"));
            }
            if (launchOnly) return 0;

            await using (var scope = app.Services.CreateSystemScope())
            {
                var sender = scope.ServiceProvider.GetRequiredService<CampaignSender>();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                server.Refresh();
                var serverCpu = server.TotalProcessorTime;
                var timer = Stopwatch.StartNew();
                var summary = await sender.SendDueAsync(CancellationToken.None);
                var wall = timer.Elapsed.TotalSeconds;
                var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                server.Refresh();
                var serverUsed = (server.TotalProcessorTime - serverCpu).TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Send: {summary.Sent:N0} sent ({summary.Failed} failed, {summary.Retried} retries) in {wall:0.00} s = {summary.Sent / wall:N0} messages/s; " +
                    $"sender CPU {used:0.00} s = {summary.Sent / used:N0} messages per CPU-second; SMTP server CPU {serverUsed:0.00} s; load average after: {Machine.LoadAverage()}"));
            }
            return 0;
        }
        finally
        {
            if (server is { HasExited: false }) server.Kill();
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        }
    }

    private static async Task FillAsync(ClienteleDb db, int count)
    {
        var now = db.UtcNow;
        db.BulkLoad = true;
        for (var start = 0; start < count; start += 5_000)
        {
            var clients = Enumerable.Range(start, Math.Min(5_000, count - start)).Select(i => new Client { Name = $"Bench client {i}" }).ToList();
            db.AddRange(clients);
            await db.SaveChangesAsync();
            var people = clients.Select(c => new ContactPerson { ClientId = c.Id, Name = $"Person {c.Id}", Emails = [$"person{c.Id}@bench.example"] }).ToList();
            db.AddRange(people);
            await db.SaveChangesAsync();
            db.AddRange(people.Select(p => new PersonalDataConsent
            {
                ClientId = p.ClientId, ContactPersonId = p.Id, Channel = ContactChannel.Email, Purpose = ConsentPurpose.Marketing,
                Source = ConsentSource.WebForm, Text = "Offers by e-mail.", GrantedAt = now, RecordedAt = now,
            }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException("aiosmtpd did not start (apt-get install python3-aiosmtpd)");
    }
}
