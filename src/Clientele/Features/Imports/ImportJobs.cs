using System.Text.Json;

namespace Clientele.Features.Imports;

/// <summary>Creates, dry-runs, runs, resumes and rolls back import jobs; the CLI, the API and the page all go through here.</summary>
public static class ImportJobs
{
    // SKELETON: the import-engine helper implements these. Signatures are what the page and the CLI call.
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A job for a file already stored by <see cref="ImportStorage.SaveAsync"/>; resumes nothing, writes nothing.</summary>
    public static Task<ImportJob> CreateAsync(ClienteleDb db, string storedPath, string fileName, ImportOptions options, long? employeeId, CancellationToken ct) =>
        throw new NotSupportedException("import engine pending");

    /// <summary>Reads the whole file and says what each row would do; changes nothing but the job's counts and status.</summary>
    public static Task<ImportReport> DryRunAsync(ClienteleDb db, long jobId, IProgress<ImportProgress>? progress, CancellationToken ct) =>
        throw new NotSupportedException("import engine pending");

    /// <summary>Runs (or resumes) the import to the end; all of it lands or, if rolled back, none of it.</summary>
    public static Task<ImportJob> RunAsync(ClienteleDb db, long jobId, IProgress<ImportProgress>? progress, CancellationToken ct) =>
        throw new NotSupportedException("import engine pending");

    /// <summary>Hands the job to the background runner; the page polls the job row for progress.</summary>
    public static Task QueueAsync(ClienteleDb db, long jobId, CancellationToken ct) =>
        throw new NotSupportedException("import engine pending");

    /// <summary>Removes what the job created and restores what it updated.</summary>
    public static Task<ImportJob> RollbackAsync(ClienteleDb db, long jobId, CancellationToken ct) =>
        throw new NotSupportedException("import engine pending");

    public static ImportOptions OptionsOf(ImportJob job) => JsonSerializer.Deserialize<ImportOptions>(job.OptionsJson, Json)!;
}

/// <summary>Keeps uploaded import files where the background runner and a resumed run find them.</summary>
public static class ImportStorage
{
    // SKELETON: the import-engine helper decides the folder (beside the database) and the naming.
    public static Task<string> SaveAsync(Stream content, string fileName, CancellationToken ct) =>
        throw new NotSupportedException("import engine pending");
}
