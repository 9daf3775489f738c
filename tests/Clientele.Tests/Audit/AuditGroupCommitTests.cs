using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Clientele.Features.Audit;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Audit;

/// <summary>
/// Views are audited by one writer that commits whatever has queued (group commit): every answered view has exactly
/// its one entry, the chain stays whole under load, and a process killed with a batch half written loses only
/// entries whose requests were never answered.
/// </summary>
public abstract class AuditGroupCommitTests(AppFixture fixture) : ApiTest(fixture)
{
    private Task<List<long>> ViewedAsync(IReadOnlyCollection<long> clients) =>
        App.ReadAsync(db => db.Set<AuditEntryClient>().AsNoTracking()
            .Where(c => c.Action == AuditAction.ClientViewed && clients.Contains(c.ClientId))
            .Select(c => c.ClientId).ToListAsync());

    /// <summary>What <c>clientele audit verify</c> runs, on a fresh context.</summary>
    private static async Task AssertChainWholeAsync(ClienteleApp app)
    {
        var report = await app.ReadAsync(db => AuditVerifier.VerifyAsync(db, CancellationToken.None));
        Assert.True(report.Ok, $"{report.Break} at {report.BrokenId}: {report.Reason}");
    }

    [Fact]
    public async Task Parallel_views_each_get_exactly_one_entry_and_the_chain_verifies()
    {
        var clients = await AuditKit.AddClientsAsync(App, 300, null, Unique("Parallel"));
        var answered = new ConcurrentBag<long>();
        await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (client, ct) =>
        {
            var response = await Http.GetAsync($"/api/v1/clients/{client}", ct);
            if (response.IsSuccessStatusCode) answered.Add(client);
        });

        Assert.Equal(clients.Order(), answered.Order());
        Assert.Equal(clients.Order(), (await ViewedAsync(clients)).Order());
        await AssertChainWholeAsync(App);
    }

    [Fact]
    public async Task A_server_killed_with_a_batch_uncommitted_keeps_an_entry_for_every_answered_view_and_a_whole_chain()
    {
        const int committedBatches = 5;
        var clients = await AuditKit.AddClientsAsync(App, committedBatches + 200, null, Unique("Killed"));
        await using var server = await ServeProcess.StartAsync(App.DbSetting, committedBatches);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", App.OwnerToken);

        // One view at a time: each is a batch of its own, committed and answered.
        var answered = new ConcurrentBag<long>();
        foreach (var client in clients.Take(committedBatches))
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/v1/clients/{client}")).StatusCode);
            answered.Add(client);
        }
        // Then a load: the next batch is chained but held uncommitted, everything behind it waits, and the server dies.
        var load = Parallel.ForEachAsync(clients.Skip(committedBatches), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (client, ct) =>
        {
            try
            {
                if ((await http.GetAsync($"/api/v1/clients/{client}", ct)).IsSuccessStatusCode) answered.Add(client);
            }
            catch (HttpRequestException)
            {
                // The connection died with the server: not an answer.
            }
        });
        await server.HoldingBatch;
        server.Kill();
        await load;

        Assert.Equal(answered.Order(), (await ViewedAsync(clients)).Order());
        await AssertChainWholeAsync(App);
        // The chain goes on from the last committed entry.
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync($"/api/v1/clients/{clients[^1]}")).StatusCode);
        await AssertChainWholeAsync(App);
    }

    /// <summary><c>clientele serve</c> as its own process, with the writer's hold hook set.</summary>
    private sealed class ServeProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<string> _output = new();

        private ServeProcess(Process process, Uri baseAddress)
        {
            _process = process;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }
        public Task HoldingBatch => _holding.Task;

        public static async Task<ServeProcess> StartAsync(string db, int holdAfterBatches)
        {
            var url = $"http://127.0.0.1:{FreePort()}";
            var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.GetTempPath(),
            };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "clientele.dll"), "serve", "--db", db, "--urls", url }) info.ArgumentList.Add(arg);
            info.Environment.Remove("CLIENTELE_DB");
            info.Environment[AuditGroupCommit.HoldAfterBatchVariable] = holdAfterBatches.ToString(System.Globalization.CultureInfo.InvariantCulture);
            info.Environment["Clientele__Jobs__Schedule"] = "off";
            var serve = new ServeProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet"), new Uri(url));
            serve._process.OutputDataReceived += (_, e) => serve.Saw(e.Data);
            serve._process.ErrorDataReceived += (_, e) => serve.Saw(e.Data);
            serve._process.BeginOutputReadLine();
            serve._process.BeginErrorReadLine();
            var exited = serve._process.WaitForExitAsync();
            if (await Task.WhenAny(serve._listening.Task, exited) == exited)
                throw new InvalidOperationException("clientele serve stopped before listening:\n" + string.Join('\n', serve._output));
            return serve;
        }

        private void Saw(string? line)
        {
            if (line is null) return;
            _output.Enqueue(line);
            // serve's start report lists the address once it listens (in the user's language; the address is the same in all).
            if (line.Trim() == BaseAddress.GetLeftPart(UriPartial.Authority)) _listening.TrySetResult();
            if (line.Contains(AuditGroupCommit.HoldingLine, StringComparison.Ordinal)) _holding.TrySetResult();
        }

        /// <summary>SIGKILL: no shutdown, no flush, as a power cut to the process.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public ValueTask DisposeAsync()
        {
            if (!_process.HasExited) Kill();
            _process.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

public sealed class AuditGroupCommitTestsOnSqlite(SqliteApp fixture) : AuditGroupCommitTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-5")]
public sealed class AuditGroupCommitTestsOnPostgres(PostgresApp fixture) : AuditGroupCommitTests(fixture), IClassFixture<PostgresApp>;
