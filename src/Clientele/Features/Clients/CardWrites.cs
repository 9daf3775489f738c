using Clientele.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Clients;

/// <summary>
/// What a save from the client card did, and — when someone changed the record first — its current values and version,
/// so the form can show them instead of the user's stale copy.
/// </summary>
public sealed record CardSave<TEntity, TInput>(Outcome<TEntity> Outcome, TInput? Current, long CurrentVersion)
{
    public OutcomeKind Kind => Outcome.Kind;
    public Errors? Errors => Outcome.Errors;
}

/// <summary>
/// The card's create, edit and delete of a client's rows (purchases, interactions, tasks, contact persons, service
/// costs): the API's <see cref="EntityWriter"/> with the same spec, so the same checks, refresh path and audit apply,
/// and the API's ETag rule — an edit or delete against a version other than the one the user opened is refused.
/// </summary>
public static class CardWrites
{
    /// <param name="id">Null creates a record.</param>
    /// <param name="version">The version the user opened; the API's If-Match.</param>
    public static async Task<CardSave<TEntity, TInput>> SaveAsync<TEntity, TInput, TResponse>(
        ClienteleDb db, EntitySpec<TEntity, TInput, TResponse> spec, long? id, TInput input, long? version, CancellationToken ct)
        where TEntity : class, IHasId, IVersioned where TInput : class
    {
        if (id is not { } existing) return new(await EntityWriter.CreateAsync(db, spec, input, ct), null, 0);
        var outcome = await EntityWriter.UpdateAsync(db, spec, existing, _ => input, version, ct);
        return outcome.Kind == OutcomeKind.Conflict ? await WithCurrentAsync(db, spec, existing, outcome, ct) : new(outcome, null, 0);
    }

    public static async Task<CardSave<TEntity, TInput>> DeleteAsync<TEntity, TInput, TResponse>(
        ClienteleDb db, EntitySpec<TEntity, TInput, TResponse> spec, long id, long version, CancellationToken ct)
        where TEntity : class, IHasId, IVersioned where TInput : class
    {
        var outcome = await EntityWriter.DeleteAsync(db, spec, id, version, ct);
        return outcome.Kind == OutcomeKind.Conflict ? await WithCurrentAsync(db, spec, id, outcome, ct) : new(outcome, null, 0);
    }

    /// <summary>The record as it stands, as the form's input, with its version; null when it is gone.</summary>
    public static async Task<(TInput Input, long Version)?> CurrentAsync<TEntity, TInput, TResponse>(
        ClienteleDb db, EntitySpec<TEntity, TInput, TResponse> spec, long id, CancellationToken ct)
        where TEntity : class, IHasId, IVersioned where TInput : class
    {
        var entity = await spec.Query(db).AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        return entity is null ? null : (spec.ToInput(entity), entity.Version);
    }

    private static async Task<CardSave<TEntity, TInput>> WithCurrentAsync<TEntity, TInput, TResponse>(
        ClienteleDb db, EntitySpec<TEntity, TInput, TResponse> spec, long id, Outcome<TEntity> outcome, CancellationToken ct)
        where TEntity : class, IHasId, IVersioned where TInput : class
    {
        // The refused write may have left tracked changes behind; the current values are read afresh.
        db.ChangeTracker.Clear();
        var current = await CurrentAsync(db, spec, id, ct);
        return current is { } c ? new(outcome, c.Input, c.Version) : new(Outcome<TEntity>.NotFound(), null, 0);
    }
}
