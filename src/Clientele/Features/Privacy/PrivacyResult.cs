using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Features.Privacy;

public enum PrivacyOutcome { Ok, Invalid, NotFound, Conflict, Stale, Forbidden }

/// <summary>What a privacy write did, with the message a conflict or a missing record is explained by.</summary>
public readonly record struct PrivacyResult<T>(PrivacyOutcome Kind, T? Value, Errors? Errors = null, string? Message = null)
{
    public static PrivacyResult<T> Ok(T value) => new(PrivacyOutcome.Ok, value);
    public static PrivacyResult<T> Invalid(Errors errors) => new(PrivacyOutcome.Invalid, default, errors);
    public static PrivacyResult<T> NotFound(string message) => new(PrivacyOutcome.NotFound, default, null, message);
    public static PrivacyResult<T> Conflict(string message) => new(PrivacyOutcome.Conflict, default, null, message);
    /// <summary>The writer's copy (If-Match) is out of date: 412.</summary>
    public static PrivacyResult<T> Stale(string message) => new(PrivacyOutcome.Stale, default, null, message);
    /// <summary>The caller's role may not make this change: 403.</summary>
    public static PrivacyResult<T> Forbidden(string message) => new(PrivacyOutcome.Forbidden, default, null, message);

    public Results<TOk, ValidationProblem, ProblemHttpResult> Answer<TOk>(Func<T, TOk> ok) where TOk : IResult => Kind switch
    {
        PrivacyOutcome.Ok => ok(Value!),
        PrivacyOutcome.Invalid => Infrastructure.Api.ApiConventions.Invalid(Errors!),
        PrivacyOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Message),
        PrivacyOutcome.Stale => TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: Message),
        PrivacyOutcome.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: Message),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Message),
    };
}
