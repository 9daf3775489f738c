using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Clientele.Features.Analytics;
using Clientele.Features.Identity;
using Clientele.Features.Pipeline;
using Clientele.Infrastructure.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit.Abstractions;

namespace Clientele.Tests.Infrastructure;

/// <summary>
/// Past one server (ADR 041): two app hosts in this test process on one PostgreSQL primary, the second reading its
/// analytics from a streaming replica made by <c>pg_basebackup -R</c>. The hosts share nothing in memory that the
/// application keeps (keys, cache generation and job locks are per host or in the database), so what one learns of the
/// other comes through the database, as between two machines.
/// </summary>
public sealed partial class SeveralNodesTests(SeveralNodesTests.Cluster cluster, ITestOutputHelper output) : IClassFixture<SeveralNodesTests.Cluster>
{
    private const string Database = "nodes";

    /// <summary>Node B's clock, moved by hand, so "within its poll" is a step of the clock, not a wait.</summary>
    public sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        private long _ticks = start.UtcTicks;
        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }

    public sealed class CapturedLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void Dispose() { }

        private sealed class Logger(CapturedLog log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                log.Lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
        }
    }

    public sealed class Cluster : Xunit.IAsyncLifetime
    {
        public static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
        private ClienteleApp? _nodeBSettings;

        public PostgresServer Primary { get; private set; } = null!;
        public PostgresServer Replica { get; private set; } = null!;
        /// <summary>Reads everything from the primary.</summary>
        public ClienteleApp NodeA { get; private set; } = null!;
        /// <summary>Reads its analytics from the replica, polls the shared generation every <see cref="Poll"/> of its own clock.</summary>
        public WebApplicationFactory<Program> NodeB { get; private set; } = null!;
        // A minute ahead of A: the data-protection key A makes is already active for B, as between two machines whose
        // clocks agree; B's clock then moves only when the test moves it.
        public SteppedClock ClockB { get; } = new(DateTimeOffset.UtcNow.AddMinutes(1));
        public CapturedLog LogB { get; } = new();

        public async Task InitializeAsync()
        {
            Primary = await PostgresServer.StartAsync();
            var primary = "postgres:" + await Primary.CreateDatabaseAsync(Database);
            NodeA = new ClienteleApp(primary);
            await NodeA.InitializeAsync(); // migrates, adds the owner and a token: all of it reaches the replica's base copy
            Replica = await PostgresServer.StartReplicaOfAsync(Primary);
            _nodeBSettings = new ClienteleApp(primary);
            // The suite's pools close idle connections within 2 s; the analytics' session must stay for pg_stat_activity to show it.
            _nodeBSettings.Settings[AnalyticsSource.SettingKey] = "postgres:" + new NpgsqlConnectionStringBuilder(Replica.ConnectionStringFor(Database)) { ConnectionIdleLifetime = 300 };
            _nodeBSettings.Settings[SharedGeneration.PollSettingKey] = Poll.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            NodeB = _nodeBSettings.WithWebHostBuilder(b => b
                .ConfigureTestServices(s => s.AddSingleton<TimeProvider>(ClockB))
                .ConfigureLogging(l => l.AddProvider(LogB)));
        }

        public HttpClient Owner(WebApplicationFactory<Program> node, string token)
        {
            var client = node.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        public async Task DisposeAsync()
        {
            if (NodeB is not null) await NodeB.DisposeAsync();
            if (_nodeBSettings is not null) await _nodeBSettings.DisposeAsync();
            if (NodeA is not null) await NodeA.DisposeAsync();
            if (Replica is not null) await Replica.DisposeAsync();
            if (Primary is not null) await Primary.DisposeAsync();
        }
    }

    /// <summary>A browser without a cookie jar: the test carries the cookies from one node to the other itself.</summary>
    private static HttpClient Browser(WebApplicationFactory<Program> node)
    {
        var client = node.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        return client;
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));

    [Fact]
    public async Task A_sign_in_on_one_node_works_on_the_other_with_keys_from_the_database()
    {
        // The sign-in form served by A, posted to B: B accepts A's antiforgery cookie and token.
        var form = await Browser(cluster.NodeA).GetAsync("/login");
        var antiforgery = Cookie(form, AuthSetup.AntiforgeryCookieName);
        var token = WebUtility.HtmlDecode(TokenPattern().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value);
        var toB = Browser(cluster.NodeB);
        toB.DefaultRequestHeaders.Add("Cookie", antiforgery);
        var signedInOnB = await toB.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = ClienteleApp.OwnerEmail, ["password"] = ClienteleApp.OwnerPassword, ["returnUrl"] = "/clients", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedInOnB.StatusCode);
        Assert.Equal("/clients", signedInOnB.Headers.Location?.OriginalString);

        // Signed in on A, working on B with the same cookie: a read and a write.
        var signIn = await Browser(cluster.NodeA).PostAsJsonAsync("/api/v1/account/sign-in", new { email = ClienteleApp.OwnerEmail, password = ClienteleApp.OwnerPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var session = Cookie(signIn, AuthSetup.CookieName);
        var onB = Browser(cluster.NodeB);
        onB.DefaultRequestHeaders.Add("Cookie", session);
        var sessions = await ApiTest.JsonAsync(await onB.GetAsync("/api/v1/account/sessions"));
        Assert.Contains(sessions.EnumerateArray(), s => s.GetProperty("current").GetBoolean());
        await ApiTest.CreateClientAsync(onB, ApiTest.Unique("Made on B "));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Browser(cluster.NodeB).GetAsync("/api/v1/account/sessions")).StatusCode);

        // The cookie names its key; that key is a row of the database, not a file of either host.
        var payload = WebEncoders.Base64UrlDecode(session[(session.IndexOf('=') + 1)..]);
        var keyId = new Guid(payload.AsSpan(4, 16));
        var ring = await cluster.NodeA.ReadAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.Contains(ring, xml => xml.Contains($"id=\"{keyId}\"", StringComparison.Ordinal));

        // A public page's time-to-fill stamp made on A is read on B, and only for its own record.
        var servedAt = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);
        var stamp = PublicStamp.Of(cluster.NodeA.Services, "nodes-test", 42, servedAt);
        Assert.Equal(servedAt, PublicStamp.ServedAt(cluster.NodeB.Services, "nodes-test", stamp, 42));
        Assert.Null(PublicStamp.ServedAt(cluster.NodeB.Services, "nodes-test", stamp, 43));
    }

    [Fact]
    public async Task A_nightly_job_started_on_both_nodes_runs_once()
    {
        string[] jobs = ["audit-retention", "privacy-retention", "follow-up-rules"];
        var runners = new[] { cluster.NodeA.Services, cluster.NodeB.Services }.Select(s => s.GetRequiredService<JobRunner>()).ToArray();

        // While another session holds a job's advisory lock (a node elsewhere running it), neither node starts it.
        await using (var elsewhere = new NpgsqlConnection(cluster.Primary.ConnectionStringFor(Database)))
        {
            await elsewhere.OpenAsync();
            await using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({JobLocks.Key(jobs[0])})", elsewhere);
            await take.ExecuteScalarAsync();
            foreach (var runner in runners) Assert.Null(await runner.RunAsync(jobs[0], JobTrigger.OnDemand, null, CancellationToken.None));
            // A pooled connection would keep the session's lock until its reuse.
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({JobLocks.Key(jobs[0])})", elsewhere);
            await release.ExecuteScalarAsync();
        }

        // The scheduler's call, at the same moment on both nodes, for every job: each runs once, on one of them.
        var since = DateTime.UtcNow.AddMinutes(-1);
        var runs = await Task.WhenAll(jobs.SelectMany(job => runners.Select(runner =>
            runner.RunAsync(job, JobTrigger.Schedule, last => JobScheduler.IsDue(last?.StartedAt, DateTime.UtcNow, 0), CancellationToken.None))));
        foreach (var job in jobs)
        {
            var ran = runs.Where(r => r?.Name == job).ToList();
            Assert.Single(ran);
            Assert.Equal(JobStatus.Succeeded, ran[0]!.Status);
        }
        var rows = await cluster.NodeA.ReadAsync(db => db.Set<JobRun>().Where(r => r.StartedAt >= since).Select(r => r.Name).ToListAsync());
        Assert.Equal(jobs.Order(), rows.Order());
    }

    [Fact]
    public async Task A_write_on_one_node_reaches_the_others_dashboard_within_its_poll_read_from_the_replica()
    {
        var onA = cluster.Owner(cluster.NodeA, cluster.NodeA.OwnerToken);
        var onB = cluster.Owner(cluster.NodeB, cluster.NodeA.OwnerToken);
        async Task<int> ClientsAsync(HttpClient node) =>
            (await ApiTest.JsonAsync(await node.GetAsync("/api/v1/analytics/summary"))).GetProperty("clients").GetInt32();
        Task<long?> GenerationAsync(PostgresServer server) => server.QueryAsync<long?>(Database, AnalyticsGeneration.Read);
        async Task<TimeSpan> ReplicaCatchesUpAsync()
        {
            var wanted = await GenerationAsync(cluster.Primary);
            var waited = Stopwatch.StartNew();
            while (await GenerationAsync(cluster.Replica) != wanted)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(15), "the replica did not catch up within 15 s");
                await Task.Delay(5);
            }
            return waited.Elapsed;
        }

        await ReplicaCatchesUpAsync();
        var before = await ClientsAsync(onB);
        Assert.Equal(before, await ClientsAsync(onA));

        // The replica stops replaying: the primary moves on, the replica shows the base as it was.
        await cluster.Replica.QueryAsync<object>(Database, "SELECT pg_wal_replay_pause()");
        await ApiTest.CreateClientAsync(onA, ApiTest.Unique("Written on A "));
        Assert.Equal(before + 1, await ClientsAsync(onA)); // a node's own write: at once
        Assert.Equal(before, await ClientsAsync(onB)); // B's report is kept until its next look at the generation
        cluster.ClockB.Advance(Cluster.Poll);
        // B now knows the report is stale, and reads the base again, from the replica, which has not replayed the write.
        Assert.Equal(before, await ClientsAsync(onB));
        Assert.Equal(before + 1, await cluster.Primary.QueryAsync<long>(Database, "SELECT count(*) FROM \"Clients\""));

        await cluster.Replica.QueryAsync<object>(Database, "SELECT pg_wal_replay_resume()");
        await ReplicaCatchesUpAsync();
        Assert.Equal(before + 1, await ClientsAsync(onB));

        // With replay running: the lag between A's commit and the replica's having it, then B's look.
        await ApiTest.CreateClientAsync(onA, ApiTest.Unique("Written on A "));
        var lag = await ReplicaCatchesUpAsync();
        output.WriteLine($"replica lag after a write on A: {lag.TotalMilliseconds:F0} ms");
        cluster.ClockB.Advance(Cluster.Poll);
        Assert.Equal(before + 2, await ClientsAsync(onB));
        // The analytics' own sessions, by their name, on the replica.
        Assert.True(await cluster.Replica.QueryAsync<long>("postgres",
            $"SELECT count(*) FROM pg_stat_activity WHERE application_name = 'clientele-analytics' AND datname = '{Database}'") > 0);

        // The replica gone: B's next report comes from the primary, with a warning.
        await cluster.Replica.StopAsync();
        await ApiTest.CreateClientAsync(onA, ApiTest.Unique("Written on A "));
        cluster.ClockB.Advance(Cluster.Poll);
        Assert.Equal(before + 3, await ClientsAsync(onB));
        Assert.Contains(cluster.LogB.Lines, line => line.StartsWith("Warning: The analytics replica", StringComparison.Ordinal));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
