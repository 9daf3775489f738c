using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Features.Exports.Control;

/// <summary>The problem answers of export control, one wording wherever they arise.</summary>
public static class ExportProblems
{
    public static ProblemHttpResult Refused(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The owner refused this export.",
            detail: "The same export cannot be asked for again for 24 hours.",
            extensions: new Dictionary<string, object?> { ["exportId"] = id, ["exportStatus"] = "refused", ["request"] = $"/api/v1/exports/{id}" });

    public static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Export {id} does not exist.");

    public static ProblemHttpResult Conflict(string id, string title, string status) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title,
            extensions: new Dictionary<string, object?> { ["exportId"] = id, ["exportStatus"] = status });
}
