using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Exports.Control;

public sealed record ExportResponse(
    string Id, long EmployeeId, string EmployeeName, DateTime At, string Path, string Filter, string Format, int? RowCount, int ClientCount,
    ExportStatus Status, long? DecidedById, DateTime? DecidedAt, DateTime? UsedAt, string? Download);

public sealed record ExportSettingsResponse(int Threshold, string CanaryDomain);

public sealed record ExportSettingsInput(int? Threshold, string? CanaryDomain);

/// <summary>Export requests and their approval, the download of an approved export, canary tracing and the owner's export rules.</summary>
public static class ExportsApi
{
    public static RouteGroupBuilder MapExports(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/exports").WithTags("Exports").AllowRoles(RoleAccess.Everyone);
        group.MapGet("/", ListAsync).WithSummary("Exports and export requests, newest first: the owner sees all, others their own. ?status=awaitingApproval|approved|refused|done|blocked, ?limit=.");
        group.MapGet("/trace", TraceAsync).AllowRoles(EmployeeRole.Owner)
            .WithSummary("The export a canary e-mail address, phone number or name (?value=) was planted in: export id, user, date, filter, rows.");
        group.MapGet("/settings", SettingsAsync).AllowRoles(EmployeeRole.Owner).WithSummary("The export limit (clients per export without approval) and the canary e-mail domain.");
        group.MapPut("/settings", SaveSettingsAsync).AllowRoles(EmployeeRole.Owner).WithSummary("Sets the export limit (0..1000000) and the canary e-mail domain.");
        group.MapGet("/{id}", GetAsync).WithSummary("One export or request (the owner's or the caller's own).");
        group.MapPost("/{id}/approve", (string id, HttpContext http, ClienteleDb db, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
            DecideAsync(id, true, http, db, audit, clock, ct)).AllowRoles(EmployeeRole.Owner).WithSummary("Approves a request awaiting approval: its requester may download the export once within 24 hours.");
        group.MapPost("/{id}/refuse", (string id, HttpContext http, ClienteleDb db, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
            DecideAsync(id, false, http, db, audit, clock, ct)).AllowRoles(EmployeeRole.Owner).WithSummary("Refuses a request awaiting approval.");
        group.MapGet("/{id}/download", DownloadAsync).WithName("DownloadExport")
            .WithSummary("For the requester of an approved export: 303 to the export itself (same path and filter), which then writes the file once.");
        return api;
    }

    private static IQueryable<ExportRecord> Visible(ClienteleDb db, HttpContext http) =>
        ExportList.Of(db, CurrentUser.RoleOf(http.User) == EmployeeRole.Owner ? null : CurrentUser.IdOf(http.User) ?? -1);

    private static IQueryable<ExportResponse> Project(IQueryable<ExportRecord> records) => ExportList.Project(records);

    private static async Task<Results<Ok<ExportResponse[]>, ValidationProblem>> ListAsync(
        HttpContext http, ClienteleDb db, CancellationToken ct, string? status = null, int? limit = null)
    {
        var records = Visible(db, http);
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<ExportStatus>(status.Trim(), ignoreCase: true, out var s) || !Enum.IsDefined(s))
                return ApiConventions.Invalid("status", Message.Of("must be done, awaitingApproval, approved, refused or blocked (was '{0}').", status));
            records = records.Where(r => r.Status == s);
        }
        return TypedResults.Ok(await Project(records.OrderByDescending(r => r.At).ThenBy(r => r.Id).Take(ApiConventions.Limit(limit))).ToArrayAsync(ct));
    }

    private static async Task<Results<Ok<ExportResponse>, ProblemHttpResult>> GetAsync(string id, HttpContext http, ClienteleDb db, CancellationToken ct)
    {
        var found = ExportIds.IsWellFormed(id) ? await Project(Visible(db, http).Where(r => r.Id == id.ToUpperInvariant())).SingleOrDefaultAsync(ct) : null;
        return found is null ? ExportProblems.NotFound(id) : TypedResults.Ok(found);
    }

    private static async Task<Results<Ok<ExportResponse>, ProblemHttpResult>> DecideAsync(
        string id, bool approve, HttpContext http, ClienteleDb db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (!ExportIds.IsWellFormed(id)) return ExportProblems.NotFound(id);
        id = id.ToUpperInvariant();
        var outcome = await ExportApprovals.DecideAsync(db, audit, id, approve, CurrentUser.IdOf(http.User)!.Value, clock.GetUtcNow().UtcDateTime, ct);
        return outcome switch
        {
            DecisionOutcome.NotFound => ExportProblems.NotFound(id),
            DecisionOutcome.NotAwaiting => ExportProblems.Conflict(id, $"Export {id} is not awaiting approval.", "decided"),
            _ => TypedResults.Ok(await Project(db.Set<ExportRecord>().Where(r => r.Id == id)).SingleAsync(ct)),
        };
    }

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> DownloadAsync(
        string id, HttpContext http, ClienteleDb db, TimeProvider clock, CancellationToken ct)
    {
        var me = CurrentUser.IdOf(http.User);
        var record = ExportIds.IsWellFormed(id) ? await db.Set<ExportRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id.ToUpperInvariant(), ct) : null;
        // Only the requester: someone else's approval is not theirs to use (and its existence is not theirs to learn).
        if (record is null || record.EmployeeId != me) return ExportProblems.NotFound(id);
        switch (record.Status)
        {
            case ExportStatus.Refused: return ExportProblems.Refused(record.Id);
            case ExportStatus.AwaitingApproval: return ExportProblems.Conflict(record.Id, "The owner has not decided on this export yet.", "awaitingApproval");
            case ExportStatus.Blocked: return ExportProblems.Conflict(record.Id, "This export was stopped by the mass-access guard.", "blocked");
            case ExportStatus.Done: return ExportProblems.Conflict(record.Id, "This export has been downloaded already; an approval is good for one file.", "done");
        }
        if (record.DecidedAt < clock.GetUtcNow().UtcDateTime - ExportGate.ApprovalLifetime)
            return ExportProblems.Conflict(record.Id, "The approval has expired (24 hours); run the export again to ask anew.", "expired");
        // The export itself writes the file, through the gate, which takes this approval: the rows are as of now and the
        // caller's access rules apply, and no file lies around waiting for its download.
        return TypedResults.Redirect(record.Path + record.Filter, permanent: false, preserveMethod: false);
    }

    private static async Task<Results<Ok<ExportTraceResponse>, ValidationProblem, ProblemHttpResult>> TraceAsync(string? value, ClienteleDb db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(value)) return ApiConventions.Invalid("value", Message.Of("is required: an e-mail address, phone number or name from the leaked list."));
        var found = await ExportTrace.FindAsync(db, value, ct);
        return found is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"'{value.Trim()}' is no canary of any export.")
            : TypedResults.Ok(found);
    }

    private static async Task<Ok<ExportSettingsResponse>> SettingsAsync(ClienteleDb db, CancellationToken ct)
    {
        var s = await ExportSettingsStore.GetAsync(db, ct);
        return TypedResults.Ok(new ExportSettingsResponse(s.Threshold, s.CanaryDomain));
    }

    private static async Task<Results<Ok<ExportSettingsResponse>, ValidationProblem>> SaveSettingsAsync(ExportSettingsInput input, ClienteleDb db, CancellationToken ct)
    {
        var errors = ExportSettingsRules.Validate(input.Threshold, input.CanaryDomain, out var threshold, out var domain);
        if (errors.Any) return ApiConventions.Invalid(errors);
        await ExportSettingsRules.SaveAsync(db, threshold, domain, ct);
        return TypedResults.Ok(new ExportSettingsResponse(threshold, domain));
    }
}
