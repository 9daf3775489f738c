using Microsoft.EntityFrameworkCore;

namespace Clientele.Infrastructure.Jobs;

/// <summary>Runs a registered job under its lock and keeps the run in the JobRuns table; the scheduler and the API both use it.</summary>
public sealed class JobRunner(IEnumerable<IDailyJob> jobs, JobLocks locks, SystemScopes scopes, SystemDbFactory dbs,
    TimeProvider clock, ILogger<JobRunner> log)
{
    private readonly Dictionary<string, IDailyJob> _jobs = jobs.ToDictionary(j => j.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _jobs.Keys;

    public IDailyJob? Find(string name) => _jobs.GetValueOrDefault(name);

    /// <summary>
    /// Runs the job unless another run holds it (then null). <paramref name="stillDue"/> is asked once the lock is held,
    /// with the last run, so that a node that waited for another does not run the job a second time; a job that
    /// throws ends as a failed run with its error, never as a crash of the caller.
    /// </summary>
    public async Task<JobRun?> RunAsync(string name, JobTrigger trigger, Func<JobRun?, bool>? stillDue, CancellationToken ct)
    {
        var job = Find(name) ?? throw new ArgumentException($"There is no job '{name}'.", nameof(name));
        await using var held = await locks.TryTakeAsync(name, ct);
        if (held is null) return null;

        JobRun run;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            if (stillDue is not null && !stillDue(await LastAsync(db, name, ct))) return null;
            // The lock is ours, so a run still marked running died with its process.
            var now = clock.GetUtcNow().UtcDateTime;
            await db.Set<JobRun>().Where(r => r.Name == name && r.Status == JobStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, JobStatus.Failed).SetProperty(r => r.FinishedAt, now)
                    .SetProperty(r => r.Message, "Interrupted: the process ended during the run."), ct);
            run = new JobRun { Name = name, Trigger = trigger, StartedAt = now, Status = JobStatus.Running };
            db.Add(run);
            await db.SaveChangesAsync(ct);
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await job.RunAsync(scope.ServiceProvider, ct);
            run.Status = JobStatus.Succeeded;
            run.Message = scope.ServiceProvider.GetRequiredService<JobReport>().Note;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError(e, "Job {Job} failed", name);
            run.Status = JobStatus.Failed;
            run.Message = Truncate(e is Analytics.Lifetime.ModelFitException or JobFailedException ? e.Message : $"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            run.FinishedAt = clock.GetUtcNow().UtcDateTime;
            if (run.Status == JobStatus.Running)
            {
                run.Status = JobStatus.Failed;
                run.Message = "Cancelled: the application stopped during the run.";
            }
            await using var db = await dbs.CreateDbContextAsync(CancellationToken.None);
            db.Attach(run).State = EntityState.Modified;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return run;
    }

    public static Task<JobRun?> LastAsync(ClienteleDb db, string name, CancellationToken ct) =>
        db.Set<JobRun>().AsNoTracking().Where(r => r.Name == name).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);

    private static string Truncate(string text) => text.Length <= 4000 ? text : text[..3997] + "...";
}

/// <summary>A job's own, already readable reason for failing: stored as it is, without the exception type.</summary>
public sealed class JobFailedException(string message) : Exception(message);
