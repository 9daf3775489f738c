using System.Diagnostics;
using System.Net;

namespace Clientele.Bench;

/// <summary>What one endpoint did under load: answers per second, latency of the 2xx answers, and the rest counted apart.</summary>
public sealed record LoadResult(string Name, int Connections, double Seconds, long Ok, long Failed, Summary? Latency)
{
    public double PerSecond => Ok / Seconds;
}

/// <summary>
/// A closed-loop HTTP load generator (as wrk and autocannon are): <c>connections</c> workers, each on its own
/// keep-alive connection, send the next request as soon as the previous answer is read, for a fixed time.
/// </summary>
public sealed class HttpLoad : IDisposable
{
    private readonly HttpClient _http;

    public HttpLoad(Uri baseAddress, string token, int connections)
    {
        Connections = connections;
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
    }

    public int Connections { get; }

    /// <param name="path">The path of a worker's next request, from the worker's own random source.</param>
    public async Task<LoadResult> RunAsync(string name, Func<Random, string> path, TimeSpan duration, int seed, Action<string, HttpStatusCode>? answered = null)
    {
        var samples = new List<double>[Connections];
        long ok = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Connections).Select(w => Task.Run(async () =>
        {
            var random = new Random(seed * 1_000 + w);
            var mine = samples[w] = new List<double>(1 << 16);
            while (clock.Elapsed < duration)
            {
                var next = path(random);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await _http.GetAsync(next, HttpCompletionOption.ResponseContentRead);
                    var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (response.IsSuccessStatusCode)
                    {
                        mine.Add(ms);
                        Interlocked.Increment(ref ok);
                    }
                    else Interlocked.Increment(ref failed);
                    answered?.Invoke(next, response.StatusCode);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        return new LoadResult(name, Connections, seconds, ok, failed, Summary.Of(samples.SelectMany(s => s).ToList()));
    }

    public void Dispose() => _http.Dispose();
}
