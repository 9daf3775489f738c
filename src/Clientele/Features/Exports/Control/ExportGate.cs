using System.Globalization;
using Clientele.Features.Audit;
using Clientele.Features.Exports.Formats;
using Clientele.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Exports.Control;

/// <summary>Whether the mass-access guard has stopped an employee; <see cref="MassAccess.IsBlockedAsync"/> unless a host registers another.</summary>
public delegate Task<bool> ExportStopCheck(ClienteleDb db, long employeeId, CancellationToken ct);

/// <summary>The export to write once the gate let it through: its id (the watermark), the tables with canaries planted, and the tally to fill.</summary>
public sealed record ExportAdmission(string ExportId, ExportTable Data, ExportTable? Pivot, ExportTally Tally, IReadOnlyList<ExportCanary> Canaries);

/// <summary>
/// The one gate every file export passes (called by <see cref="ExportFileResult"/>): stops employees the mass-access
/// guard flagged, holds exports of more clients than the owner's limit until the owner approves, and records every
/// export with its canaries. The first call of an export above the limit files the request itself ("awaiting
/// approval", answered 403 with its id), so a user need not know of a separate request step; calling again finds the
/// same request instead of filing another; once approved, the same export (same path and query) is written once.
/// </summary>
public sealed class ExportGate(ClienteleDb db, AuditLog audit, TimeProvider clock, ExportStopCheck? stopCheck = null)
{
    /// <summary>Resource keys (English is the key itself) of the answer to a user the mass-access guard stopped.</summary>
    public const string StoppedTitle = "Exports stopped; the owner was alerted.",
        StoppedDetail = "The mass-access guard stopped your exports after unusually wide access to client records. The owner can lift the stop.";

    /// <summary>How long an approval stays good, and a refusal stands, for the same export.</summary>
    public static readonly TimeSpan ApprovalLifetime = TimeSpan.FromHours(24);

    /// <summary>Either the admitted export or the problem to answer instead.</summary>
    public async Task<(ExportAdmission? Admitted, IResult? Refusal)> AdmitAsync(
        HttpContext http, ExportTable data, ExportTable? pivot, ExportFormat format, CultureInfo culture, CancellationToken ct)
    {
        if (CurrentUser.IdOf(http.User) is not { } employeeId)
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Exports need a signed-in employee."));
        var path = http.Request.Path.Value ?? "";
        var filter = http.Request.QueryString.Value ?? "";
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new ExportRecord
        {
            Id = ExportIds.New(), EmployeeId = employeeId, At = now, Path = Cut(path, 300), Filter = Cut(filter, 2000),
            Format = format.ToString().ToLowerInvariant(), Status = ExportStatus.Done,
        };

        if (await (stopCheck ?? MassAccess.IsBlockedAsync)(db, employeeId, ct))
            return (null, await BlockAsync(http, db, audit, record, ct));

        var (clients, counted) = await CountClientsAsync(data, ct);
        record.ClientCount = clients;
        var settings = await ExportSettingsStore.GetAsync(db, ct);
        if (clients > settings.Threshold && CurrentUser.RoleOf(http.User) != EmployeeRole.Owner)
        {
            if (await TakeApprovalAsync(employeeId, record.Path, record.Filter, now, ct) is not { } approved)
                return (null, await HoldAsync(record, settings.Threshold, now, ct));
            record = approved;
            record.ClientCount = clients;
            record.Format = format.ToString().ToLowerInvariant();
        }
        else db.Add(record);

        List<ExportCanary> canaries = [];
        if (counted.Clients is { } spec && CanaryFactory.CountFor(clients) is var count and > 0)
        {
            // The export's own rows (the first few hundred of a streamed list, read once more) are what canaries are drawn like.
            var sample = CanarySample.Of(counted.Rows, spec);
            var ids = await CanaryIds.DrawAsync(db, sample.ClientIds, count, ct);
            canaries = await CanaryFactory.CreateAsync(db, record.Id, ids, culture, settings.CanaryDomain, sample, ct);
            db.AddRange(canaries);
        }
        await db.SaveChangesAsync(ct);
        var tally = new ExportTally();
        return (new ExportAdmission(record.Id, canaries.Count > 0 ? CanaryRows.Plant(counted, canaries, clients, tally) : Counting(counted, tally), pivot, tally, canaries), null);
    }

    /// <summary>
    /// The gate's first step for a download that is not a table (an automatic backup): an employee the mass-access
    /// guard stopped is refused, and the refusal recorded, as at <see cref="AdmitAsync"/>; null lets it through.
    /// </summary>
    public static async Task<ProblemHttpResult?> StoppedAsync(HttpContext http, ClienteleDb db, AuditLog audit, long employeeId, string path, CancellationToken ct)
    {
        if (!await (http.RequestServices.GetService<ExportStopCheck>() ?? MassAccess.IsBlockedAsync)(db, employeeId, ct)) return null;
        var record = new ExportRecord
        {
            Id = ExportIds.New(), EmployeeId = employeeId, At = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            Path = Cut(path, 300), Filter = "", Format = "zip", Status = ExportStatus.Done,
        };
        return await BlockAsync(http, db, audit, record, ct);
    }

    private static async Task<ProblemHttpResult> BlockAsync(HttpContext http, ClienteleDb db, AuditLog audit, ExportRecord record, CancellationToken ct)
    {
        record.Status = ExportStatus.Blocked;
        db.Add(record);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditAction.ExportBlocked, Entity: "Export", Detail: Detail(record)), ct);
        var text = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<ExportControlText>>();
        return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: text[StoppedTitle],
            detail: text[StoppedDetail],
            extensions: new Dictionary<string, object?> { ["exportId"] = record.Id, ["exportStatus"] = "blocked" });
    }

    /// <summary>Records what was written; runs also when the download broke off, since part of a list has left too.</summary>
    public async Task CompleteAsync(ExportAdmission export, string path, string filter)
    {
        await db.Set<ExportRecord>().Where(r => r.Id == export.ExportId).ExecuteUpdateAsync(s => s.SetProperty(r => r.RowCount, export.Tally.Rows), CancellationToken.None);
        // A canary's name may have been fitted to its neighbour while written: the trace keeps the name the file holds.
        foreach (var canary in export.Canaries)
            await db.Set<ExportCanary>().Where(c => c.Id == canary.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, canary.Name), CancellationToken.None);
        await audit.RecordAsync(new AuditEvent(AuditAction.Exported, Entity: "Export", ClientIds: [.. export.Tally.ClientIds], RowCount: export.Tally.Rows,
            Detail: $"{export.ExportId} {path}{filter}"), CancellationToken.None);
    }

    private async Task<(int Clients, ExportTable Data)> CountClientsAsync(ExportTable data, CancellationToken ct)
    {
        if (data.Clients is not { } spec) return (0, data);
        if (spec.Count is { } count) return (await count(ct), data);
        var rows = data.Rows as IReadOnlyCollection<object?[]> ?? data.Rows.ToList();
        var ids = rows.Where(r => spec.IdColumn < r.Length && r[spec.IdColumn] is not null)
            .Select(r => Convert.ToInt64(r[spec.IdColumn], CultureInfo.InvariantCulture)).Distinct().Count();
        return (ids, data with { Rows = rows });
    }

    /// <summary>Marks an approved request for this export used, atomically, so that two downloads at once get one file.</summary>
    private async Task<ExportRecord?> TakeApprovalAsync(long employeeId, string path, string filter, DateTime now, CancellationToken ct)
    {
        var since = now - ApprovalLifetime;
        var candidates = await db.Set<ExportRecord>()
            .Where(r => r.EmployeeId == employeeId && r.Path == path && r.Filter == filter && r.Status == ExportStatus.Approved && r.DecidedAt >= since)
            .OrderBy(r => r.DecidedAt).Select(r => r.Id).ToListAsync(ct);
        foreach (var id in candidates)
        {
            var taken = await db.Set<ExportRecord>().Where(r => r.Id == id && r.Status == ExportStatus.Approved)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ExportStatus.Done).SetProperty(r => r.UsedAt, now), ct);
            if (taken == 1) return await db.Set<ExportRecord>().SingleAsync(r => r.Id == id, ct);
        }
        return null;
    }

    /// <summary>Files the request (or finds the one already filed, or the refusal standing) and answers 403 naming it.</summary>
    private async Task<IResult> HoldAsync(ExportRecord request, int threshold, DateTime now, CancellationToken ct)
    {
        var since = now - ApprovalLifetime;
        var earlier = await db.Set<ExportRecord>().AsNoTracking()
            .Where(r => r.EmployeeId == request.EmployeeId && r.Path == request.Path && r.Filter == request.Filter
                && (r.Status == ExportStatus.AwaitingApproval || r.Status == ExportStatus.Refused && r.DecidedAt >= since))
            .OrderByDescending(r => r.At).FirstOrDefaultAsync(ct);
        if (earlier is { Status: ExportStatus.Refused })
            return ExportProblems.Refused(earlier.Id);
        if (earlier is null)
        {
            request.Status = ExportStatus.AwaitingApproval;
            db.Add(request);
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(new AuditEvent(AuditAction.ExportRequested, Entity: "Export", RowCount: request.ClientCount, Detail: Detail(request)), ct);
        }
        var id = earlier?.Id ?? request.Id;
        return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This export needs the owner's approval.",
            detail: $"It holds {request.ClientCount} clients, more than the {threshold} an export may hold without approval. "
                + "The request is filed (see /exports); once the owner approves it, download the file once from the download link (or run the same export again) within 24 hours.",
            extensions: new Dictionary<string, object?>
            {
                ["exportId"] = id, ["exportStatus"] = "awaitingApproval", ["clients"] = request.ClientCount, ["threshold"] = threshold,
                ["request"] = $"/api/v1/exports/{id}", ["download"] = $"/api/v1/exports/{id}/download",
            });
    }

    private static ExportTable Counting(ExportTable data, ExportTally tally) => CanaryRows.Plant(data, [], 1, tally);

    private static string Detail(ExportRecord r) => $"{r.Id} {r.Path}{r.Filter}";

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];
}
