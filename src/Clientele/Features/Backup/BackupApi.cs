using Clientele.Features.Audit;
using Clientele.Features.Exports.Control;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Backup;

/// <summary>An automatic backup file: its name (to download it), size and when it was written (UTC).</summary>
public sealed record AutomaticBackupRow(string Name, long Bytes, DateTime WrittenAt, string Kind)
{
    public static AutomaticBackupRow Of(FileInfo file) => new(file.Name, file.Length, file.LastWriteTimeUtc,
        file.Name.StartsWith("clientele-" + ScheduledBackupJob.Label + "-", StringComparison.Ordinal) ? ScheduledBackupJob.Label : ScheduledBackupJob.BeforeUpgradeLabel);
}

/// <summary>The owner's passphrase for the backup, in the body (never in a URL, where logs and histories keep it).</summary>
public sealed record BackupRequest(string? Passphrase);

/// <summary>
/// POST /api/v1/backup: the whole base as one encrypted archive, for the owner only (it holds password hashes, second
/// factors' seeds, sessions and the audit trail): without the passphrase it is noise (<see cref="BackupEncryption"/>).
/// </summary>
public static class BackupApi
{
    public static RouteGroupBuilder MapBackup(this RouteGroupBuilder api)
    {
        api.MapPost("/backup", DownloadAsync).WithTags("Backup").AllowRoles(EmployeeRole.Owner).WithName("CreateBackup")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .WithSummary("A full backup, encrypted with the passphrase in the body ({passphrase}, at least 12 characters; AES-256-GCM, key by PBKDF2-SHA256): "
                + "a ZIP of manifest.json and one JSON Lines file per table inside, which `clientele restore` loads into an empty database with the same passphrase.");
        var automatic = api.MapGroup("/backups").WithTags("Backup").AllowRoles(EmployeeRole.Owner);
        automatic.MapGet("/schedule", ScheduleAsync).WithName("GetBackupSchedule")
            .WithSummary("The daily backup's schedule in force: whether it runs, its hour in the company's time zone (and in UTC today), how many of each kind are kept, and whether the owner set it.");
        automatic.MapPut("/schedule", SaveScheduleAsync).WithName("SetBackupSchedule")
            .WithSummary("Sets the daily backup's schedule: {enabled, hour (0-23, the company's time zone), keep (1-365)}. Keep applies to the daily backups and, separately, to those taken before upgrades.");
        automatic.MapGet("", ListAutomatic).WithName("ListAutomaticBackups")
            .WithSummary("This base's automatic backups, newest first: the daily ones (job 'backup') and those taken before an upgrade; encrypted with the server's backup key file.");
        automatic.MapGet("/{name}", DownloadAutomaticAsync).WithName("DownloadAutomaticBackup")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .WithSummary("Downloads one automatic backup by name; recorded as an export and in the audit trail. `clientele restore FILE --passphrase-stdin < backup.key` loads it.");
        return api;
    }

    private static async Task<Ok<BackupScheduleView>> ScheduleAsync(ClienteleDb db, IConfiguration configuration, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await BackupSchedules.CurrentAsync(db, configuration, clock, ct));

    private static async Task<Results<Ok<BackupScheduleView>, ValidationProblem>> SaveScheduleAsync(
        BackupScheduleInput input, ClienteleDb db, AuditLog audit, IConfiguration configuration, TimeProvider clock, CancellationToken ct)
    {
        var errors = await BackupSchedules.SaveAsync(db, audit, input, ct);
        if (errors.Any) return ApiConventions.Invalid(errors);
        return TypedResults.Ok(await BackupSchedules.CurrentAsync(db, configuration, clock, ct));
    }

    private static Ok<AutomaticBackupRow[]> ListAutomatic(ClienteleDb db) =>
        TypedResults.Ok(AutomaticBackups.Of(db).List(db).Select(AutomaticBackupRow.Of).ToArray());

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAutomaticAsync(
        string name, HttpContext http, ClienteleDb db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (CurrentUser.IdOf(http.User) is not { } employeeId)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "A backup needs a signed-in owner.");
        if (AutomaticBackups.Of(db).Find(db, name) is not { } file)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no automatic backup '{name}' of this base.");
        // A backup carries every client row: the export gate's stop for mass access holds for it as for any export.
        if (await ExportGate.StoppedAsync(http, db, audit, employeeId, "/api/v1/backups/" + file.Name, ct) is { } stopped)
            return stopped;
        await RecordAsync(db, audit, employeeId, clock.GetUtcNow().UtcDateTime, "/api/v1/backups/" + file.Name, 0, 0, $"automatic backup {file.Name}, {file.Length} bytes", ct);
        return TypedResults.File(file.OpenRead(), "application/octet-stream", file.Name);
    }

    /// <summary>Every backup download is an export of the whole base (without canaries: a backup must restore identically) and an audit entry.</summary>
    private static async Task<ExportRecord> RecordAsync(ClienteleDb db, AuditLog audit, long employeeId, DateTime now, string path, long rows, long clients, string detail, CancellationToken ct)
    {
        var record = new ExportRecord
        {
            Id = ExportIds.New(), EmployeeId = employeeId, At = now, Path = path, Format = "zip", Status = ExportStatus.Done,
            RowCount = (int)Math.Min(int.MaxValue, rows), ClientCount = (int)Math.Min(int.MaxValue, clients),
        };
        db.Add(record);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditAction.Exported, Entity: "Backup", RowCount: record.RowCount, Detail: $"{record.Id} {path} (encrypted): {detail}"), ct);
        return record;
    }

    /// <remarks>
    /// Written to a temporary file first: the snapshot is read at the database's pace, not the client's, and the
    /// record of the export can name the rows it holds before the download starts. Recorded as an export (without
    /// canaries: a backup must restore identically) and in the audit trail.
    /// </remarks>
    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult, ValidationProblem>> DownloadAsync(
        HttpContext http, BackupRequest? request, ClienteleDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<BackupText> text, CancellationToken ct)
    {
        if (CurrentUser.IdOf(http.User) is not { } employeeId)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "A backup needs a signed-in owner.");
        if (BackupEncryption.PassphraseProblem(request?.Passphrase) is { } problem)
            return ApiConventions.Invalid("passphrase", Message.Of<BackupText>(problem.Text, problem.Args));
        var now = clock.GetUtcNow().UtcDateTime;
        var path = Path.Combine(Path.GetTempPath(), $"clientele-backup-{Guid.NewGuid():N}.bak");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            BackupManifest manifest;
            await using (var encrypting = BackupEncryption.Encrypt(file, request!.Passphrase!))
                manifest = await BackupWriter.WriteAsync(db, encrypting, now, ct);
            file.Position = 0;
            var rows = manifest.Tables.Sum(t => t.Rows);
            var clients = manifest.Tables.FirstOrDefault(t => t.Name == "Clients")?.Rows ?? 0;
            var record = await RecordAsync(db, audit, employeeId, now, "/api/v1/backup", rows, clients,
                $"{manifest.Tables.Count} tables, {rows} rows, schema {manifest.Migration}", ct);
            return TypedResults.File(file, "application/octet-stream", $"clientele-backup-{now:yyyy-MM-dd}-{record.Id}.clientele-backup");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
