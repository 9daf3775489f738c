namespace Clientele.Infrastructure.Validation;

public enum OutcomeKind { Ok, Invalid, NotFound, Conflict }

/// <summary>What a write did: done, refused for bad input, no such record, or someone changed it first.</summary>
public readonly record struct Outcome<T>(OutcomeKind Kind, T? Value, Errors? Errors, long CurrentVersion = 0)
{
    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null);
    public static Outcome<T> Invalid(Errors errors) => new(OutcomeKind.Invalid, default, errors);
    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound, default, null);
    public static Outcome<T> Conflict(long currentVersion) => new(OutcomeKind.Conflict, default, null, currentVersion);
}
