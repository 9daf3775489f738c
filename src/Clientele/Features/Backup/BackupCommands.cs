using System.CommandLine;
using Clientele.Features.Audit;
using Clientele.Infrastructure.Cli;

namespace Clientele.Features.Backup;

/// <summary><c>clientele backup FILE.zip</c> and <c>clientele restore FILE.zip</c>: the way to move a base, e.g. from SQLite to PostgreSQL.</summary>
public static class BackupCommands
{
    public static IEnumerable<Command> Create() => [Backup(), Restore()];

    private static Command Backup()
    {
        var file = new Argument<FileInfo>("file") { Description = "The archive to write (ZIP); an existing file is replaced only once the backup is complete." };
        var command = new Command("backup", "Write the whole base (every table, users and audit trail included) into one archive that 'clientele restore' loads.") { file };
        command.SetAction(async (result, ct) =>
        {
            var target = result.GetValue(file)!;
            await using var services = CommandServices.Open(CommandLine.ResolveDb(result));
            var partial = target.FullName + ".partial";
            BackupManifest manifest;
            try
            {
                await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                    manifest = await BackupWriter.WriteAsync(services.Db, output, services.Clock.GetUtcNow().UtcDateTime, ct);
                File.Move(partial, target.FullName, overwrite: true);
            }
            catch (BackupException e)
            {
                File.Delete(partial);
                throw new CliException(e.Message);
            }
            catch
            {
                File.Delete(partial);
                throw;
            }
            var rows = manifest.Tables.Sum(t => t.Rows);
            await services.Services.GetRequiredService<AuditLog>().RecordAsync(new AuditEvent(AuditAction.Exported, Entity: "Backup", RowCount: (int)Math.Min(int.MaxValue, rows),
                Detail: $"clientele backup {target.Name}: {manifest.Tables.Count} tables, {rows} rows, schema {manifest.Migration}"), ct);
            Console.WriteLine($"Backup {target.FullName}: {manifest.Tables.Count} tables, {rows} rows, schema {manifest.Migration}.");
            return 0;
        });
        return command;
    }

    private static Command Restore()
    {
        var file = new Argument<FileInfo>("file") { Description = "An archive written by 'clientele backup' or GET /api/v1/backup." };
        var command = new Command("restore", "Load a backup into an empty database (--db sqlite:PATH or postgres:CONNECTION-STRING): all or nothing.") { file };
        command.SetAction(async (result, ct) =>
        {
            var archive = result.GetValue(file)!;
            var target = CommandLine.ResolveDb(result);
            await using var services = CommandServices.Open(target);
            try
            {
                var summary = await BackupRestore.RestoreAsync(services.Db, archive.FullName, ct);
                Console.WriteLine($"Restored {archive.Name} into {target}: {summary.Manifest.Tables.Count} tables, {summary.Rows} rows "
                    + $"(from {summary.Manifest.Provider}, schema {summary.Manifest.Migration}, written {summary.Manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC).");
                return 0;
            }
            catch (BackupException e)
            {
                throw new CliException("restore failed, no rows were written: " + e.Message);
            }
        });
        return command;
    }
}
