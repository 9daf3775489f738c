using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Clientele.Infrastructure.Cli;

/// <summary>
/// Runs an import of a large file again in a child process of the same program with the runtime's tiered compilation
/// off (ADR 046). Tiered compilation suits the web server, which runs for days: code starts quick and cheap and the
/// hot part is compiled again, optimised with what it was seen doing. An import of tens of thousands of rows is over
/// before that pays: the CDNOW-sized purchase import spent a quarter to a third of its CPU compiling code twice (15.3 CPU-s
/// with the defaults, 11.3 with every method compiled optimised once; the precompiled program 13.8 and 8.9). The setting is
/// read by the runtime when the process starts and is one per executable, and the server and the command line are
/// one executable, so the command line gets it by starting itself again; the server keeps the defaults.
/// </summary>
internal static class OptimizedRelaunch
{
    /// <summary>The runtime's own switch; set already (to anything), the command runs here as it is.</summary>
    internal const string TieredCompilation = "DOTNET_TieredCompilation";

    /// <summary>
    /// From this size on the relaunch pays: once-optimised compilation costs about one CPU-second more at the start,
    /// and saves about 0.07 ms a row (a purchase row of the CDNOW shape is about 41 bytes: break-even near 0.6 MB).
    /// </summary>
    internal const long LargeFileBytes = 1_000_000;

    /// <summary>Whether the parsed command is an import of a file of at least <see cref="LargeFileBytes"/>, in a process not already told how to compile.</summary>
    public static bool Worthwhile(ParseResult parsed)
    {
        if (Environment.GetEnvironmentVariable(TieredCompilation) is not null || Environment.ProcessPath is null) return false;
        var command = parsed.CommandResult.Command;
        if (command.Parents.OfType<Command>().FirstOrDefault()?.Name != "import") return false;
        return command.Arguments.OfType<Argument<FileInfo>>().FirstOrDefault() is { } argument
            && parsed.GetValue(argument) is { Exists: true, Length: >= LargeFileBytes };
    }

    /// <summary>Runs the same command line in a child with tiered compilation off, sharing this console; its exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var program = Environment.ProcessPath!;
        var info = new ProcessStartInfo(program) { UseShellExecute = false };
        // "dotnet clientele.dll": the host runs the assembly again; the published program is itself the host.
        // (Assembly.Location is empty in the single-file program, and the publish refuses to build on it: IL3000.)
        if (Path.GetFileNameWithoutExtension(program) == "dotnet")
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, typeof(OptimizedRelaunch).Assembly.GetName().Name + ".dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment[TieredCompilation] = "0";
        using var child = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        // Ctrl+C and Ctrl+\ reach the whole console (both processes): the child stops the import as it would have here,
        // and this process waits for its answer. A SIGTERM names this process alone (kill PID): it is handed on.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, context => context.Cancel = true);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            if (!OperatingSystem.IsWindows() && !child.HasExited)
                Process.Start(new ProcessStartInfo("kill", ["-TERM", child.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })?.Dispose();
        });
        await child.WaitForExitAsync();
        return child.ExitCode;
    }
}
