using System.CommandLine;
using System.Text;
using Clientele.Features.Audit;
using Clientele.Infrastructure.Cli;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Backup;

/// <summary>
/// <c>clientele backup FILE</c> and <c>clientele restore FILE</c>: the way to move a base, e.g. from SQLite to PostgreSQL.
/// The archive is encrypted with a passphrase (<see cref="BackupEncryption"/>): asked on the terminal, or for scripts
/// read from <see cref="PassphraseVariable"/> or the first line of standard input.
/// </summary>
public static class BackupCommands
{
    public const string PassphraseVariable = "CLIENTELE_BACKUP_PASSPHRASE";

    public static IEnumerable<Command> Create() => [Backup(), Restore()];

    private static Option<bool> FromStandardInput() => new("--passphrase-stdin")
    {
        Description = $"Read the passphrase from the first line of standard input (for scripts; {PassphraseVariable} works too).",
    };

    private static Command Backup()
    {
        var file = new Argument<FileInfo>("file") { Description = "The archive to write (encrypted); an existing file is replaced only once the backup is complete." };
        var stdin = FromStandardInput();
        var command = new Command("backup",
            $"Write the whole base (every table, users and audit trail included) into one encrypted archive that 'clientele restore' loads. "
            + $"The passphrase (at least {BackupEncryption.MinPassphraseLength} characters) is asked for, or read from {PassphraseVariable} or standard input.") { file, stdin };
        command.SetAction(async (result, ct) =>
        {
            var target = result.GetValue(file)!;
            await using var services = CommandServices.Open(CommandLine.ResolveDb(result));
            var text = services.Services.GetRequiredService<IStringLocalizer<BackupText>>();
            var passphrase = ReadPassphrase(result.GetValue(stdin), confirm: true, text);
            if (BackupEncryption.PassphraseProblem(passphrase) is { } problem) throw new CliException(text[problem.Text, problem.Args]);
            var partial = target.FullName + ".partial";
            BackupManifest manifest;
            try
            {
                await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                await using (var encrypting = BackupEncryption.Encrypt(output, passphrase!))
                    manifest = await BackupWriter.WriteAsync(services.Db, encrypting, services.Clock.GetUtcNow().UtcDateTime, ct);
                File.Move(partial, target.FullName, overwrite: true);
            }
            catch (BackupException e)
            {
                File.Delete(partial);
                throw new CliException(e.Describe(text));
            }
            catch
            {
                File.Delete(partial);
                throw;
            }
            var rows = manifest.Tables.Sum(t => t.Rows);
            await services.Services.GetRequiredService<AuditLog>().RecordAsync(new AuditEvent(AuditAction.Exported, Entity: "Backup", RowCount: (int)Math.Min(int.MaxValue, rows),
                Detail: $"clientele backup {target.Name} (encrypted): {manifest.Tables.Count} tables, {rows} rows, schema {manifest.Migration}"), ct);
            Console.WriteLine($"Backup {target.FullName}: {manifest.Tables.Count} tables, {rows} rows, schema {manifest.Migration}, encrypted.");
            return 0;
        });
        return command;
    }

    private static Command Restore()
    {
        var file = new Argument<FileInfo>("file") { Description = "An archive written by 'clientele backup' or POST /api/v1/backup." };
        var unencrypted = new Option<bool>("--unencrypted")
        {
            Description = "The archive is a plain ZIP written by a version before backups were encrypted: restore it without a passphrase.",
        };
        var stdin = FromStandardInput();
        var command = new Command("restore",
            "Load a backup into an empty database (--db sqlite:PATH or postgres:CONNECTION-STRING): all or nothing. "
            + $"The passphrase is asked for, or read from {PassphraseVariable} or standard input; a wrong one, or a changed archive, writes nothing.") { file, unencrypted, stdin };
        command.SetAction(async (result, ct) =>
        {
            var archive = result.GetValue(file)!;
            var target = CommandLine.ResolveDb(result);
            await using var services = CommandServices.Open(target);
            var text = services.Services.GetRequiredService<IStringLocalizer<BackupText>>();
            var passphrase = result.GetValue(unencrypted) ? null : ReadPassphrase(result.GetValue(stdin), confirm: false, text) ?? "";
            try
            {
                var summary = await BackupRestore.RestoreAsync(services.Db, archive.FullName, passphrase, ct);
                Console.WriteLine($"Restored {archive.Name} into {target}: {summary.Manifest.Tables.Count} tables, {summary.Rows} rows "
                    + $"(from {summary.Manifest.Provider}, schema {summary.Manifest.Migration}, written {summary.Manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC).");
                return 0;
            }
            catch (BackupException e)
            {
                throw new CliException(text["Restore failed, no rows were written: {0}", e.Describe(text)]);
            }
        });
        return command;
    }

    /// <summary>
    /// The passphrase from standard input when asked to (or when it is not a terminal), else from
    /// <see cref="PassphraseVariable"/>, else typed on the terminal without echo (twice when writing a backup). Never an
    /// argument: those show in process lists.
    /// </summary>
    private static string? ReadPassphrase(bool fromStandardInput, bool confirm, IStringLocalizer<BackupText> text)
    {
        if (fromStandardInput) return Console.In.ReadLine();
        if (Environment.GetEnvironmentVariable(PassphraseVariable) is { Length: > 0 } fromEnvironment) return fromEnvironment;
        if (Console.IsInputRedirected) return Console.In.ReadLine();
        var first = Prompt(text["Passphrase: "]);
        if (confirm && Prompt(text["Repeat the passphrase: "]) != first) throw new CliException(text["The two passphrases differ."]);
        return first;
    }

    private static string Prompt(string label)
    {
        Console.Error.Write(label);
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return typed.ToString();
    }
}
