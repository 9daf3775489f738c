using Clientele.Features.Audit;
using Clientele.Features.Exports.Control;
using Clientele.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Features.Backup;

/// <summary>GET /api/v1/backup: the whole base as one archive, for the owner only (it holds password hashes and the audit trail).</summary>
public static class BackupApi
{
    public static RouteGroupBuilder MapBackup(this RouteGroupBuilder api)
    {
        api.MapGet("/backup", DownloadAsync).WithTags("Backup").AllowRoles(EmployeeRole.Owner)
            .WithSummary("A full backup (ZIP: manifest.json and one JSON Lines file per table) that `clientele restore` loads into an empty database.");
        return api;
    }

    /// <remarks>
    /// Written to a temporary file first: the snapshot is read at the database's pace, not the client's, and the
    /// record of the export can name the rows it holds before the download starts. Recorded as an export (without
    /// canaries: a backup must restore identically) and in the audit trail.
    /// </remarks>
    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        HttpContext http, ClienteleDb db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (CurrentUser.IdOf(http.User) is not { } employeeId)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "A backup needs a signed-in owner.");
        var now = clock.GetUtcNow().UtcDateTime;
        var path = Path.Combine(Path.GetTempPath(), $"clientele-backup-{Guid.NewGuid():N}.zip");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var manifest = await BackupWriter.WriteAsync(db, file, now, ct);
            file.Position = 0;
            var rows = manifest.Tables.Sum(t => t.Rows);
            var clients = manifest.Tables.FirstOrDefault(t => t.Name == "Clients")?.Rows ?? 0;
            var record = new ExportRecord
            {
                Id = ExportIds.New(), EmployeeId = employeeId, At = now, Path = "/api/v1/backup", Format = "zip", Status = ExportStatus.Done,
                RowCount = (int)Math.Min(int.MaxValue, rows), ClientCount = (int)Math.Min(int.MaxValue, clients),
            };
            db.Add(record);
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(new AuditEvent(AuditAction.Exported, Entity: "Backup", RowCount: record.RowCount,
                Detail: $"{record.Id} /api/v1/backup: {manifest.Tables.Count} tables, {rows} rows, schema {manifest.Migration}"), ct);
            return TypedResults.File(file, "application/zip", $"clientele-backup-{now:yyyy-MM-dd}-{record.Id}.zip");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
