using Clientele.Features.Access;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Imports;

/// <summary>
/// Runs queued imports in the background, one at a time, so the user can leave the page. The queue is the ImportJobs
/// table: a restart loses nothing, and jobs a stopped process left running are resumed from their checkpoint at start.
/// </summary>
public static class ImportsSetup
{
    /// <summary>One runner instance: the hosted service that runs jobs, and the one the API wakes.</summary>
    public static void AddImports(IServiceCollection services)
    {
        services.AddSingleton<ImportRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportRunner>());
    }
}

public sealed class ImportRunner(SystemDbFactory factory, ILogger<ImportRunner> log) : BackgroundService
{
    private static readonly TimeSpan Look = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim wake = new(0);

    /// <summary>Look for work now rather than at the next tick (a job was just queued).</summary>
    public void Wake() => wake.Release();

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var startup = true;
        string? lastProblem = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (startup) await RemoveStaleUploadsAsync(stop);
                while (await ClaimNextAsync(startup, stop) is { } jobId) await RunOneAsync(jobId, stop);
                (startup, lastProblem) = (false, null);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                // A database that is briefly away (or not migrated yet) must not stop imports for good; the same
                // problem every ten seconds is logged once.
                if (e.Message != lastProblem) log.LogWarning(e, "Could not look for queued imports");
                lastProblem = e.Message;
            }
            try
            {
                await wake.WaitAsync(Look, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>How long an upload that was checked but never imported is kept.</summary>
    public static readonly TimeSpan KeepUnusedUploads = TimeSpan.FromDays(14);

    private async Task RemoveStaleUploadsAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var removed = await RemoveStaleUploadsAsync(db, ImportUploads.Folder, db.UtcNow, ct);
        if (removed > 0) log.LogInformation("Removed {Count} uploads older than {Days} days that no import needs", removed, KeepUnusedUploads.TotalDays);
    }

    /// <summary>Deletes uploads older than <see cref="KeepUnusedUploads"/> that no queued, running or interrupted job still needs.</summary>
    internal static async Task<int> RemoveStaleUploadsAsync(ClienteleDb db, string folder, DateTime nowUtc, CancellationToken ct)
    {
        if (!Directory.Exists(folder)) return 0;
        var cutoff = nowUtc - KeepUnusedUploads;
        var stale = new DirectoryInfo(folder).EnumerateFiles().Where(f => f.LastWriteTimeUtc < cutoff).ToList();
        if (stale.Count == 0) return 0;
        var needed = (await db.Set<ImportJob>().AsNoTracking()
            .Where(j => j.Status == ImportJobStatus.Queued || j.Status == ImportJobStatus.Running || j.Status == ImportJobStatus.Interrupted)
            .Select(j => j.FilePath).ToListAsync(ct)).Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var removed = stale.Where(f => !needed.Contains(f.FullName)).ToList();
        foreach (var file in removed)
        {
            try
            {
                file.Delete();
            }
            catch (IOException)
            {
                // Tried again at the next start.
            }
        }
        return removed.Count;
    }

    /// <summary>
    /// Takes the oldest queued job by moving it to Running in one conditional update, so two app nodes never take the
    /// same job. At start-up a job still marked Running or Interrupted was cut off by a stop and is resumed.
    /// </summary>
    private async Task<long?> ClaimNextAsync(bool startup, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var candidates = await db.Set<ImportJob>().AsNoTracking()
            .Where(j => j.Status == ImportJobStatus.Queued
                || (startup && (j.Status == ImportJobStatus.Running || j.Status == ImportJobStatus.Interrupted)))
            .OrderBy(j => j.Id).Select(j => new { j.Id, j.Status }).Take(20).ToListAsync(ct);
        foreach (var job in candidates)
        {
            if (job.Status != ImportJobStatus.Queued) return job.Id;
            var taken = await db.Set<ImportJob>().Where(j => j.Id == job.Id && j.Status == ImportJobStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportJobStatus.Running), ct);
            if (taken == 1) return job.Id;
        }
        return null;
    }

    private async Task RunOneAsync(long jobId, CancellationToken stop)
    {
        await using var db = await factory.CreateDbContextAsync(stop);
        var creator = await db.Set<ImportJob>().AsNoTracking().Where(j => j.Id == jobId).Select(j => j.CreatedById).SingleAsync(stop);
        var role = creator is null ? (EmployeeRole?)null
            : await db.Users.AsNoTracking().Where(e => e.Id == creator).Select(e => (EmployeeRole?)e.Role).SingleOrDefaultAsync(stop);
        // The import sees and changes what its user may; a job queued without a user (the command line) runs as the system.
        db.Access = creator is { } id && role is { } r ? AccessScope.ForEmployee(id, r) : AccessScope.System;
        try
        {
            var job = await db.Set<ImportJob>().AsNoTracking().SingleAsync(j => j.Id == jobId, stop);
            // Without the user's confirmation of the valid rows, a run that meets a rejected row writes nothing.
            var run = new ImportRunOptions(RefuseRejected: !ImportJobs.OptionsOf(job).SkipInvalid);
            var done = await ImportJobs.RunAsync(db, jobId, progress: null, run, stop);
            log.LogInformation("Import {Job} ended {Status}", jobId, done.Status);
            // A finished import never reads its file again (rollback works from the database), so the upload goes.
            if (done.Status == ImportJobStatus.Completed) ImportUploads.Discard(done.FilePath);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            log.LogInformation("Import {Job} interrupted by shutdown; it resumes at the next start", jobId);
        }
        catch (Exception e)
        {
            log.LogError(e, "Import {Job} failed", jobId);
            await using var fresh = await factory.CreateDbContextAsync(CancellationToken.None);
            var stored = e is Reading.ImportFileException unreadable ? unreadable.Stored : e.Message;
            var message = stored.Length > 2000 ? stored[..2000] : stored;
            await fresh.Set<ImportJob>().Where(j => j.Id == jobId && j.Status != ImportJobStatus.Completed && j.Status != ImportJobStatus.RolledBack)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportJobStatus.Failed).SetProperty(j => j.Error, message), CancellationToken.None);
        }
    }
}
