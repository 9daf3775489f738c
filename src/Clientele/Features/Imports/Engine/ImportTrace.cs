using System.Diagnostics;
using System.Globalization;

namespace Clientele.Features.Imports.Engine;

/// <summary>
/// How long each step of an import took, on stderr when CLIENTELE_IMPORT_TRACE is set: the figures the benchmark notes
/// quote per statement. Costs nothing when unset.
/// </summary>
public static class ImportTrace
{
    private static readonly bool On = Environment.GetEnvironmentVariable("CLIENTELE_IMPORT_TRACE") is { Length: > 0 };

    public static Step Start(string name) => new(On ? name : null);

    /// <summary>A total summed over many calls (e.g. every batch's commit).</summary>
    public static void Report(string name, TimeSpan total)
    {
        if (On) Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[trace] {name}: {total.TotalSeconds:0.000} s"));
    }

    public readonly struct Step(string? name) : IDisposable
    {
        private readonly long _started = name is null ? 0 : Stopwatch.GetTimestamp();

        public void Dispose()
        {
            if (name is null) return;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[trace] {name}: {Stopwatch.GetElapsedTime(_started).TotalSeconds:0.000} s (process CPU so far {cpu:0.0} s)"));
        }
    }
}
