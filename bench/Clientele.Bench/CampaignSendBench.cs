using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Clientele.Data;
using Clientele.Features.Campaigns;
using Clientele.Features.Clients;
using Clientele.Features.Contacts;
using Clientele.Features.Pipeline;
using Clientele.Features.Surveys;
using Clientele.Features.Privacy;
using Clientele.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Bench;

/// <summary>
/// The campaign scenario (<c>--campaign-send [--messages N] [--launch-only]</c>): N clients with one consenting contact
/// person each on a fresh SQLite base, of which 1% have an open complaint, 1% a deal lost last week, 10% their own time
/// zone and 20% a marketing message last week (the contact policy has work to do); the launch (audience, consents,
/// exclusions, caps and quiet hours, outbox rows in one transaction) timed against its anchor in the same run — the
/// same rows read and written by raw prepared SQL in one transaction, the floor any launch stands on — then
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
                // Quiet hours that hold now in Vladivostok (UTC+10), the zone of a tenth of the clients, and not in the
                // company's UTC: the launch postpones those, and the sender's run sends the others without waiting.
                var utcHour = db.UtcNow.Hour;
                db.Add(new ContactPolicy { QuietFromHour = (utcHour + 9) % 24, QuietUntilHour = (utcHour + 12) % 24 });
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
                var p = done.Value;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Launch: {p.Recipients:N0} outbox rows ({p.SendNow:N0} now, {p.Postponed:N0} postponed, {p.SkippedByCap:N0} skipped by cap; {p.Excluded:N0} excluded: " +
                    $"{string.Join(", ", p.ExcludedByReason.Select(r => $"{r.Key} {r.Value:N0}"))}) in {launch.TotalSeconds:0.00} s"));
                var anchor = Anchor(path, messages);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Anchor: raw read of {messages:N0} contacts with consents + prepared INSERT of {messages:N0} outbox-shaped rows in one transaction: {anchor.TotalSeconds:0.00} s " +
                    $"(launch = {launch / anchor:0.0} × anchor); load average: {Machine.LoadAverage()}"));
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
        // The contact policy's work: complaints, lost deals, own zones and last week's messages, spread evenly.
        var ids = await db.Clients.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        var lostStage = await db.Set<PipelineStage>().Where(s => s.Outcome == StageOutcome.Lost).Select(s => s.Id).FirstAsync();
        db.AddRange(ids.Where((_, i) => i % 100 == 7).Select(id => new SurveyAnswer { ClientId = id, Satisfaction = 3, AnsweredAt = now.AddDays(-5) }));
        db.AddRange(ids.Where((_, i) => i % 100 == 42).Select(id => new Deal
            { ClientId = id, Title = "Lost", Currency = "EUR", Value = 100, StageId = lostStage, StageEnteredAt = now.AddDays(-7), LostReason = "Price" }));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await db.Clients.Where(c => c.Id % 10 == 3).ExecuteUpdateAsync(u => u.SetProperty(c => c.TimeZone, "Asia/Vladivostok"));
        var lastWeek = await db.ContactPersons.AsNoTracking().Where(p => p.ClientId % 5 == 1).Select(p => new { p.Id, p.ClientId }).ToListAsync();
        await BulkRows.InsertAsync(db, [.. lastWeek.Select(p => new OutboxMessage
        {
            ClientId = p.ClientId, ContactPersonId = p.Id, Kind = OutboxKind.Marketing, Address = $"person{p.ClientId}@bench.example", Language = "en",
            Status = OutboxStatus.Sent, NotBefore = now.AddDays(-3), SentAt = now.AddDays(-3), CreatedAt = now.AddDays(-3),
        })], withKey: false, CancellationToken.None);
    }

    /// <summary>
    /// The floor under a launch of <paramref name="count"/>: the contact persons with their consents read by one raw
    /// query, and as many rows of the outbox's width written by a prepared INSERT in one transaction (into a scratch
    /// table, dropped after), on the same file.
    /// </summary>
    private static TimeSpan Anchor(string path, int count)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        Filler.Exec(connection, "CREATE TABLE \"BenchOutbox\" AS SELECT * FROM \"OutboxMessages\" WHERE 0;");
        var timer = Stopwatch.StartNew();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT p.\"Id\", p.\"ClientId\", p.\"Name\", p.\"Emails\", c.\"Id\" FROM \"ContactPersons\" p " +
                "LEFT JOIN \"PersonalDataConsents\" c ON c.\"ContactPersonId\" = p.\"Id\"";
            using var reader = read.ExecuteReader();
            var rows = 0;
            while (reader.Read()) rows += reader.GetString(3).Length > 0 ? 1 : 0;
        }
        using (var transaction = connection.BeginTransaction())
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO \"BenchOutbox\" (\"CampaignId\", \"ClientId\", \"ContactPersonId\", \"Kind\", \"Address\", \"Language\", \"Status\", " +
                "\"Postponed\", \"NotBefore\", \"CreatedAt\", \"Attempts\") VALUES (1, $c, $p, 0, $a, 'en', 0, 0, $t, $t, 0)";
            var (client, person, address, time) = (insert.Parameters.Add("$c", SqliteType.Integer), insert.Parameters.Add("$p", SqliteType.Integer),
                insert.Parameters.Add("$a", SqliteType.Text), insert.Parameters.Add("$t", SqliteType.Text));
            insert.Prepare();
            var at = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            for (var i = 0; i < count; i++)
            {
                (client.Value, person.Value, address.Value, time.Value) = (i + 1, i + 1, $"person{i + 1}@bench.example", at);
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        var elapsed = timer.Elapsed;
        Filler.Exec(connection, "DROP TABLE \"BenchOutbox\";");
        return elapsed;
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
