using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Tasks;

public sealed class TaskInput
{
    public long ClientId { get; set; }
    public string? Title { get; set; }
    public string? Details { get; set; }
    public DateTime DueAt { get; set; }
    /// <summary>Who must do it; the signed-in user when left out.</summary>
    public long? AssigneeId { get; set; }
    public bool Done { get; set; }
    /// <summary>What came of it (optional); kept only on a done task.</summary>
    public string? Result { get; set; }
    /// <summary>Set by the check from the clock: when the task was first marked done.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    internal DateTime? DoneAt { get; set; }
}

public sealed record TaskResponse(long Id, long ClientId, string? ClientName, string Title, string? Details, DateTime DueAt, long? AssigneeId, string? AssigneeName, bool Done, DateTime? DoneAt, long Version, string? Result = null);

public static class TasksApi
{
    public const int ResultMax = 500;

    public static readonly EntitySpec<FollowUpTask, TaskInput, TaskResponse> Spec = new()
    {
        Name = "Task",
        Query = db => db.Tasks.Include(t => t.Client).Include(t => t.Assignee),
        ToInput = t => new TaskInput { ClientId = t.ClientId, Title = TaskTexts.ForInput(t.Title), Details = TaskTexts.ForInput(t.Details), DueAt = t.DueAt, AssigneeId = t.AssigneeId, Done = t.Done, Result = t.Result },
        // Titles and details the system stored as kinds are answered in the caller's language (the request's culture).
        ToResponse = t => new TaskResponse(t.Id, t.ClientId, t.Client?.Name, TaskTexts.Show(t.Title), TaskTexts.ShowOptional(t.Details), t.DueAt, t.AssigneeId, t.Assignee?.DisplayName, t.Done, t.DoneAt, t.Version, t.Result),
        Check = CheckAsync,
        Create = input => Apply(new FollowUpTask { Title = input.Title! }, input),
        Apply = (t, input) => Apply(t, input),
    };

    public static RouteGroupBuilder MapTasks(this RouteGroupBuilder api)
    {
        api.MapEntity("/tasks", "Tasks", Spec, (query, request) =>
        {
            if (EntityEndpoints.LongQuery(request, "clientId") is { } clientId) query = query.Where(t => t.ClientId == clientId);
            if (EntityEndpoints.LongQuery(request, "assigneeId") is { } assigneeId) query = query.Where(t => t.AssigneeId == assigneeId);
            if (bool.TryParse(request.Query["done"], out var done)) query = query.Where(t => t.Done == done);
            return query;
        }).AddEndpointFilter(DefaultEmployee.Filter).AuditsEntityClientRows<TaskResponse>(t => t.ClientId);
        api.MapGet("/tasks/mine", Mine).WithTags("Tasks").WithName("ListMyTasks").WithSummary("The caller's open tasks, earliest due first.")
            .AuditsClientRows(value => value is List<TaskResponse> tasks ? [.. tasks.Select(t => t.ClientId)] : null);
        return api;
    }

    /// <summary>The signed-in user's open tasks, overdue first, then by due date.</summary>
    private static async Task<Ok<List<TaskResponse>>> Mine(HttpContext http, ClienteleDb db, CancellationToken ct)
    {
        var me = CurrentUser.IdOf(http.User);
        var tasks = await TaskQueries.OpenFor(db, me).Take(200).ToListAsync(ct);
        return TypedResults.Ok(tasks.Select(Spec.ToResponse).ToList());
    }

    private static async Task<Errors> CheckAsync(CheckContext<FollowUpTask> ctx, TaskInput input)
    {
        var e = new Errors();
        var db = ctx.Db;
        if (ctx.Existing is { } existing && existing.ClientId != input.ClientId) e.Add("clientId", Message.Of("a task cannot be moved to another client."));
        else if (ctx.Existing is null && !await db.Clients.AnyAsync(c => c.Id == input.ClientId, ctx.Cancellation))
            e.Add("clientId", Message.Of("there is no client {0}.", input.ClientId));
        input.Title = TaskTexts.KeepsStoredKind(ctx.Existing?.Title, input.Title) ? ctx.Existing!.Title : e.Required("title", input.Title, 200);
        input.Details = TaskTexts.KeepsStoredKind(ctx.Existing?.Details, input.Details) ? ctx.Existing!.Details : e.Optional("details", input.Details, 2000);
        if (input.DueAt == default) e.Add("dueAt", Message.Of("is required."));
        if (input.AssigneeId is { } assigneeId && !await db.Set<Employee>().AnyAsync(x => x.Id == assigneeId && x.IsActive, ctx.Cancellation))
            e.Add("assigneeId", Message.Of("there is no active employee {0}.", assigneeId));
        // Checked whether or not the task is done, so an oversized result is refused rather than quietly dropped.
        var result = e.Optional("result", input.Result, ResultMax);
        input.Result = input.Done ? result : null;
        input.DoneAt = !input.Done ? null : ctx.Existing is { Done: true, DoneAt: { } earlier } ? earlier : db.UtcNow;
        return e;
    }

    private static FollowUpTask Apply(FollowUpTask t, TaskInput input)
    {
        t.ClientId = input.ClientId; t.Title = input.Title!; t.Details = input.Details; t.DueAt = input.DueAt;
        t.AssigneeId = input.AssigneeId; t.Done = input.Done; t.Result = input.Result;
        t.DoneAt = input.DoneAt;
        return t;
    }
}

public static class TaskQueries
{
    public static IQueryable<FollowUpTask> OpenFor(ClienteleDb db, long? employeeId) =>
        db.Tasks.AsNoTracking().Include(t => t.Client).Include(t => t.Assignee)
            .Where(t => !t.Done && t.AssigneeId == employeeId)
            .OrderBy(t => t.DueAt);
}
