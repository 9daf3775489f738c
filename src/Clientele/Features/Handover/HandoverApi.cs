using System.Globalization;
using System.Security.Claims;
using Clientele.Features.Analytics;
using Clientele.Features.Exports.Formats;
using Microsoft.Extensions.Localization;
using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Features.Handover;

public sealed record StartHandoverBody(long EmployeeId);

public sealed record AssignmentBody(long ClientId, long SuccessorId);

public sealed record LoadLimitsBody(int UncontactedDaysA, int Capacity);

/// <param name="Email">Also queue each client's introduction e-mail (to its main contact person, in their language).</param>
public sealed record IntroduceBody(bool Email);

public sealed record HandoverNoteBody(string? Text);

public sealed record HandoverNoteResponse(long ClientId, string Text, long? AuthorId, string? AuthorName, DateTime WrittenAt);

/// <summary>Either <c>assignments</c> (client by client) or <c>suggested: true</c> (every open client to its suggestion, optionally among <c>successorIds</c>).</summary>
public sealed record ReassignBody(List<AssignmentBody>? Assignments, bool Suggested, List<long>? SuccessorIds);

/// <summary>Which clients to widen: those named (as the confirmed plan listed them) or, with <c>all</c>, every client of today's plan.</summary>
public sealed record WideningBody(bool All, List<long>? ClientIds);

/// <summary>The key-person risk report and the owner's offboarding flow (deactivate, review, reassign, introduce, finish, follow).</summary>
public static class HandoverApi
{
    /// <summary>How many clients one widening call may name.</summary>
    public const int WideningMax = 10_000;

    private static async Task<Results<Ok<WideningOutcome>, ValidationProblem>> WidenAsync(
        WideningBody? body, ClaimsPrincipal user, ClienteleDb db, AnalyticsCache cache, TimeProvider clock, CancellationToken ct)
    {
        // Nothing by default: a call must say what it widens, so an empty or mistaken post changes nobody's clients.
        if (body is null || (!body.All && body.ClientIds is not { Count: > 0 }))
            return ApiConventions.Invalid("clientIds", Message.Of<WideningText>("name the clients (clientIds) or give all: true."));
        if (body.All && body.ClientIds is { Count: > 0 }) return ApiConventions.Invalid("all", Message.Of<WideningText>("give either clientIds or all: true, not both."));
        if (body.ClientIds is { Count: > WideningMax }) return ApiConventions.Invalid("clientIds", Message.Of<WideningText>("at most {0} clients at a time.", WideningMax));
        return TypedResults.Ok(await new Widening(db, cache, clock).ApplyAsync(CurrentUser.IdOf(user), body.All ? null : body.ClientIds, ct));
    }

    /// <summary>The clients the key-person risk report lists: what its endpoint and its page audit.</summary>
    public static IReadOnlyCollection<long> ClientIdsOf(KeyPersonRiskResponse report) => [.. report.SingleThread.Select(c => c.ClientId)];

    public static RouteGroupBuilder MapHandover(this RouteGroupBuilder api)
    {
        api.MapGet("/analytics/key-person-risk", async (KeyPersonRiskReport report, int? limit, CancellationToken ct) =>
                TypedResults.Ok(await report.ComputeAsync(ApiConventions.Limit(limit), ct)))
            .AllowRoles(EmployeeRole.Owner, EmployeeRole.Analyst, EmployeeRole.Manager).WithTags("Hand-over")
            .WithSummary("Key-person risk over the last 12 months: per employee the portfolio and the revenue, contribution and CLV of the single-thread clients "
                + "that run through them alone (revenue at risk if they leave), then those clients, most revenue first. A manager sees their own clients.")
            .AuditsClientRows(value => value is KeyPersonRiskResponse report ? ClientIdsOf(report) : null);

        var widening = api.MapGroup("/analytics/key-person-risk/widening").AllowRoles(EmployeeRole.Owner).WithTags("Hand-over");
        widening.MapGet("", async (ClienteleDb db, AnalyticsCache cache, TimeProvider clock, CancellationToken ct) => TypedResults.Ok(await new Widening(db, cache, clock).PlanAsync(ct)))
            .WithSummary("What widening the relationships would make: per class A single-thread client the task to introduce a second colleague, the task to win "
                + "a second contact person (each once per client) and a co-manager when it has none, with the totals a confirmation shows.")
            .AuditsClientRows(value => value is WideningPlan plan ? [.. plan.Items.Select(i => i.ClientId)] : null);
        widening.MapPost("", WidenAsync)
            .WithSummary("Makes what the plan names for the clients given (clientIds, at most 10,000) or for all of them (all: true): tasks for each client's manager "
                + "(stored in any reader's language) and co-managers, in one transaction, audited. A second call makes nothing new.");

        api.MapGet("/analytics/managers-load", async (ManagersLoadReport load, CancellationToken ct) => TypedResults.Ok(await load.ComputeAsync(ct)))
            .AllowRoles(EmployeeRole.Owner, EmployeeRole.Analyst, EmployeeRole.Manager).WithTags("Hand-over")
            .WithSummary("Per manager: clients by ABC class, load in class weights (A 3, B 2, C 1) against the owner's capacity, class A clients without contact "
                + "beyond the owner's limit, open and overdue tasks. A manager sees their own.");
        api.MapPut("/analytics/managers-load/settings", SaveLimitsAsync).AllowRoles(EmployeeRole.Owner).WithTags("Hand-over")
            .WithSummary("Sets the days after which an uncontacted class A client is flagged (1–365) and a manager's capacity in class weights (1–100000).");

        api.MapGet("/analytics/manager-scorecard", ScorecardAsync)
            .AllowRoles(EmployeeRole.Owner, EmployeeRole.Analyst, EmployeeRole.Manager).WithTags("Hand-over")
            .WithSummary("The manager scorecard over company months from..to (yyyy-MM, at most 12; default the last six up to this one) against as many months "
                + "before: new clients with their contribution after acquisition cost and target share, retention and contribution growth of the existing ones, "
                + "losses with reasons, base vs revenue vs profit growth split target / non-target; per manager, then the company. A manager sees their own.");
        api.MapGet("/analytics/manager-scorecard/export", ExportScorecardAsync)
            .AllowRoles(EmployeeRole.Owner, EmployeeRole.Analyst, EmployeeRole.Manager).WithTags("Hand-over")
            .WithSummary("The manager scorecard as .xlsx (default) or .csv (?format=), same period, through the export gate.");

        var runs = api.MapGroup("/handovers").AllowRoles(EmployeeRole.Owner).WithTags("Hand-over");
        runs.MapGet("", (HandoverFlow flow, CancellationToken ct) => flow.ListAsync(ct)).WithSummary("Every hand-over, the latest first.");
        runs.MapPost("", StartAsync).WithSummary("Deactivates the employee (sessions and tokens cut at once) and starts or resumes their hand-over; 201 for a new one.");
        runs.MapGet("/{id:long}", async Task<Results<Ok<HandoverReview>, ProblemHttpResult>> (long id, HandoverFlow flow, CancellationToken ct) =>
                await flow.ReviewAsync(id, ct) is { } review ? TypedResults.Ok(review) : ApiConventions.NotFound("Hand-over", id))
            .WithSummary("The review: the clients ranked by class, contribution and CLV with their risk and suggested successor, and the employee's exports, mass-access alerts and client views of the last 90 days.");
        runs.MapPost("/{id:long}/reassign", ReassignAsync)
            .WithSummary("Reassigns clients (with their open tasks) to successors: the given assignments, or with suggested=true every client not yet reassigned to its suggestion.");
        runs.MapPost("/{id:long}/introduce", async (long id, IntroduceBody? body, ClaimsPrincipal user, HandoverFlow flow, CancellationToken ct) =>
                Answer(await flow.IntroduceAsync(id, body?.Email ?? false, CurrentUser.IdOf(user), ct), id))
            .WithSummary("Makes each reassigned client's introduction task for its successor (class A first and soonest, with the hand-over note); with email=true also "
                + "the introduction e-mail to its main contact person through the outbox (quiet hours apply). A client gets one of each, however often this runs.");
        runs.MapPost("/{id:long}/finish", async (long id, ClaimsPrincipal user, HandoverFlow flow, CancellationToken ct) => Answer(await flow.FinishAsync(id, CurrentUser.IdOf(user), ct), id))
            .WithSummary("Finishes the hand-over; 409 while a client or an open task is still with the departing employee or a client has no successor.");
        runs.MapGet("/{id:long}/report", async Task<Results<Ok<HandoverFollowUp>, ProblemHttpResult>> (long id, HandoverFlow flow, CancellationToken ct) =>
                await flow.FollowAsync(id, ct) is { } report ? TypedResults.Ok(report) : ApiConventions.NotFound("Hand-over", id))
            .WithSummary("The hand-over report: per reassigned client whether the successor got in touch in time, whether it bought again, whether it was lost within six months.");
        var notes = api.MapGroup("/clients/{id:long}/handover-note").AllowRoles(EmployeeRole.Owner, EmployeeRole.Manager).WithTags("Hand-over");
        notes.MapGet("", async Task<Results<Ok<HandoverNoteResponse>, NoContent, ProblemHttpResult>> (long id, HandoverNotes store, CancellationToken ct) =>
                !await store.SeesAsync(id, ct) ? ApiConventions.NotFound("Client", id)
                    : await store.FindAsync(id, ct) is { } note ? TypedResults.Ok(note) : TypedResults.NoContent())
            .WithSummary("The client's hand-over note (204 when none is written): what its manager wants a successor to know.");
        notes.MapPut("", SaveNoteAsync)
            .WithSummary("Writes the client's hand-over note (up to 1000 characters), replacing the one before; the successor sees it on the card and in the introduction task.");
        return api;
    }

    private static async Task<Results<Ok<ScorecardResponse>, ValidationProblem>> ScorecardAsync(
        string? from, string? to, ManagerScorecardReport scorecard, AnalyticsService analytics, CancellationToken ct) =>
        ManagerScorecardReport.Period(from, to, analytics.Today, out var problem) is { } period
            ? TypedResults.Ok(await scorecard.ComputeAsync(period.From, period.To, ct))
            : ApiConventions.Invalid(from is null ? "to" : "from", problem!);

    private static async Task<Results<ExportFileResult, ValidationProblem>> ExportScorecardAsync(
        string? format, string? from, string? to, ManagerScorecardReport scorecard, AnalyticsService analytics, IStringLocalizer<HandoverText> t, CancellationToken ct)
    {
        if (ExportResults.ParseFormat(format) is not { } fileFormat) return ExportResults.InvalidFormat(format);
        if (ManagerScorecardReport.Period(from, to, analytics.Today, out var problem) is not { } period) return ApiConventions.Invalid(from is null ? "to" : "from", problem!);
        var report = await scorecard.ComputeAsync(period.From, period.To, ct);
        return ExportResults.File(ScorecardExport.Table(report, t), null, fileFormat, CultureInfo.CurrentCulture, "manager-scorecard", analytics.Today);
    }

    private static async Task<Results<Ok<HandoverNoteResponse>, ValidationProblem, ProblemHttpResult>> SaveNoteAsync(
        long id, HandoverNoteBody body, ClaimsPrincipal user, HandoverNotes store, CancellationToken ct)
    {
        var result = await store.SaveAsync(id, body.Text, CurrentUser.IdOf(user), ct);
        return result.Outcome switch
        {
            HandoverOutcome.Done => TypedResults.Ok(result.Value!),
            HandoverOutcome.NotFound => ApiConventions.NotFound("Client", id),
            _ => ApiConventions.Invalid(result.Field!, result.Problem!),
        };
    }

    private static async Task<Results<Created<HandoverReview>, Ok<HandoverReview>, ValidationProblem, ProblemHttpResult>> StartAsync(
        StartHandoverBody body, ClaimsPrincipal user, UserAdministration admin, HandoverFlow flow, CancellationToken ct)
    {
        var me = CurrentUser.IdOf(user);
        var (outcome, field, message) = await admin.ChangeAsync(body.EmployeeId, new UserChange(null, false, null), me ?? 0, ct);
        if (outcome == UserAdministration.Outcome.NotFound) return ApiConventions.Invalid("employeeId", Message.Of("there is no user {0}.", body.EmployeeId));
        if (outcome == UserAdministration.Outcome.Invalid) return ApiConventions.Invalid(field!, message!);
        if (outcome == UserAdministration.Outcome.Conflict) return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: message?.Render());
        var existing = (await flow.ListAsync(ct)).Any(h => h.DepartingId == body.EmployeeId);
        var started = await flow.StartAsync(body.EmployeeId, me, ct);
        if (started.Outcome != HandoverOutcome.Done) return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: started.Problem?.Render());
        var review = await flow.ReviewAsync(started.Value!, ct);
        return existing ? TypedResults.Ok(review) : TypedResults.Created($"/api/v1/handovers/{review.Id}", review);
    }

    private static async Task<Results<Ok<ManagersLoadResponse>, ValidationProblem>> SaveLimitsAsync(
        LoadLimitsBody body, ClaimsPrincipal user, ManagersLoadReport load, CancellationToken ct) =>
        await load.SaveAsync(body.UncontactedDaysA, body.Capacity, CurrentUser.IdOf(user), ct) is { } problem
            ? ApiConventions.Invalid(problem.Field, problem.Problem)
            : TypedResults.Ok(await load.ComputeAsync(ct));

    private static async Task<Results<Ok<HandoverReview>, ValidationProblem, ProblemHttpResult>> ReassignAsync(
        long id, ReassignBody body, ClaimsPrincipal user, HandoverFlow flow, CancellationToken ct)
    {
        var me = CurrentUser.IdOf(user);
        if (body.Suggested && body.Assignments is { Count: > 0 })
            return ApiConventions.Invalid("assignments", Message.Of<HandoverText>("Send either assignments or suggested, not both."));
        var result = body.Suggested
            ? await flow.AcceptSuggestionsAsync(id, body.SuccessorIds, me, ct)
            : await flow.ReassignAsync(id, [.. (body.Assignments ?? []).Select(a => new Assignment(a.ClientId, a.SuccessorId))], me, ct);
        return Answer(result, id);
    }

    private static Results<Ok<HandoverReview>, ValidationProblem, ProblemHttpResult> Answer(HandoverResult<HandoverReview> result, long id) => result.Outcome switch
    {
        HandoverOutcome.Done => TypedResults.Ok(result.Value!),
        HandoverOutcome.NotFound => ApiConventions.NotFound("Hand-over", id),
        HandoverOutcome.Invalid => ApiConventions.Invalid(result.Field!, result.Problem!),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: result.Problem?.Render()),
    };
}
