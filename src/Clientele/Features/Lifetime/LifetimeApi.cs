using System.Globalization;
using Clientele.Features.Audit;
using Clientele.Features.Company;
using Clientele.Features.Exports.Formats;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Lifetime;

/// <summary>The at-risk worklist, the CLV model view, a client's lifetime figures and the settings of the nightly refresh.</summary>
public static class LifetimeApi
{
    public static RouteGroupBuilder MapLifetime(this RouteGroupBuilder api)
    {
        var risk = api.MapGroup("/analytics/churn-risk").WithTags("Churn and lifetime value");
        risk.MapGet("", WorklistAsync)
            .WithSummary("At-risk clients ranked by CLV at stake, with reason, P(alive), days since the last purchase against the usual interval, class, "
                + "suggested action and open task. A manager sees their own clients unless managerId is given; 0 means all managers.")
            .AuditsClientRows(value => value is ChurnRiskResponse page ? ClientIdsOf(page.Items) : null);
        risk.MapGet("/export", ExportWorklistAsync).WithSummary("The worklist as xlsx (default) or csv.");
        risk.MapPost("/{clientId:long}/task", CreateTaskAsync).WithName("CreateChurnRiskTask")
            .WithSummary("Makes the follow-up task for an at-risk client (201); 409 with the task when one is open already or when the client is not at risk.");
        var settings = risk.MapGroup("/settings").RequireOwnerForWrites();
        settings.MapGet("", GetSettingsAsync).WithSummary("Thresholds, CLV horizon and discount rate, model period, job hour (UTC), task classes; with an ETag.");
        settings.MapPut("", PutSettingsAsync).WithSummary("Replaces the settings (owner only); If-Match guards against overwriting another change (412).");

        var clv = api.MapGroup("/analytics/clv").WithTags("Churn and lifetime value");
        clv.MapGet("", async (ClienteleDb db, CancellationToken ct) => TypedResults.Ok(await LifetimeQueries.ClvAsync(db, ct)))
            .WithSummary("The last fit (BG/NBD and Gamma-Gamma with its correlation check), a new client's expected purchases over 1–52 weeks, the CLV distribution and top clients.")
            .AuditsClientRows(value => value is ClvResponse model ? ClientIdsOf(model) : null);
        clv.MapGet("/export", ExportClvAsync).WithSummary("Every client's CLV as xlsx (default) or csv.");

        api.MapGet("/clients/linked-risk", LinkedRiskAsync).WithTags("Churn and lifetime value")
            .WithSummary("Active clients tied to a client lost in the last days of the owner's setting (referred by it, recommended it, referred by the same client, "
                + "in one of the owner's groups with it, served through it or through the same intermediary), the latest loss first. A manager gets their own clients; a lost client or a referrer they do not "
                + "manage is not named (its id and name are null). managerId narrows to one manager's clients.")
            .AuditsClientRows(value => value is LinkedRiskResponse page ? LinkedRisk.ClientIdsOf(page.Items) : null);
        api.MapGet("/clients/{id:long}/lifetime", ClientAsync).WithTags("Churn and lifetime value")
            .WithSummary("The client's P(alive), expected purchases in 90 days, CLV and at-risk judgement as of the last refresh; 404 for an unknown client.");
        return api;
    }

    /// <summary>The clients a page of the worklist names: audited alike by the API and <see cref="AtRiskPage"/>.</summary>
    public static IReadOnlyCollection<long> ClientIdsOf(IEnumerable<ChurnRiskRow> rows) => [.. rows.Select(c => c.ClientId)];

    /// <summary>The clients the CLV answer names (its top list): audited alike by the API and <see cref="ClvSection"/>.</summary>
    public static IReadOnlyCollection<long> ClientIdsOf(ClvResponse model) => [.. model.Top.Select(c => c.ClientId)];

    /// <summary>Managers start from their own clients; the owner and the others from everyone's. 0 asks for all explicitly.</summary>
    private static long? ManagerFilter(HttpContext http, long? managerId) =>
        managerId switch
        {
            0 => null,
            { } m => m,
            null => CurrentUser.RoleOf(http.User) == EmployeeRole.Manager ? CurrentUser.IdOf(http.User) : null,
        };

    private static async Task<Results<Ok<ChurnRiskResponse>, ValidationProblem>> WorklistAsync(
        HttpContext http, ClienteleDb db, long? managerId, int? limit, string? after, CancellationToken ct)
    {
        if (managerId is < 0) return ApiConventions.Invalid("managerId", Message.Of("must be an employee id, or 0 for all managers."));
        if (!ApiConventions.TryAfter(after, out var skip) || skip > int.MaxValue) return ApiConventions.Invalid("after", Message.Of("is not a cursor this list gave."));
        var take = ApiConventions.Limit(limit);
        var manager = ManagerFilter(http, managerId);
        var query = LifetimeQueries.Worklist(db, manager);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((int)skip).Take(take + 1).ToListAsync(ct);
        var more = items.Count > take;
        if (more) items.RemoveAt(items.Count - 1);
        var fit = await LifetimeQueries.LastFitAsync(db, ct);
        return TypedResults.Ok(new ChurnRiskResponse(fit?.AsOf, manager, total, items, more ? (skip + take).ToString(CultureInfo.InvariantCulture) : null));
    }

    private static async Task<Results<Ok<LinkedRiskResponse>, ValidationProblem>> LinkedRiskAsync(ClienteleDb db, long? managerId, CancellationToken ct)
    {
        if (managerId is <= 0) return ApiConventions.Invalid("managerId", Message.Of("must be an employee id."));
        return TypedResults.Ok(LinkedRisk.OfManager(await LinkedRisk.ReadAsync(db, null, ct), managerId));
    }

    private static async Task<Results<ExportFileResult, ValidationProblem>> ExportWorklistAsync(
        HttpContext http, ClienteleDb db, IStringLocalizer<LifetimeText> text, TimeProvider clock, long? managerId, string? format, CancellationToken ct)
    {
        if (ExportResults.ParseFormat(format) is not { } fileFormat) return ExportResults.InvalidFormat(format);
        var rows = await LifetimeQueries.Worklist(db, ManagerFilter(http, managerId)).ToListAsync(ct);
        var currency = (await new Company.CompanySettingsReader(db).GetAsync(ct)).BaseCurrency;
        return ExportResults.File(LifetimeExports.Worklist(rows, currency, text), null, fileFormat, CultureInfo.CurrentCulture, "at-risk",
            await db.CompanyTodayAsync(ct));
    }

    private static async Task<Results<ExportFileResult, ValidationProblem>> ExportClvAsync(
        ClienteleDb db, IStringLocalizer<LifetimeText> text, TimeProvider clock, string? format, CancellationToken ct)
    {
        if (ExportResults.ParseFormat(format) is not { } fileFormat) return ExportResults.InvalidFormat(format);
        var rows = await LifetimeQueries.ClvListAsync(db, null, ct);
        var currency = (await new Company.CompanySettingsReader(db).GetAsync(ct)).BaseCurrency;
        return ExportResults.File(LifetimeExports.Clv(rows, currency, text), null, fileFormat, CultureInfo.CurrentCulture, "clv",
            await db.CompanyTodayAsync(ct));
    }

    private static async Task<Results<Created<OpenTaskResponse>, ProblemHttpResult>> CreateTaskAsync(
        long clientId, ClienteleDb db, CancellationToken ct)
    {
        var (outcome, task) = await AtRiskTaskClick.CreateAsync(db, clientId, ct);
        return outcome switch
        {
            TaskClickOutcome.Created => TypedResults.Created($"/api/v1/tasks/{task!.Id}", new OpenTaskResponse(task.Id, task.Title, task.DueAt, task.AssigneeId)),
            TaskClickOutcome.UnknownClient => ApiConventions.NotFound("Client", clientId),
            TaskClickOutcome.AlreadyOpen => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: $"Client {clientId} has an open task for this episode already.",
                extensions: new Dictionary<string, object?> { ["taskId"] = task!.Id, ["task"] = new OpenTaskResponse(task.Id, task.Title, task.DueAt, task.AssigneeId) }),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Client {clientId} is not at risk.",
                detail: "Tasks are made for clients on the at-risk list; lifetime figures come with the refresh after a client's first purchase."),
        };
    }

    private static async Task<Results<Ok<ClientLifetimeResponse>, ProblemHttpResult>> ClientAsync(long id, ClienteleDb db, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == id, ct)) return ApiConventions.NotFound("Client", id);
        return TypedResults.Ok(await LifetimeQueries.ForClientAsync(db, id, ct));
    }

    private static async Task<Ok<LifetimeSettingsResponse>> GetSettingsAsync(ClienteleDb db, HttpContext http, CancellationToken ct)
    {
        var s = await LifetimeSettingsStore.GetAsync(db, ct);
        http.Response.Headers.ETag = ApiConventions.ETag(s.Version);
        return TypedResults.Ok(LifetimeSettingsResponse.Of(s));
    }

    private static async Task<Results<Ok<LifetimeSettingsResponse>, ValidationProblem, ProblemHttpResult>> PutSettingsAsync(
        LifetimeSettingsInput input, ClienteleDb db, HttpContext http, CancellationToken ct)
    {
        var (saved, errors, stale) = await LifetimeSettingsStore.SaveAsync(db, input, ApiConventions.IfMatch(http.Request), ct);
        if (stale) return ApiConventions.Stale((await LifetimeSettingsStore.GetAsync(db, ct)).Version);
        if (saved is null) return ApiConventions.Invalid(errors);
        http.Response.Headers.ETag = ApiConventions.ETag(saved.Version);
        return TypedResults.Ok(LifetimeSettingsResponse.Of(saved));
    }
}
