using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Exports.Control;

/// <summary>The export records as listed by the API and the page: everyone's for the owner, one's own for the others.</summary>
public static class ExportList
{
    /// <param name="employeeId">Only this employee's records; null for all.</param>
    public static IQueryable<ExportRecord> Of(ClienteleDb db, long? employeeId)
    {
        var records = db.Set<ExportRecord>().AsNoTracking();
        return employeeId is { } me ? records.Where(r => r.EmployeeId == me) : records;
    }

    public static IQueryable<ExportResponse> Project(IQueryable<ExportRecord> records) =>
        records.Select(r => new ExportResponse(r.Id, r.EmployeeId, r.Employee!.DisplayName, r.At, r.Path, r.Filter, r.Format, r.RowCount, r.ClientCount,
            r.Status, r.DecidedById, r.DecidedAt, r.UsedAt, r.Status == ExportStatus.Approved ? "/api/v1/exports/" + r.Id + "/download" : null));

    public static Task<List<ExportResponse>> RecentAsync(ClienteleDb db, long? employeeId, int limit, CancellationToken ct) =>
        Project(Of(db, employeeId).OrderByDescending(r => r.At).ThenBy(r => r.Id).Take(limit)).ToListAsync(ct);
}
