using Clientele.Features.Analytics;
using Clientele.Features.Company;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Infrastructure.Api;

/// <summary>
/// How one kind of record is read, checked and written. The API's CRUD endpoints and the UI's forms both go
/// through <see cref="EntityWriter"/> with the same spec, so a rule written here holds on every path.
/// </summary>
public sealed class EntitySpec<TEntity, TInput, TResponse>
    where TEntity : class, IHasId, IVersioned
    where TInput : class
{
    /// <summary>Singular, for messages: "Purchase 7 does not exist."</summary>
    public required string Name { get; init; }
    /// <summary>Everything a response needs (includes); used tracked for writes, untracked for reads.</summary>
    public required Func<ClienteleDb, IQueryable<TEntity>> Query { get; init; }
    /// <summary>The API's GET by id, untracked, with what <see cref="Query"/> includes, compiled once (<see cref="CompiledRead"/>);
    /// null: <see cref="Query"/> is run.</summary>
    public Func<ClienteleDb, long, CancellationToken, Task<TEntity?>>? ReadById { get; init; }
    public required Func<TEntity, TInput> ToInput { get; init; }
    public required Func<TEntity, TResponse> ToResponse { get; init; }
    /// <summary>Validates and normalises the input in place (the writer hands it a copy, <see cref="InputCopy"/>, never
    /// the caller's object); <c>existing</c> is null on create.</summary>
    public required Func<CheckContext<TEntity>, TInput, Task<Errors>> Check { get; init; }
    public required Func<TInput, TEntity> Create { get; init; }
    public required Action<TEntity, TInput> Apply { get; init; }
    /// <summary>Brings what depends on the record (search terms; for a client's rows, <see cref="Features.Clients.ClientRefresh"/>)
    /// up to date after a create, update or delete, in the same transaction.</summary>
    public Func<ClienteleDb, TEntity, CancellationToken, Task>? UpdateDependants { get; init; }
    /// <summary>
    /// The 409 answer naming an existing record the checked input would repeat (a client's tax id, phone or e-mail), or
    /// null; asked by the API's create unless the caller says the repeat is intended. Null: records may repeat.
    /// </summary>
    public Func<ClienteleDb, TInput, CancellationToken, Task<Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult?>>? Repeats { get; init; }
}

public sealed record CheckContext<TEntity>(ClienteleDb Db, TEntity? Existing, CompanySettings Company, CancellationToken Cancellation)
{
    /// <summary>Numbers written without a country code are read in the company's region.</summary>
    public string PhoneRegion => Company.DefaultPhoneRegion;

    /// <summary>What a bulk writer has already read set-wise (an import); null: every check asks the database.</summary>
    public KnownRows? Known { get; init; }

    /// <summary>Whether the reader may see the client (row filters apply).</summary>
    public async Task<bool> ClientExistsAsync(long clientId) =>
        Known?.Clients.Contains(clientId) == true || await Db.Clients.AnyAsync(c => c.Id == clientId, Cancellation);

    public async Task<bool> EmployeeExistsAsync(long employeeId) =>
        Known?.Employees.Contains(employeeId) == true
        || await Db.Set<Features.Identity.Employee>().AnyAsync(e => e.Id == employeeId, Cancellation);

    /// <summary>The catalogue products with these ids (those that exist).</summary>
    public async Task<Dictionary<long, Features.Products.Product>> ProductsAsync(IReadOnlyCollection<long> ids)
    {
        if (ids.Count == 0) return [];
        if (Known is { } known && ids.All(known.Products.ContainsKey)) return ids.ToDictionary(id => id, id => known.Products[id]);
        return await Db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, Cancellation);
    }
}

/// <summary>
/// Create, update and delete through an <see cref="EntitySpec{TEntity, TInput, TResponse}"/>. The spec checks and
/// normalises a copy of the input: the caller's object (a form's model) is never changed, so a refused save leaves
/// what the user typed in every form, and a refused value is not emptied or rewritten under the message about it.
/// </summary>
public static class EntityWriter
{
    /// <param name="goAhead">Asked with the checked, normalised input before anything is written; false ends the
    /// create as a <see cref="OutcomeKind.Conflict"/> (the API's refusal of a repeated record).</param>
    public static async Task<Outcome<TEntity>> CreateAsync<TEntity, TInput, TResponse>(
        ClienteleDb db, EntitySpec<TEntity, TInput, TResponse> spec, TInput input, CancellationToken ct,
        Func<TInput, Task<bool>>? goAhead = null)
        where TEntity : class, IHasId, IVersioned where TInput : class
    {
        input = InputCopy.Of(input);
        var errors = await spec.Check(new CheckContext<TEntity>(db, null, await CompanyAsync(db, ct), ct), input);
        if (errors.Any) return Outcome<TEntity>.Invalid(errors);
        if (goAhead is not null && !await goAhead(input)) return Outcome<TEntity>.Conflict(0);
        var entity = spec.Create(input);
        db.Add(entity);
        await SaveAsync(db, spec.UpdateDependants, entity, ct);
        return Outcome<TEntity>.Ok(entity);
    }

    public static async Task<Outcome<TEntity>> UpdateAsync<TEntity, TInput, TResponse>(
        ClienteleDb db, EntitySpec<TEntity, TInput, TResponse> spec, long id, Func<TInput, TInput> change,
        long? expectedVersion, CancellationToken ct)
        where TEntity : class, IHasId, IVersioned where TInput : class
    {
        var entity = await spec.Query(db).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null) return Outcome<TEntity>.NotFound();
        if (expectedVersion is { } expected && expected != entity.Version) return Outcome<TEntity>.Conflict(entity.Version);
        var input = InputCopy.Of(change(spec.ToInput(entity)));
        var errors = await spec.Check(new CheckContext<TEntity>(db, entity, await CompanyAsync(db, ct), ct), input);
        if (errors.Any) return Outcome<TEntity>.Invalid(errors);
        spec.Apply(entity, input);
        try
        {
            await SaveAsync(db, spec.UpdateDependants, entity, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<TEntity>.Conflict(await db.Set<TEntity>().AsNoTracking().Where(e => e.Id == id).Select(e => e.Version).FirstOrDefaultAsync(ct));
        }
        return Outcome<TEntity>.Ok(entity);
    }

    public static async Task<Outcome<TEntity>> DeleteAsync<TEntity, TInput, TResponse>(
        ClienteleDb db, EntitySpec<TEntity, TInput, TResponse> spec, long id, long? expectedVersion, CancellationToken ct)
        where TEntity : class, IHasId, IVersioned where TInput : class
    {
        var entity = await spec.Query(db).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null) return Outcome<TEntity>.NotFound();
        if (expectedVersion is { } expected && expected != entity.Version) return Outcome<TEntity>.Conflict(entity.Version);
        db.Remove(entity);
        try
        {
            await SaveAsync(db, spec.UpdateDependants, entity, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<TEntity>.Conflict(0);
        }
        return Outcome<TEntity>.Ok(entity);
    }

    private static Task<CompanySettings> CompanyAsync(ClienteleDb db, CancellationToken ct) => new CompanySettingsReader(db).GetAsync(ct);

    private static async Task SaveAsync<TEntity>(ClienteleDb db, Func<ClienteleDb, TEntity, CancellationToken, Task>? dependants, TEntity entity, CancellationToken ct)
    {
        if (dependants is null)
        {
            await db.SaveChangesAsync(ct);
            await AnalyticsCommit.StaleAsync(db);
            return;
        }
        // Dependants (aggregates, search terms) change with the record or not at all.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        await dependants(db, entity, ct);
        await db.SaveChangesAsync(ct);
        await AnalyticsCommit.StaleAsync(db);
        if (transaction is not null) await transaction.CommitAsync(ct);
    }
}
