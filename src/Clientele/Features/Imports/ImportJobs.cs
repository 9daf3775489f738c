using System.Runtime;
using System.Security.Cryptography;
using System.Text.Json;
using Clientele.Features.Imports.Engine;
using Clientele.Features.Imports.Mapping;
using Clientele.Features.Imports.Reading;
using Clientele.Features.Imports.Records;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Imports;

/// <summary>Creates, dry-runs, runs, resumes and rolls back import jobs; the CLI, the API and the page all go through here.</summary>
public static class ImportJobs
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly ImportJobStatus[] Unfinished = [ImportJobStatus.Queued, ImportJobStatus.Running, ImportJobStatus.Interrupted, ImportJobStatus.Failed];

    /// <summary>A job for a file at <paramref name="storedPath"/> (the user's file, or an upload); resumes nothing, writes nothing.</summary>
    public static async Task<ImportJob> CreateAsync(ClienteleDb db, string storedPath, string fileName, ImportOptions options, long? employeeId, CancellationToken ct)
    {
        var job = new ImportJob
        {
            Kind = options.Kind,
            Status = ImportJobStatus.Analyzed,
            FileName = fileName.Length <= 260 ? fileName : fileName[^260..],
            FilePath = storedPath,
            FileHash = await HashAsync(storedPath, ct),
            FileSize = new FileInfo(storedPath).Length,
            OptionsJson = JsonSerializer.Serialize(options, Json),
            CreatedById = employeeId,
            CreatedAt = db.UtcNow,
        };
        db.Add(job);
        await db.SaveChangesAsync(ct);
        return job;
    }

    /// <summary>
    /// The unfinished job (queued, running when its process died, interrupted or failed) for the same file content and
    /// the same options, if any: running it again resumes after its checkpoint instead of importing the file twice.
    /// </summary>
    public static async Task<ImportJob?> FindUnfinishedAsync(ClienteleDb db, string path, ImportOptions options, CancellationToken ct)
    {
        var hash = await HashAsync(path, ct);
        var json = JsonSerializer.Serialize(options, Json);
        return await db.Set<ImportJob>().Where(j => j.FileHash == hash && j.OptionsJson == json && Unfinished.Contains(j.Status))
            .OrderByDescending(j => j.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Reads the whole file and says what each row would do; changes nothing but the job's counts and status.</summary>
    public static Task<ImportReport> DryRunAsync(ClienteleDb db, long jobId, IProgress<ImportProgress>? progress, CancellationToken ct) =>
        DryRunAsync(db, jobId, progress, null, ct);

    /// <param name="everyRow">Called with the outcome of every row, in file order (the CLI's --report).</param>
    public static async Task<ImportReport> DryRunAsync(ClienteleDb db, long jobId, IProgress<ImportProgress>? progress,
        Action<ImportRowOutcome>? everyRow, CancellationToken ct)
    {
        var job = await FindAsync(db, jobId, ct);
        var options = OptionsOf(job);
        using var file = TabularFiles.Open(job.FilePath, options.File);
        var map = await ImportMapping.ResolveAsync(db, options, file.Header, ct);
        ImportReport report;
        if (job.Kind == ImportKind.Clients)
        {
            var import = await ClientImport.OpenAsync(db, job, options, file, map, "checking", progress, ct);
            report = await import.DryRunAsync(everyRow, ct);
        }
        else report = await RecordImport.RunAsync(db, job, options, file, map, write: false, progress, ct);
        report = report with { JobId = job.Id, Map = map.ToDictionary(file.Header) };

        job.FileDescription = Clip(file.Description, 300);
        job.RowsTotal = report.RowsTotal;
        (job.RowsCreated, job.RowsUpdated, job.RowsMerged, job.RowsSkipped, job.RowsRejected, job.RowsForReview) =
            (report.Create, report.Update, report.Merge, report.Skip, report.Reject, report.Review);
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>Runs (or resumes) the import to the end; all of it lands or, if rolled back, none of it.</summary>
    public static Task<ImportJob> RunAsync(ClienteleDb db, long jobId, IProgress<ImportProgress>? progress, CancellationToken ct) =>
        RunAsync(db, jobId, progress, new ImportRunOptions(), ct);

    public static async Task<ImportJob> RunAsync(ClienteleDb db, long jobId, IProgress<ImportProgress>? progress, ImportRunOptions run, CancellationToken ct)
    {
        var job = await FindAsync(db, jobId, ct);
        if (job.Status is ImportJobStatus.Completed or ImportJobStatus.RolledBack)
            throw new ImportRefusedException($"import {job.Id} is {job.Status.ToString().ToLowerInvariant()}; it cannot run again.");
        var options = OptionsOf(job);
        job.Status = ImportJobStatus.Running;
        job.StartedAt ??= db.UtcNow;
        job.Error = null;
        job.Phase = "staging";
        await db.SaveChangesAsync(ct);
        try
        {
            if (!await StageAsync(db, job, options, progress, run, ct)) return job;
            if (job.RowsTotal >= 100_000)
            {
                // The staging pass's key maps are garbage now: give their memory back before the merge's database work
                // takes its own, so the peak is the larger of the two rather than their sum.
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
            if (run.RefuseRejected && await db.Set<StagedClient>().AnyAsync(s => s.JobId == job.Id && s.Action == ImportRowAction.Reject, ct))
            {
                await StagedClientsMerge.CountAsync(db, job, ct);
                (job.Status, job.Phase, job.Checkpoint) = (ImportJobStatus.Analyzed, null, 0);
                await db.SaveChangesAsync(ct);
                await db.Set<StagedClient>().Where(s => s.JobId == job.Id).ExecuteDeleteAsync(CancellationToken.None);
                return job;
            }
            job.Phase = "merging";
            await db.SaveChangesAsync(ct);
            progress?.Report(new ImportProgress(job.Id, "merging", job.RowsTotal ?? 0, job.RowsTotal, 0, null));
            await StagedClientsMerge.RunAsync(db, job, ct);
        }
        catch (Exception e)
        {
            await MarkStoppedAsync(db, job, e);
            throw;
        }
        // Only what rollback needs outlives the job; outside the merge's transaction, a kill here leaves mere leftovers.
        using (ImportTrace.Start("drop staged rows")) await StagingWriter.DropStagedAsync(db, job.Id, CancellationToken.None);
        return job;
    }

    /// <summary>Stages a client file (false: it was a records file, imported to the end already).</summary>
    private static async Task<bool> StageAsync(ClienteleDb db, ImportJob job, ImportOptions options, IProgress<ImportProgress>? progress,
        ImportRunOptions run, CancellationToken ct)
    {
        using var file = TabularFiles.Open(job.FilePath, options.File);
        var map = await ImportMapping.ResolveAsync(db, options, file.Header, ct);
        job.FileDescription = Clip(file.Description, 300);
        if (job.Kind != ImportKind.Clients)
        {
            await RunRecordsAsync(db, job, options, file, map, progress, ct);
            return false;
        }
        var import = await ClientImport.OpenAsync(db, job, options, file, map, "staging", progress, ct);
        await import.StageAsync(run.EveryRow, ct);
        return true;
    }

    private static async Task RunRecordsAsync(ClienteleDb db, ImportJob job, ImportOptions options, ITabularReader file, ColumnMap map,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var report = await RecordImport.RunAsync(db, job, options, file, map, write: true, progress, ct);
        if (db.Entry(job).State == EntityState.Detached) db.Attach(job);
        job.RowsTotal = report.RowsTotal;
        (job.RowsCreated, job.RowsUpdated, job.RowsMerged, job.RowsSkipped, job.RowsRejected, job.RowsForReview) =
            (report.Create, report.Update, report.Merge, report.Skip, report.Reject, report.Review);
        job.Status = ImportJobStatus.Completed;
        job.Phase = null;
        job.FinishedAt = db.UtcNow;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The job row as committed (not the aborted batch's checkpoint), marked interrupted or failed.</summary>
    private static async Task MarkStoppedAsync(ClienteleDb db, ImportJob job, Exception e)
    {
        try
        {
            db.ChangeTracker.Clear();
            var stored = await db.Set<ImportJob>().SingleAsync(j => j.Id == job.Id);
            stored.Status = e is OperationCanceledException ? ImportJobStatus.Interrupted : ImportJobStatus.Failed;
            stored.Error = e is OperationCanceledException ? null : Clip(e is ImportFileException f ? f.Stored : e.Message, 2000);
            await db.SaveChangesAsync();
            (job.Status, job.Error, job.Checkpoint) = (stored.Status, stored.Error, stored.Checkpoint);
        }
        catch (Exception)
        {
            // The database itself may be what failed; the job then stays Running and the next run resumes it all the same.
        }
    }

    /// <summary>Hands the job to the background runner; the page polls the job row for progress.</summary>
    public static Task QueueAsync(ClienteleDb db, long jobId, CancellationToken ct) => QueueAsync(db, jobId, skipInvalid: false, ct);

    /// <param name="skipInvalid">The user confirmed importing the valid rows: the runner then merges despite rejected ones.</param>
    public static async Task QueueAsync(ClienteleDb db, long jobId, bool skipInvalid, CancellationToken ct)
    {
        var job = await FindAsync(db, jobId, ct);
        if (job.Status is ImportJobStatus.Completed or ImportJobStatus.RolledBack)
            throw new ImportRefusedException($"import {job.Id} is {job.Status.ToString().ToLowerInvariant()}; it cannot be queued.");
        job.OptionsJson = JsonSerializer.Serialize(OptionsOf(job) with { SkipInvalid = skipInvalid }, Json);
        job.Status = ImportJobStatus.Queued;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>New options (a corrected mapping) for a job not yet imported; it is back to Analyzed, to be checked again.</summary>
    public static async Task ReconfigureAsync(ClienteleDb db, long jobId, ImportOptions options, CancellationToken ct)
    {
        var job = await FindAsync(db, jobId, ct);
        job.OptionsJson = JsonSerializer.Serialize(options, Json);
        (job.Status, job.Error) = (ImportJobStatus.Analyzed, null);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes what the job created and restores what it updated.</summary>
    public static Task<ImportJob> RollbackAsync(ClienteleDb db, long jobId, CancellationToken ct) => RollbackAsync(db, jobId, force: false, ct);

    /// <param name="force">Roll back even when created clients have since gained purchases or interactions (they go too).</param>
    public static async Task<ImportJob> RollbackAsync(ClienteleDb db, long jobId, bool force, CancellationToken ct)
    {
        var job = await FindAsync(db, jobId, ct);
        if (job.Status != ImportJobStatus.Completed)
            throw new ImportRefusedException($"import {job.Id} is {job.Status.ToString().ToLowerInvariant()}; only a completed import can be rolled back.");
        if (job.Kind == ImportKind.Clients) await ClientRollback.RunAsync(db, job, force, ct);
        else
        {
            await RecordImport.RollbackAsync(db, job, ct);
            if (db.Entry(job).State == EntityState.Detached) db.Attach(job);
            job.Status = ImportJobStatus.RolledBack;
            job.FinishedAt = db.UtcNow;
            await db.SaveChangesAsync(ct);
        }
        return job;
    }

    public static ImportOptions OptionsOf(ImportJob job) => JsonSerializer.Deserialize<ImportOptions>(job.OptionsJson, Json)!;

    private static async Task<ImportJob> FindAsync(ClienteleDb db, long jobId, CancellationToken ct) =>
        await db.Set<ImportJob>().SingleOrDefaultAsync(j => j.Id == jobId, ct) ?? throw new ImportRefusedException($"there is no import {jobId}.");

    public static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <param name="RefuseRejected">Stop before the merge when any row was rejected (the CLI without --skip-invalid): the base
/// stays untouched, the staged rows are dropped, and the job is back to Analyzed with its counts.</param>
/// <param name="EveryRow">Called with the outcome of every row this run stages, in file order.</param>
public sealed record ImportRunOptions(bool RefuseRejected = false, Action<ImportRowOutcome>? EveryRow = null);
