using System.Globalization;
using Clientele.Features.Exports.Formats;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Audit;

public sealed record ClientsSeenResponse(long EmployeeId, IReadOnlyList<ClientSeenRow> Clients);

public sealed record ViewersResponse(long ClientId, IReadOnlyList<ViewerRow> Viewers);

/// <param name="AnchoredAt">When the database's anchor was last written (null: none yet); <paramref name="AnchoredHeadId"/> the entry it names.</param>
public sealed record VerifyResponse(bool Ok, long Checked, string? Break, long? BrokenId, string? Reason, long? FirstId, long? LastId,
    DateTime? AnchoredAt, long? AnchoredHeadId);

/// <summary>The owner's view of the audit trail: entries, who saw what, mass-access alerts, settings. Owner only.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit").AllowRoles(EmployeeRole.Owner);
        audit.MapGet("", EntriesAsync).WithName("ListAuditEntries")
            .WithSummary("Audit entries newest first, filtered by employeeId, clientId, action and from/to (UTC, to exclusive); keyset paging with ?after=; ?format=xlsx|csv exports all matches.");
        audit.MapGet("/clients-seen", ClientsSeenAsync)
            .WithSummary("The distinct clients employeeId viewed, exported or was shown in searches between from and to, with counts; ?format=xlsx|csv exports.");
        audit.MapGet("/clients/{id:long}/viewers", ViewersAsync)
            .WithSummary("Who viewed, exported or was shown the client, and when; 404 for a client that neither exists nor appears in the trail; ?format=xlsx|csv exports.");
        audit.MapGet("/alerts", async (ClienteleDb db, bool? open, CancellationToken ct) => TypedResults.Ok(await AuditQueries.AlertsAsync(db, open ?? false, ct)))
            .WithSummary("Mass-access alerts, newest first; ?open=true for those not yet lifted.");
        audit.MapPost("/alerts/{id:long}/lift", LiftAsync)
            .WithSummary("Lifts a mass-access stop: the employee may export again. 404 for an unknown alert, 409 when it was lifted already.");
        audit.MapGet("/verify", async (ClienteleDb db, IStringLocalizer<AuditText> text, CancellationToken ct) =>
            {
                var r = await AuditVerifier.VerifyAsync(db, ct);
                return TypedResults.Ok(new VerifyResponse(r.Ok, r.Checked, r.Ok ? null : r.Break.ToString(), r.BrokenId, r.Describe(text), r.FirstId, r.LastId,
                    r.Anchor?.At, r.Anchor?.HeadId));
            })
            .WithName("VerifyAudit").WithSummary("Checks the keyed chain against its anchor as 'clientele audit verify' does.");
        audit.MapGet("/settings", GetSettingsAsync).WithSummary("Retention (days) and the mass-access rule; with an ETag.");
        audit.MapPut("/settings", PutSettingsAsync).WithSummary("Replaces the audit settings; If-Match guards against overwriting another change (412).");
        return api;
    }

    private static bool TryRange(DateTimeOffset? from, DateTimeOffset? to, out DateTime? fromUtc, out DateTime? toUtc, out ValidationProblem? problem)
    {
        (fromUtc, toUtc, problem) = (from?.UtcDateTime, to?.UtcDateTime, null);
        if (fromUtc is { } f && toUtc is { } t && t <= f) problem = ApiConventions.Invalid("to", Message.Of("must be later than from."));
        return problem is null;
    }

    private static async Task<Results<Ok<Page<AuditEntryRow>>, ExportFileResult, ValidationProblem>> EntriesAsync(
        ClienteleDb db, IStringLocalizer<AuditText> text, TimeProvider clock, CancellationToken ct,
        long? employeeId = null, long? clientId = null, string? action = null, DateTimeOffset? from = null, DateTimeOffset? to = null,
        int? limit = null, string? after = null, string? format = null)
    {
        if (!TryRange(from, to, out var f, out var t, out var bad)) return bad!;
        AuditAction? kind = null;
        if (!string.IsNullOrWhiteSpace(action))
        {
            if (!Enum.TryParse<AuditAction>(action, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return ApiConventions.Invalid("action", Message.Of("'{0}' is not an audit action; one of: {1}.", action, string.Join(", ", Enum.GetNames<AuditAction>())));
            kind = parsed;
        }
        var filter = new AuditFilter(employeeId, clientId, kind, f, t);
        if (format is not null)
        {
            if (ExportResults.ParseFormat(format) is not { } fileFormat) return ExportResults.InvalidFormat(format);
            var all = await AuditQueries.EntriesAsync(db, filter, null, AuditQueries.MaxRows, ct);
            return ExportResults.File(AuditExports.Entries(all, text), null, fileFormat, CultureInfo.CurrentCulture, "audit", Today(clock));
        }
        if (!ApiConventions.TryAfter(after, out var afterId)) return ApiConventions.Invalid("after", Message.Of("is not a cursor this API gave out."));
        var take = ApiConventions.Limit(limit);
        var rows = await AuditQueries.EntriesAsync(db, filter, string.IsNullOrEmpty(after) ? null : afterId, take + 1, ct);
        return TypedResults.Ok(ApiConventions.ToPage(rows, take, r => r.Id));
    }

    private static async Task<Results<Ok<ClientsSeenResponse>, ExportFileResult, ValidationProblem>> ClientsSeenAsync(
        ClienteleDb db, IStringLocalizer<AuditText> text, TimeProvider clock, CancellationToken ct,
        long? employeeId = null, DateTimeOffset? from = null, DateTimeOffset? to = null, string? format = null)
    {
        if (employeeId is not { } employee) return ApiConventions.Invalid("employeeId", Message.Of("is required: whose access to list."));
        if (!TryRange(from, to, out var f, out var t, out var bad)) return bad!;
        var fileFormat = ExportResults.ParseFormat(format);
        if (format is not null && fileFormat is null) return ExportResults.InvalidFormat(format);
        var rows = await AuditQueries.ClientsSeenAsync(db, employee, f, t, ct);
        if (format is null) return TypedResults.Ok(new ClientsSeenResponse(employee, rows));
        return ExportResults.File(AuditExports.ClientsSeen(rows, text), null, fileFormat!.Value, CultureInfo.CurrentCulture, $"clients-seen-by-{employee}", Today(clock));
    }

    private static async Task<Results<Ok<ViewersResponse>, ExportFileResult, ValidationProblem, ProblemHttpResult>> ViewersAsync(
        long id, ClienteleDb db, IStringLocalizer<AuditText> text, TimeProvider clock, CancellationToken ct,
        DateTimeOffset? from = null, DateTimeOffset? to = null, string? format = null)
    {
        if (!TryRange(from, to, out var f, out var t, out var bad)) return bad!;
        var fileFormat = ExportResults.ParseFormat(format);
        if (format is not null && fileFormat is null) return ExportResults.InvalidFormat(format);
        var rows = await AuditQueries.ViewersAsync(db, id, f, t, ct);
        if (rows.Count == 0 && !await db.Clients.AnyAsync(c => c.Id == id, ct)
            && !await db.Set<AuditEntryClient>().AnyAsync(c => c.ClientId == id, ct))
            return ApiConventions.NotFound("Client", id);
        if (format is null) return TypedResults.Ok(new ViewersResponse(id, rows));
        return ExportResults.File(AuditExports.Viewers(rows, text), null, fileFormat!.Value, CultureInfo.CurrentCulture, $"viewers-of-client-{id}", Today(clock));
    }

    private static async Task<Results<Ok<AlertRow>, ProblemHttpResult>> LiftAsync(long id, ClienteleDb db, HttpContext http, CancellationToken ct)
    {
        var (outcome, alert) = await MassAccess.LiftAsync(db, id, CurrentUser.IdOf(http.User), ct);
        if (outcome == MassAccess.LiftOutcome.NotFound) return ApiConventions.NotFound("Mass-access alert", id);
        if (outcome == MassAccess.LiftOutcome.AlreadyLifted)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Mass-access alert {id} was lifted already.");
        var names = await AuditQueries.EmployeeNamesAsync(db, ct);
        return TypedResults.Ok(new AlertRow(alert!.Id, alert.EmployeeId, names.GetValueOrDefault(alert.EmployeeId), alert.At, alert.ClientCount, alert.Baseline,
            alert.LiftedAt, alert.LiftedById));
    }

    private static async Task<Ok<AuditSettingsResponse>> GetSettingsAsync(ClienteleDb db, HttpContext http, CancellationToken ct)
    {
        var s = await AuditSettingsStore.GetAsync(db, ct);
        http.Response.Headers.ETag = ApiConventions.ETag(s.Version);
        return TypedResults.Ok(AuditSettingsResponse.Of(s));
    }

    private static async Task<Results<Ok<AuditSettingsResponse>, ValidationProblem, ProblemHttpResult>> PutSettingsAsync(
        AuditSettingsInput input, ClienteleDb db, HttpContext http, CancellationToken ct)
    {
        var (saved, errors, stale) = await AuditSettingsStore.SaveAsync(db, input, ApiConventions.IfMatch(http.Request), ct);
        if (stale) return ApiConventions.Stale((await AuditSettingsStore.GetAsync(db, ct)).Version);
        if (saved is null) return ApiConventions.Invalid(errors);
        http.Response.Headers.ETag = ApiConventions.ETag(saved.Version);
        return TypedResults.Ok(AuditSettingsResponse.Of(saved));
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
