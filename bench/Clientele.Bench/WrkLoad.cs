using System.Diagnostics;
using System.Globalization;

namespace Clientele.Bench;

/// <summary>
/// The external load generator of <c>--reads</c>: Debian's <c>wrk</c> (C, epoll), run as a process apart from the app so
/// that the generator's own CPU is not charged to the process measured. Closed loop on <c>connections</c> keep-alive
/// connections, as <see cref="HttpLoad"/> is; a Lua script draws the client id of each request and prints the counts and
/// percentiles in one machine-readable line.
/// </summary>
public sealed class WrkLoad(Uri baseAddress, string token, int connections) : IDisposable
{
    /// <summary>
    /// The script builds each request's path from the template (its third argument): <c>{id}</c> is replaced per request
    /// by a random id in 1..max. wrk's own timeout (2 s by default) would
    /// count a slow answer as an error although the app still serves and audits it, so it is raised far above any p99.
    /// </summary>
    private const string Script =
        """
        local max, template = 1, "/"
        function init(args)
          max, template = tonumber(args[1]), args[3]
          math.randomseed(tonumber(args[2]) + (tonumber(tostring({}):sub(8), 16) or 0) % 100000)
        end
        function request()
          local path = template:gsub("{id}", tostring(math.random(1, max)))
          return wrk.format(nil, path)
        end
        function done(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("RESULT %d %d %d %d %.1f %.1f %.1f\n", summary.requests, summary.duration,
            e.status, e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(99), latency.max))
        end
        """;

    private readonly string _scriptPath = WriteScript();

    public static bool Available() => FindWrk() is not null;

    public int Connections => connections;

    /// <summary>Runs wrk against <paramref name="path"/> (with <c>{id}</c> drawn from 1..<paramref name="maxId"/>) for the duration.</summary>
    public async Task<(LoadResult Result, TimeSpan GeneratorCpu)> RunAsync(string name, string path, int maxId, TimeSpan duration, int seed)
    {
        var threads = Math.Max(1, Math.Min(Environment.ProcessorCount, connections));
        // Through a shell whose `times` reports its child's CPU afterwards: a process that has exited cannot be asked.
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     "-c", "\"$0\" \"$@\"; times >&2", FindWrk()!,
                     "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-d", ((int)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s", "--timeout", "60s",
                     "-H", "Authorization: Bearer " + token, "-s", _scriptPath, baseAddress.ToString(),
                     "--", maxId.ToString(CultureInfo.InvariantCulture), seed.ToString(CultureInfo.InvariantCulture), path,
                 })
            start.ArgumentList.Add(a);
        using var wrk = Process.Start(start)!;
        var stdout = wrk.StandardOutput.ReadToEndAsync();
        var stderr = wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var output = await stdout;
        var cpu = ChildCpu(await stderr);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk gave no result (exit {wrk.ExitCode}): {output} {await stderr}");
        var f = line.Split(' ');
        long Long(int i) => long.Parse(f[i], CultureInfo.InvariantCulture);
        double Ms(int i) => double.Parse(f[i], CultureInfo.InvariantCulture) / 1000;
        var (requests, micros, non2xx, socketErrors) = (Long(1), Long(2), Long(3), Long(4));
        // wrk's percentiles are over every answer; the bench counts non-2xx apart and the runs here have none.
        var latency = new Summary((int)Math.Min(int.MaxValue, requests), Ms(5), double.NaN, Ms(6), double.NaN, Ms(7));
        return (new LoadResult(name, connections, micros / 1e6, requests - non2xx, non2xx + socketErrors, latency), cpu);
    }

    /// <summary>The second line of <c>times</c>: the children's user and system time, as "0m1.234s 0m0.567s".</summary>
    private static TimeSpan ChildCpu(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2) return TimeSpan.Zero;
        return lines[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Aggregate(TimeSpan.Zero, (sum, t) =>
        {
            var m = t.TrimEnd('s').Split('m');
            return m.Length == 2 ? sum + TimeSpan.FromMinutes(double.Parse(m[0], CultureInfo.InvariantCulture)) + TimeSpan.FromSeconds(double.Parse(m[1], CultureInfo.InvariantCulture)) : sum;
        });
    }

    private static string WriteScript()
    {
        var path = Path.Combine(Path.GetTempPath(), $"clientele-wrk-{Environment.ProcessId}.lua");
        File.WriteAllText(path, Script);
        return path;
    }

    private static string? FindWrk() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "wrk")).FirstOrDefault(File.Exists);

    public void Dispose() => File.Delete(_scriptPath);
}
