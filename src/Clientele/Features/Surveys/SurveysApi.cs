using Clientele.Features.Audit;
using Clientele.Features.Company;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Surveys;

public sealed record SurveyAnswerResponse(long Id, long ClientId, int Satisfaction, string? Missing, string? ProductWish, string? ReferralName,
    string? ReferralPhone, string? ReferralEmail, long? ReferralLeadId, SurveyChannel Channel, long? EmployeeId, long? InteractionId, DateTime AnsweredAt);

/// <param name="Path">The link's address, relative to the app (<c>/s/{token}</c>), to send to the client.</param>
public sealed record SurveyLinkResponse(long Id, long ClientId, string Path, DateTime ExpiresAt);

public static class SurveysApi
{
    public static SurveyAnswerResponse ToResponse(SurveyAnswer a) => new(a.Id, a.ClientId, a.Satisfaction, a.Missing, a.ProductWish, a.ReferralName,
        a.ReferralPhone, a.ReferralEmail, a.ReferralLeadId, a.Channel, a.EmployeeId, a.InteractionId, a.AnsweredAt);

    /// <summary>The clients the results' remarks name: what the results' endpoint and the results page audit.</summary>
    public static IReadOnlyCollection<long> ClientIdsOf(SurveyResults results) => [.. results.Missing.Concat(results.Wishes).Select(r => r.ClientId).Distinct()];

    /// <summary>Answers, links and results of the three questions; the row filter gives a manager their clients' only.</summary>
    public static RouteGroupBuilder MapSurveys(this RouteGroupBuilder api)
    {
        var surveys = api.MapGroup("/surveys").WithTags("Surveys");
        // Reads of answers and results name clients: they are audited as the client rows they are.
        surveys.AuditsClientRows(value => value switch
        {
            Page<SurveyAnswerResponse> page => [.. page.Items.Select(a => a.ClientId)],
            SurveyAnswerResponse one => [one.ClientId],
            SurveyResults results => ClientIdsOf(results),
            _ => null,
        });
        surveys.MapPost("/", CreateAsync).WithName("CreateSurveyAnswer")
            .WithSummary("Records a client's answer to the three questions (asked by the caller during a call): an interaction on the timeline, and a referral becomes a lead linked to the client.");
        surveys.MapGet("/", ListAsync).WithName("ListSurveyAnswers")
            .WithSummary("A page of the survey answers the caller sees, newest id last (?clientId=, ?limit=, ?after=).");
        surveys.MapGet("/{id:long}", GetAsync).WithName("GetSurveyAnswer").WithSummary("One survey answer by id.");
        surveys.MapGet("/results", ResultsAsync).WithName("GetSurveyResults")
            .WithSummary("Average satisfaction, NPS (promoters 9–10 minus detractors 0–6) and the 'what is missing' answers and product wishes of a period of company days (?from=, ?to= as YYYY-MM-DD; the last 90 days by default).");
        api.MapPost("/clients/{clientId:long}/survey-links", LinkAsync).WithTags("Surveys").WithName("CreateSurveyLink")
            .WithSummary("Makes the client's personal link to the three questions (/s/{token}): no sign-in, one answer, expires after 30 days.");
        return api;
    }

    private static async Task<Results<Created<SurveyAnswerResponse>, ValidationProblem>> CreateAsync(SurveyInput input, HttpContext http, ClienteleDb db, CancellationToken ct)
    {
        var outcome = await SurveyRecorder.RecordAsync(db, input, CurrentUser.IdOf(http.User), null, ct);
        if (outcome.Kind != OutcomeKind.Ok) return ApiConventions.Invalid(outcome.Errors!);
        return TypedResults.Created($"/api/v1/surveys/{outcome.Value!.Id}", ToResponse(outcome.Value));
    }

    private static async Task<Results<Ok<Page<SurveyAnswerResponse>>, ValidationProblem>> ListAsync(HttpRequest request, ClienteleDb db, int? limit, string? after, CancellationToken ct)
    {
        if (!ApiConventions.TryAfter(after, out var afterId)) return ApiConventions.Invalid("after", Message.Of("is not a cursor this API gave out."));
        var take = ApiConventions.Limit(limit);
        var query = db.SurveyAnswers.AsNoTracking().Where(a => a.Id > afterId);
        if (EntityEndpoints.LongQuery(request, "clientId") is { } clientId) query = query.Where(a => a.ClientId == clientId);
        var rows = await query.OrderBy(a => a.Id).Take(take + 1).ToListAsync(ct);
        var page = ApiConventions.ToPage(rows, take, a => a.Id);
        return TypedResults.Ok(new Page<SurveyAnswerResponse>([.. page.Items.Select(ToResponse)], page.Next));
    }

    private static async Task<Results<Ok<SurveyAnswerResponse>, ProblemHttpResult>> GetAsync(long id, ClienteleDb db, CancellationToken ct) =>
        await db.SurveyAnswers.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } answer
            ? TypedResults.Ok(ToResponse(answer)) : ApiConventions.NotFound("Survey answer", id);

    private static async Task<Results<Ok<SurveyResults>, ValidationProblem>> ResultsAsync(string? from, string? to, ClienteleDb db, TimeProvider clock, CancellationToken ct)
    {
        var (fromDay, toDay, e) = await PeriodAsync(from, to, db, clock, ct);
        if (e.Any) return ApiConventions.Invalid(e);
        return TypedResults.Ok(await SurveyResultsReport.BuildAsync(db, fromDay, toDay, ct));
    }

    /// <summary>The period of company days a survey report asks for (?from=, ?to= as YYYY-MM-DD): the last 90 days by default.</summary>
    public static async Task<(DateOnly From, DateOnly To, Errors Errors)> PeriodAsync(string? from, string? to, ClienteleDb db, TimeProvider clock, CancellationToken ct)
    {
        var today = (await CompanyDays.OfAsync(db, ct)).Today(clock);
        var e = new Errors();
        var toDay = e.Day("to", to) ?? today;
        var fromDay = e.Day("from", from) ?? toDay.AddDays(-89);
        if (!e.Any && fromDay > toDay) e.Add("from", Message.Of("must not be after 'to'."));
        return (fromDay, toDay, e);
    }

    private static async Task<Results<Created<SurveyLinkResponse>, ProblemHttpResult>> LinkAsync(long clientId, HttpContext http, ClienteleDb db, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) return ApiConventions.NotFound("Client", clientId);
        var link = await SurveyRecorder.NewLinkAsync(db, clientId, CurrentUser.IdOf(http.User), ct);
        return TypedResults.Created(PathOf(link), new SurveyLinkResponse(link.Id, clientId, PathOf(link), link.ExpiresAt));
    }

    public static string PathOf(SurveyLink link) => "/s/" + link.Token;
}
