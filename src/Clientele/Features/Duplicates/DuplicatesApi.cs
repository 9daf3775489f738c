using System.Globalization;
using Clientele.Features.Audit;
using Clientele.Features.Exports.Formats;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Duplicates;

public sealed record MergeRequest(long? KeepId, long? MergeId);

public sealed record ScanResponse(int Clients, int ExactPairs, int FuzzyPairs, int Opened, int Removed, int Open, double Seconds);

/// <summary>The duplicates review: the list, the scan, dismissing a pair, merging two clients and undoing a merge.</summary>
public static class DuplicatesApi
{
    public static RouteGroupBuilder MapDuplicates(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/duplicates").WithTags("Duplicates").AllowRoles(EmployeeRole.Owner, EmployeeRole.Manager);
        group.MapGet("", ListAsync)
            .WithSummary("Duplicate candidates (?status=Open|Merged|Dismissed|all, default Open; ?source=Scan|Import; ?importJob=ID; ?after=&limit=) "
                + "with both clients' name, city, phone, e-mail, tax id, manager and purchase count. A manager sees pairs of their own clients.")
            .AuditsClientRows(value => value is Page<DuplicatePair> page ? ClientIdsOf(page.Items) : null);
        group.MapPost("/scan", ScanAsync)
            .WithSummary("Scans the base (the caller's clients) for duplicates by tax id, phone, e-mail and fuzzy name in the same city; dismissed pairs stay dismissed.");
        group.MapPost("/{id:long}/dismiss", DismissAsync).WithSummary("Marks an open pair as not a duplicate; a later scan does not open it again.");
        group.MapGet("/merge-preview", PreviewAsync)
            // Both clients' fields side by side: a read of two clients, audited and stopped like any list of client rows.
            .AuditsClientRows(value => value is MergePreview preview ? [preview.KeptId, preview.MergedId] : null)
            .WithSummary("What merging mergeId into keepId would do, writing nothing: each field's two values and which one the kept client will hold "
                + "(takesMerged: an empty field filled from the merged client), and how many purchases, interactions, contacts and tasks move.");
        group.MapPost("/merge", MergeAsync)
            .WithSummary("Merges client mergeId into keepId: all its purchases, interactions, contacts and history move, empty fields are filled, it is deleted. Undoable.");
        group.MapGet("/merges", MergesAsync).WithSummary("The latest merges (?limit=), newest first, with whether each can still be undone.");
        group.MapPost("/merges/{id:long}/undo", UndoAsync)
            .WithSummary("Undoes a merge: the merged client returns with its id and exactly its rows; 409 once a later merge involved either client.");
        group.MapGet("/export", ExportAsync).WithSummary("The review list (same filters) as xlsx (default) or csv.");
        return api;
    }

    /// <summary>The clients a list of pairs names, both of each pair: what the list's endpoint and the review page audit.</summary>
    public static IReadOnlyCollection<long> ClientIdsOf(IEnumerable<DuplicatePair> pairs) => [.. pairs.SelectMany(p => new[] { p.Left.Id, p.Right.Id })];

    private static bool TryFilter(string? status, string? source, long? importJob, out DuplicateFilter filter, out ValidationProblem? problem)
    {
        filter = new DuplicateFilter();
        problem = null;
        DuplicateStatus? wantedStatus = DuplicateStatus.Open;
        if (string.Equals(status, "all", StringComparison.OrdinalIgnoreCase)) wantedStatus = null;
        else if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<DuplicateStatus>(status, true, out var s) || !Enum.IsDefined(s) || int.TryParse(status, out _))
            {
                problem = ApiConventions.Invalid("status", Message.Of("must be Open, Merged, Dismissed or all."));
                return false;
            }
            wantedStatus = s;
        }
        DuplicateSource? wantedSource = null;
        if (!string.IsNullOrEmpty(source))
        {
            if (!Enum.TryParse<DuplicateSource>(source, true, out var s) || !Enum.IsDefined(s) || int.TryParse(source, out _))
            {
                problem = ApiConventions.Invalid("source", Message.Of("must be Scan or Import."));
                return false;
            }
            wantedSource = s;
        }
        if (importJob is <= 0)
        {
            problem = ApiConventions.Invalid("importJob", Message.Of("must be an import job id."));
            return false;
        }
        filter = new DuplicateFilter(wantedStatus, wantedSource, importJob);
        return true;
    }

    private static async Task<Results<Ok<Page<DuplicatePair>>, ValidationProblem>> ListAsync(
        ClienteleDb db, string? status, string? source, long? importJob, string? after, int? limit, CancellationToken ct)
    {
        if (!TryFilter(status, source, importJob, out var filter, out var problem)) return problem!;
        if (!ApiConventions.TryAfter(after, out var afterId)) return ApiConventions.Invalid("after", Message.Of("is not a cursor this list gave."));
        var take = ApiConventions.Limit(limit);
        var rows = await DuplicateQueries.PageAsync(db, filter, afterId, take + 1, ct);
        return TypedResults.Ok(ApiConventions.ToPage(rows, take, r => r.Id));
    }

    private static async Task<Ok<ScanResponse>> ScanAsync(ClienteleDb db, CancellationToken ct)
    {
        var r = await DuplicateScan.RunAsync(db, ct);
        return TypedResults.Ok(new ScanResponse(r.Clients, r.ExactPairs, r.FuzzyPairs, r.Opened, r.Removed, r.Open, Math.Round(r.Elapsed.TotalSeconds, 3)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DismissAsync(long id, ClienteleDb db, CancellationToken ct) =>
        await DuplicateReview.DismissAsync(db, id, ct) switch
        {
            OutcomeKind.NotFound => ApiConventions.NotFound("Duplicate pair", id),
            OutcomeKind.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Duplicate pair {id} is not open.",
                detail: "Only an open pair can be dismissed; it was merged or dismissed already."),
            _ => TypedResults.NoContent(),
        };

    private static async Task<Results<Ok<MergeSummary>, ValidationProblem, ProblemHttpResult>> MergeAsync(MergeRequest? body, ClienteleDb db, CancellationToken ct)
    {
        if (body?.KeepId is not { } keep) return ApiConventions.Invalid("keepId", Message.Of("is required: the client that stays."));
        if (body.MergeId is not { } merge) return ApiConventions.Invalid("mergeId", Message.Of("is required: the client merged into keepId."));
        return await AnswerAsync(db, await ClientMerge.MergeAsync(db, keep, merge, ct), ct);
    }

    private static async Task<Results<Ok<MergePreview>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        long? keepId, long? mergeId, ClienteleDb db, IStringLocalizer<SharedResource> shared, CancellationToken ct)
    {
        if (keepId is not { } keep) return ApiConventions.Invalid("keepId", Message.Of("is required: the client that stays."));
        if (mergeId is not { } merge) return ApiConventions.Invalid("mergeId", Message.Of("is required: the client merged into keepId."));
        var (refusal, preview) = await MergePreviews.ForAsync(db, keep, merge, shared, ct);
        return refusal?.Kind switch
        {
            OutcomeKind.Invalid => ApiConventions.Invalid(refusal.Errors!),
            OutcomeKind.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: refusal.Problem),
            _ => TypedResults.Ok(preview!),
        };
    }

    private static async Task<Results<Ok<MergeSummary>, ValidationProblem, ProblemHttpResult>> UndoAsync(long id, ClienteleDb db, CancellationToken ct) =>
        await AnswerAsync(db, await ClientMergeUndo.UndoAsync(db, id, ct), ct);

    private static async Task<Results<Ok<MergeSummary>, ValidationProblem, ProblemHttpResult>> AnswerAsync(ClienteleDb db, MergeResult result, CancellationToken ct)
    {
        switch (result.Kind)
        {
            case OutcomeKind.Invalid: return ApiConventions.Invalid(result.Errors!);
            case OutcomeKind.NotFound: return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: result.Problem);
            case OutcomeKind.Conflict: return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: result.Problem);
        }
        var id = result.Record!.Id;
        var merges = await DuplicateQueries.MergesAsync(db, 1000, ct);
        return TypedResults.Ok(merges.FirstOrDefault(m => m.Id == id) ?? Summary(result.Record));
    }

    private static MergeSummary Summary(ClientMergeRecord m) =>
        new(m.Id, m.KeptId, m.KeptName, m.MergedId, m.MergedName, m.MergedById, null, m.MergedAt, m.UndoneAt, m.UndoneAt is null);

    private static async Task<Results<Ok<List<MergeSummary>>, ValidationProblem>> MergesAsync(ClienteleDb db, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await DuplicateQueries.MergesAsync(db, ApiConventions.Limit(limit), ct));

    private static async Task<Results<ExportFileResult, ValidationProblem>> ExportAsync(
        ClienteleDb db, IStringLocalizer<DuplicatesText> text, TimeProvider clock, string? format, string? status, string? source, long? importJob, CancellationToken ct)
    {
        if (ExportResults.ParseFormat(format) is not { } fileFormat) return ExportResults.InvalidFormat(format);
        if (!TryFilter(status, source, importJob, out var filter, out var problem)) return problem!;
        var pairs = new List<DuplicatePair>();
        long after = 0;
        while (true)
        {
            var page = await DuplicateQueries.PageAsync(db, filter, after, 1000, ct);
            pairs.AddRange(page);
            if (page.Count < 1000) break;
            after = page[^1].Id;
        }
        return ExportResults.File(DuplicatesExport.Table(pairs, text), null, fileFormat, CultureInfo.CurrentCulture, "duplicates",
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}
