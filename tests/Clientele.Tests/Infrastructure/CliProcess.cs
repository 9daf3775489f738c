using System.Diagnostics;
using Clientele.Data;

namespace Clientele.Tests.Infrastructure;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// Runs the command line as a user would and returns its exit code and output. By default through the real entry
/// point (<c>Program.Main</c>) inside the test process, with its own console (see <see cref="ConsoleRouting"/>):
/// a child <c>dotnet clientele.dll</c> costs about two seconds of CPU to start, and most tests check what a command
/// does, not the process around it. A run that sets environment variables or a working directory, or any run through
/// <see cref="RunChildAsync"/>, is a real child process: those are process-wide and must not leak into other tests.
/// </summary>
public static class CliProcess
{
    // A guard against a hung command, not a speed check: a child's start and migration took over a minute on a machine at load 80.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static Task<CliResult> RunAsync(
        IEnumerable<string> args, string? stdin = null, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        string[] arguments = [.. args];
        // A developer's own CLIENTELE_DB is in this process; only a child can run without it.
        var needsOwnProcess = workingDirectory is not null || environment is not null
            || (Environment.GetEnvironmentVariable(DatabaseTarget.EnvironmentVariable) is not null && !arguments.Contains("--db"));
        return needsOwnProcess ? RunChildAsync(arguments, stdin, workingDirectory, environment) : RunInProcessAsync(arguments, stdin);
    }

    /// <summary>Runs <c>Program.Main</c> in this process with its own console; an exception escaping it ends the run as it would end a process.</summary>
    private static async Task<CliResult> RunInProcessAsync(string[] args, string? stdin)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        ConsoleRouting.Enter(new ConsoleRouting.Streams(TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr), new StringReader(stdin ?? "")));
        int exitCode;
        try
        {
            exitCode = await Program.Main(args).WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"clientele {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds}s");
        }
        catch (Exception e)
        {
            // What the runtime does with an unhandled exception: the exception on stderr and SIGABRT's exit code.
            await Console.Error.WriteLineAsync("Unhandled exception. " + e);
            exitCode = 134;
        }
        return new CliResult(exitCode, stdout.ToString().Replace("\r", "", StringComparison.Ordinal), stderr.ToString().Replace("\r", "", StringComparison.Ordinal));
    }

    /// <summary>Runs the built <c>clientele.dll</c> as a child process: its own console, environment, exit code and standard input.</summary>
    public static async Task<CliResult> RunChildAsync(
        IEnumerable<string> args, string? stdin = null, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "clientele.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: the test project must reference src/Clientele.");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // The tests say which database; a developer's own setting must not leak in.
        info.Environment.Remove("CLIENTELE_DB");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"clientele {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds}s");
        }
        return new CliResult(process.ExitCode, (await stdout).Replace("\r", "", StringComparison.Ordinal), (await stderr).Replace("\r", "", StringComparison.Ordinal));
    }
}
