using System.Globalization;
using System.Security.Claims;
using Clientele.Features.Identity;
using Clientele.Features.Imports.Engine;
using Clientele.Features.Imports.Mapping;
using Clientele.Features.Imports.Reading;
using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Imports;

/// <summary>
/// Imports over HTTP: upload a file (the request body) and get the dry run; adjust the mapping and check again; run it in
/// the background; watch its progress; roll it back. The same jobs the page and the command line use.
/// </summary>
public static class ImportsApi
{
    public static RouteGroupBuilder MapImports(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports").AllowRoles(EmployeeRole.Owner, EmployeeRole.Manager);
        imports.MapPost("/", UploadAsync).AcceptsUpload(ImportUploads.MaxPageUploadBytes)
            .WithSummary("Uploads a file (CSV, XLSX or vCard as the raw request body) and answers the dry run: ?kind=clients|purchases|interactions|service-costs" +
                "&fileName=&onMatch=update|skip&preset=&map=Header=field;…&sheet=&encoding=&delimiter=&region=. Nothing is imported yet.");
        imports.MapGet("/", ListAsync).WithSummary("Import jobs, newest first: the user's own, or all for the owner.");
        imports.MapGet("/{id:long}", GetAsync).WithName("GetImport").WithSummary("One job with its progress: rows done, rows per second, seconds left.");
        imports.MapPost("/{id:long}/dry-run", DryRunAgainAsync).WithSummary("Checks the file again with a changed mapping or options; writes nothing.");
        imports.MapPost("/{id:long}/run", RunAsync)
            .WithSummary("Starts the import in the background; {skipInvalid: true} confirms importing the valid rows when some are rejected.");
        imports.MapPost("/{id:long}/rollback", RollbackAsync).WithSummary("Undoes a whole import: created rows removed, updated rows restored. ?force=true also removes what was added to them since.");
        return api;
    }

    private static long? Me(ClaimsPrincipal user) => CurrentUser.IdOf(user);

    /// <summary>The jobs a user may see: the owner all, anyone else their own.</summary>
    public static IQueryable<ImportJob> Visible(ClienteleDb db, ClaimsPrincipal user)
    {
        var jobs = db.Set<ImportJob>().AsQueryable();
        if (CurrentUser.RoleOf(user) == EmployeeRole.Owner) return jobs;
        var me = Me(user);
        return jobs.Where(j => j.CreatedById == me);
    }

    private static async Task<Results<Created<ImportReport>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpRequest request, ClienteleDb db, ClaimsPrincipal user, string? kind, string? fileName, string? onMatch, string? preset,
        string? map, string? sheet, string? encoding, string? delimiter, string? region, CancellationToken ct)
    {
        var errors = new Errors();
        var options = ReadOptions(errors, kind ?? "clients", onMatch, preset, map, sheet, encoding, delimiter, region);
        var name = string.IsNullOrWhiteSpace(fileName) ? "upload" : Path.GetFileName(fileName.Trim());
        if (name.Length > 260) errors.Add("fileName", Message.Of("At most 260 characters."));
        if (errors.Any) return ApiConventions.Invalid(errors);
        var path = await ImportUploads.SaveAsync(request.Body, name, db.UtcNow, ct);
        if (new FileInfo(path).Length == 0)
        {
            File.Delete(path);
            return ApiConventions.Invalid("file", Message.Of("The request body is empty: send the file itself as the body."));
        }
        var job = await ImportJobs.CreateAsync(db, path, name, options!, Me(user), ct);
        var (report, problem) = await CheckAsync(db, job.Id, ct);
        if (report is { RowsTotal: > 0 }) return TypedResults.Created($"/api/v1/imports/{job.Id}", report);
        // A file that cannot be imported leaves nothing behind: no job to clutter the list, no stored copy.
        await db.Set<ImportJob>().Where(j => j.Id == job.Id).ExecuteDeleteAsync(CancellationToken.None);
        ImportUploads.Discard(path);
        return problem is not null
            ? TypedResults.Problem(statusCode: problem.ProblemDetails.Status, title: problem.ProblemDetails.Title, detail: problem.ProblemDetails.Detail)
            : ApiConventions.Invalid("file", Message.Of("The file has no data rows under its header row."));
    }

    /// <summary>Runs the dry run, turning a file or mapping that cannot be used into a 400 that says where and why.</summary>
    private static async Task<(ImportReport? Report, ProblemHttpResult? Problem)> CheckAsync(ClienteleDb db, long jobId, CancellationToken ct)
    {
        try
        {
            return (ImportReasonText.InReadersLanguage(await ImportJobs.DryRunAsync(db, jobId, progress: null, ct)), null);
        }
        catch (ImportFileException e)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "The file cannot be read.", e.Located, jobId));
        }
        catch (ImportMappingException e)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "The columns cannot be mapped.", e.Text.Render(), jobId));
        }
    }

    private static ProblemHttpResult Problem(int status, string title, string detail, long jobId) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["jobId"] = jobId });

    /// <summary>Options from the query (upload) or body (dry run again); null with <paramref name="errors"/> filled when bad.</summary>
    internal static ImportOptions? ReadOptions(Errors errors, string kind, string? onMatch, string? preset, string? map, string? sheet,
        string? encoding, string? delimiter, string? region)
    {
        ImportKind? parsedKind = kind.Trim().ToLowerInvariant().Replace("-", "").Replace("_", "") switch
        {
            "clients" => ImportKind.Clients,
            "purchases" => ImportKind.Purchases,
            "interactions" => ImportKind.Interactions,
            "servicecosts" => ImportKind.ServiceCosts,
            _ => null,
        };
        if (parsedKind is null) errors.Add("kind", Message.Of("One of clients, purchases, interactions, service-costs."));
        ImportMatchPolicy? policy = (onMatch ?? "update").Trim().ToLowerInvariant() switch
        {
            "update" => ImportMatchPolicy.Update,
            "skip" => ImportMatchPolicy.Skip,
            _ => null,
        };
        if (policy is null) errors.Add("onMatch", Message.Of("update or skip."));
        IReadOnlyDictionary<string, string>? columns = null;
        if (!string.IsNullOrWhiteSpace(map))
        {
            try
            {
                columns = ImportMapping.ParseSpec(map);
            }
            catch (ImportMappingException e)
            {
                errors.Add("map", e.Text);
            }
        }
        char? separator = delimiter switch
        {
            null or "" => null,
            "tab" or "\\t" or "\t" => '\t',
            { Length: 1 } d => d[0],
            _ => '\0',
        };
        if (separator == '\0') errors.Add("delimiter", Message.Of("One character, or 'tab'."));
        var phoneRegion = string.IsNullOrWhiteSpace(region) ? "RU" : region.Trim().ToUpperInvariant();
        if (phoneRegion.Length != 2 || !phoneRegion.All(char.IsAsciiLetterUpper)) errors.Add("region", Message.Of("A two-letter country code such as RU or DE."));
        if (encoding is { Length: > 40 }) errors.Add("encoding", Message.Of("At most 40 characters."));
        if (preset is { Length: > 100 }) errors.Add("preset", Message.Of("At most 100 characters."));
        if (sheet is { Length: > 100 }) errors.Add("sheet", Message.Of("At most 100 characters."));
        if (errors.Any) return null;
        return new ImportOptions(parsedKind!.Value, columns, string.IsNullOrWhiteSpace(preset) ? null : preset.Trim(), policy!.Value,
            new TabularOptions(string.IsNullOrWhiteSpace(sheet) ? null : sheet.Trim(), string.IsNullOrWhiteSpace(encoding) ? null : encoding.Trim(), separator),
            phoneRegion);
    }

    private static async Task<Ok<ImportJobResponse[]>> ListAsync(ClienteleDb db, ClaimsPrincipal user, TimeProvider clock, int? limit, CancellationToken ct)
    {
        var jobs = await Visible(db, user).AsNoTracking().OrderByDescending(j => j.Id).Take(ApiConventions.Limit(limit)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(jobs.Select(j => ImportJobResponse.Of(j, now)).ToArray());
    }

    private static async Task<Results<Ok<ImportJobResponse>, ProblemHttpResult>> GetAsync(long id, ClienteleDb db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        await Visible(db, user).AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct) is { } job
            ? TypedResults.Ok(ImportJobResponse.Of(job, clock.GetUtcNow().UtcDateTime))
            : ApiConventions.NotFound("Import", id);

    private static async Task<Results<Ok<ImportReport>, ValidationProblem, ProblemHttpResult>> DryRunAgainAsync(
        long id, ImportOptionsInput input, ClienteleDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        var job = await Visible(db, user).SingleOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return ApiConventions.NotFound("Import", id);
        if (job.Status is not (ImportJobStatus.Analyzed or ImportJobStatus.Failed))
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"The import is {job.Status.ToString().ToLowerInvariant()}; only a file not yet imported can be checked again.");
        var current = ImportJobs.OptionsOf(job);
        var errors = new Errors();
        var options = ReadOptions(errors, input.Kind ?? KindName(current.Kind), input.OnMatch ?? current.OnMatch.ToString(), input.Preset ?? current.Preset,
            null, input.Sheet ?? current.File?.Sheet, input.Encoding ?? current.File?.Encoding,
            input.Delimiter ?? current.File?.Delimiter?.ToString(), input.Region ?? current.DefaultRegion);
        if (options is null) return ApiConventions.Invalid(errors);
        await ImportJobs.ReconfigureAsync(db, job.Id, options with { Map = input.Map ?? (input.Preset is null ? current.Map : null) }, ct);
        return await CheckAsync(db, job.Id, ct) switch
        {
            ({ } report, _) => TypedResults.Ok(report),
            (_, var problem) => problem!,
        };
    }

    public static string KindName(ImportKind kind) => kind switch
    {
        ImportKind.ServiceCosts => "service-costs",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static async Task<Results<Accepted<ImportJobResponse>, ProblemHttpResult>> RunAsync(
        long id, RunImportInput input, ClienteleDb db, ClaimsPrincipal user, ImportRunner runner, TimeProvider clock, CancellationToken ct)
    {
        var job = await Visible(db, user).SingleOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return ApiConventions.NotFound("Import", id);
        if (job.Status is not (ImportJobStatus.Analyzed or ImportJobStatus.Failed or ImportJobStatus.Interrupted))
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"The import is already {job.Status.ToString().ToLowerInvariant()}.");
        if (job.RowsRejected > 0 && !input.SkipInvalid)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: $"{job.RowsRejected.ToString("N0", CultureInfo.InvariantCulture)} rows would be rejected.",
                detail: "Fix the file, or send {\"skipInvalid\": true} to import the valid rows only.");
        try
        {
            await ImportJobs.QueueAsync(db, job.Id, input.SkipInvalid, ct);
        }
        catch (ImportRefusedException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The import cannot start.", detail: e.Message);
        }
        runner.Wake();
        var queued = await db.Set<ImportJob>().AsNoTracking().SingleAsync(j => j.Id == id, ct);
        return TypedResults.Accepted($"/api/v1/imports/{id}", ImportJobResponse.Of(queued, clock.GetUtcNow().UtcDateTime));
    }

    private static async Task<Results<Ok<ImportJobResponse>, ProblemHttpResult>> RollbackAsync(
        long id, bool? force, ClienteleDb db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        if (!await Visible(db, user).AnyAsync(j => j.Id == id, ct)) return ApiConventions.NotFound("Import", id);
        try
        {
            var job = await ImportJobs.RollbackAsync(db, id, force == true, ct);
            return TypedResults.Ok(ImportJobResponse.Of(job, clock.GetUtcNow().UtcDateTime));
        }
        catch (ImportRefusedException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The import cannot be rolled back.", detail: e.Message);
        }
    }
}

public sealed record ImportOptionsInput(
    string? Kind = null, IReadOnlyDictionary<string, string>? Map = null, string? Preset = null, string? OnMatch = null,
    string? Sheet = null, string? Encoding = null, string? Delimiter = null, string? Region = null);

public sealed record RunImportInput(bool SkipInvalid = false);

/// <summary>A job as the API and the page show it, with its speed and time left worked out.</summary>
public sealed record ImportJobResponse(
    long Id, ImportKind Kind, ImportJobStatus Status, string FileName, string? FileDescription, DateTime CreatedAt, DateTime? StartedAt,
    DateTime? FinishedAt, string? Phase, long? RowsTotal, long RowsDone, double? Percent, double? RowsPerSecond, double? SecondsLeft,
    long RowsCreated, long RowsUpdated, long RowsMerged, long RowsSkipped, long RowsRejected, long RowsForReview, string? Error)
{
    /// <summary>Rows that made new records (see <see cref="ImportJob.RowsNew"/>).</summary>
    public long RowsNew => Kind == ImportKind.Clients ? RowsCreated - RowsForReview : RowsCreated;

    public static ImportJobResponse Of(ImportJob j, DateTime nowUtc)
    {
        double? percent = j.Status == ImportJobStatus.Completed ? 100
            : j.RowsTotal is > 0 ? Math.Min(100, 100.0 * j.Checkpoint / j.RowsTotal.Value) : null;
        double? speed = null, left = null;
        if (j.Status == ImportJobStatus.Running && j.StartedAt is { } started && nowUtc > started && j.Checkpoint > 0)
        {
            speed = j.Checkpoint / (nowUtc - started).TotalSeconds;
            if (j.RowsTotal is { } total && speed > 0) left = Math.Max(0, (total - j.Checkpoint) / speed.Value);
        }
        return new ImportJobResponse(j.Id, j.Kind, j.Status, j.FileName, j.FileDescription, j.CreatedAt, j.StartedAt, j.FinishedAt, j.Phase,
            j.RowsTotal, j.Checkpoint, percent, speed, left, j.RowsCreated, j.RowsUpdated, j.RowsMerged, j.RowsSkipped, j.RowsRejected,
            j.RowsForReview, ImportFileException.Show(j.Error));
    }
}
