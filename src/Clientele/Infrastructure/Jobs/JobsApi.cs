using Clientele.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Infrastructure.Jobs;

/// <param name="Error">A failed run's reason.</param>
/// <param name="Note">What a run that did not fail had to say, e.g. that it had nothing to do.</param>
public sealed record JobRunResponse(long Id, string Name, JobTrigger Trigger, DateTime StartedAt, DateTime? FinishedAt, JobStatus Status, string? Error, string? Note)
{
    public static JobRunResponse Of(JobRun r) => new(r.Id, r.Name, r.Trigger, r.StartedAt, r.FinishedAt, r.Status,
        r.Status == JobStatus.Failed ? r.Message : null, r.Status == JobStatus.Failed ? null : r.Message);
}

public sealed record JobResponse(string Name, int HourUtc, JobRunResponse? LastRun, IReadOnlyList<JobRunResponse> RecentRuns);

public static class JobsApi
{
    public static RouteGroupBuilder MapJobs(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/jobs").WithTags("Jobs").AllowRoles(EmployeeRole.Owner);
        jobs.MapGet("", List).WithSummary("The background jobs, each with its hour (UTC) and its recent runs.");
        jobs.MapPost("/{name}/run", Run)
            .WithSummary("Runs the job now and answers with the finished run (a failed run is 200 with its error); 409 while it runs elsewhere.");
        return api;
    }

    private static async Task<Ok<List<JobResponse>>> List(JobRunner runner, IServiceProvider services, ClienteleDb db, CancellationToken ct)
    {
        var result = new List<JobResponse>();
        foreach (var name in runner.Names.Order(StringComparer.Ordinal))
        {
            var runs = await db.Set<JobRun>().AsNoTracking().Where(r => r.Name == name)
                .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(10).ToListAsync(ct);
            var hour = await runner.Find(name)!.HourUtcAsync(services, ct);
            result.Add(new JobResponse(name, hour, runs.Count > 0 ? JobRunResponse.Of(runs[0]) : null, [.. runs.Select(JobRunResponse.Of)]));
        }
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<JobRunResponse>, ProblemHttpResult>> Run(string name, JobRunner runner)
    {
        if (runner.Find(name) is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no job '{name}'.",
                detail: "Known jobs: " + string.Join(", ", runner.Names.Order(StringComparer.Ordinal)) + ".");
        // The run goes on when the caller leaves: half a refresh helps no one.
        var run = await runner.RunAsync(name, JobTrigger.OnDemand, null, CancellationToken.None);
        return run is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Job '{name}' is running already.")
            : TypedResults.Ok(JobRunResponse.Of(run));
    }
}
