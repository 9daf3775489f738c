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
        if (!On) return;
        using var process = Process.GetCurrentProcess();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[trace] {name}: {total.TotalSeconds:0.000} s (peak RSS so far {process.PeakWorkingSet64 / 1e6:0} MB, managed {GC.GetTotalMemory(false) / 1e6:0} MB)"));
    }

    public readonly struct Step(string? name) : IDisposable
    {
        private readonly long _started = name is null ? 0 : Stopwatch.GetTimestamp();

        public void Dispose()
        {
            if (name is null) return;
            using var process = Process.GetCurrentProcess();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[trace] {name}: {Stopwatch.GetElapsedTime(_started).TotalSeconds:0.000} s (process so far: CPU {process.TotalProcessorTime.TotalSeconds:0.0} s, " +
                $"RSS {process.WorkingSet64 / 1e6:0} MB, peak {process.PeakWorkingSet64 / 1e6:0} MB, managed {GC.GetTotalMemory(false) / 1e6:0} MB)"));
        }
    }
}
