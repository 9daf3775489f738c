using System.CommandLine;
using System.Globalization;
using Clientele.Features.Demo;
using Clientele.Features.Identity;

namespace Clientele.Infrastructure.Cli;

/// <summary>The executable's commands; each feature contributes its own.</summary>
public static class CommandLine
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "Database: sqlite:PATH or postgres:CONNECTION-STRING (default: $CLIENTELE_DB, else sqlite:clientele.db).",
        Recursive = true,
    };

    /// <summary>The language of what a command prints; without it, the system's (LANG), English where that is none of ru, de, en.</summary>
    public static readonly Option<string?> Culture = new("--culture")
    {
        Description = "Language of the output: ru, de or en (default: the system's).",
        Recursive = true,
    };

    /// <param name="entryPoint">Run as the program itself (<see cref="Program.Main"/>), not inside a test's process: a large import may start the program again (<see cref="OptimizedRelaunch"/>).</param>
    public static async Task<int> Run(string[] args, bool entryPoint = false)
    {
        var root = new RootCommand("Clientele: the client base that tells you which clients bring profit.");
        root.Options.Add(Db);
        root.Options.Add(Culture);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DbCommands.Create());
        root.Subcommands.Add(UsersCommands.Create());
        root.Subcommands.Add(TokensCommands.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(Features.Analytics.AnalyzeCommand.Create());
        root.Subcommands.Add(Features.Lifetime.ClvCommand.Create());
        root.Subcommands.Add(Jobs.JobsCommand.Create());
        root.Subcommands.Add(Features.Exports.Control.ExportCommand.Create());
        root.Subcommands.Add(Features.Audit.AuditCommand.Create());
        root.Subcommands.Add(Features.Imports.Cli.ImportCommand.Create());
        root.Subcommands.Add(Features.Handover.HandoverCommand.Create());
        foreach (var command in Features.Backup.BackupCommands.Create()) root.Subcommands.Add(command);

        var parsed = root.Parse(args);
        if (parsed.GetValue(Culture) is { } culture)
        {
            if (!Localization.LocalizationSetup.Cultures.Contains(culture))
            {
                await Console.Error.WriteLineAsync("error: " + Message.Of("--culture must be ru, de or en (was '{0}').", culture).Render());
                return 2;
            }
            UseCulture(culture);
        }
        if (parsed.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync("error: " + OneLine(parsed));
            return 2;
        }
        if (entryPoint && OptimizedRelaunch.Worthwhile(parsed)) return await OptimizedRelaunch.RunAsync(args);
        try
        {
            var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
            // The web host stops itself on SIGTERM or Ctrl+C and lets requests in flight finish (ADR 016); the command
            // line's own handler would end the process two seconds after the signal, whatever was still running.
            if (parsed.CommandResult.Command.Name == "serve") invocation.ProcessTerminationTimeout = null;
            return await parsed.InvokeAsync(invocation);
        }
        catch (CliException e)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message);
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            // SIGTERM or Ctrl+C stopped a command that has no words of its own for it: one line, not a stack trace and
            // the runtime's abort (134).
            await Console.Error.WriteLineAsync("error: " + Message.Of("stopped before the command finished; what it had committed is kept.").Render());
            return 130;
        }
        catch (Exception e) when (DatabaseErrors.IsMissingSchema(e))
        {
            await Console.Error.WriteLineAsync("error: " + Message.Of("the database has no Clientele tables yet; run 'clientele db migrate' first ({0})", DatabaseErrors.OneLine(e)).Render());
            return 3;
        }
        catch (Exception e) when (DatabaseErrors.IsUnreachable(e))
        {
            await Console.Error.WriteLineAsync("error: " + Message.Of("cannot open the database: {0}", DatabaseErrors.OneLine(e)).Render());
            return 3;
        }
    }

    /// <summary>
    /// The parse errors as one line, the one naming an unknown word first: for "clientele frobnicate" that is more
    /// use than "Required command was not provided". Some messages span lines ("Must be one of:\n\t'owner'...").
    /// </summary>
    private static string OneLine(ParseResult parsed)
    {
        var errors = parsed.Errors
            .OrderBy(e => parsed.UnmatchedTokens.Any(t => e.Message.Contains(t, StringComparison.Ordinal)) ? 0 : 1)
            .Select(e => string.Join(' ', e.Message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        return string.Join(" ", errors.Distinct());
    }

    /// <summary>
    /// The command's language: the current culture flows with the execution context into everything the command awaits
    /// or starts, and goes back to the caller's when Run returns (the tests run commands in their own process); the web
    /// host's requests choose their own.
    /// </summary>
    private static void UseCulture(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
    }

    public static DatabaseTarget ResolveDb(ParseResult result)
    {
        try
        {
            return DatabaseTarget.Resolve(result.GetValue(Db));
        }
        catch (FormatException e)
        {
            throw new CliException(e.Message);
        }
    }
}

/// <summary>An expected failure of a command: printed as one line, with a non-zero exit code.</summary>
public sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    /// <summary>A refusal worded in the command's language (<c>--culture</c>, else the system's).</summary>
    public CliException(Message message, int exitCode = 1) : this(message.Render(), exitCode) { }

    public int ExitCode { get; } = exitCode;
}
