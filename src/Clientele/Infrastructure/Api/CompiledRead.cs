using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Clientele.Infrastructure.Api;

/// <summary>
/// A read by id compiled once by EF (<see cref="EF.CompileAsyncQuery{TContext, TParam1, TResult}(Expression{Func{TContext, TParam1, CancellationToken, TResult}})"/>),
/// for the API's hottest reads: a LINQ query is rebuilt, its parameters extracted and its cache key hashed on every call,
/// about 4% of a GET by id's CPU (ADR 010). The row filters still apply: EF reads their values from the context the
/// read runs on, as for any other query.
/// </summary>
/// <remarks>
/// EF binds a compiled query to the first model it runs on and refuses any other, and one process can hold several
/// (SQLite and PostgreSQL in the tests, a host per test class): one compiled query per model, forgotten with the model.
/// </remarks>
public static class CompiledRead
{
    /// <param name="read">The query; its cancellation token is the caller's, which EF passes to the database call.</param>
    public static Func<ClienteleDb, long, CancellationToken, Task<TEntity?>> ById<TEntity>(Expression<Func<ClienteleDb, long, CancellationToken, TEntity?>> read)
        where TEntity : class
    {
        var perModel = new ConditionalWeakTable<IModel, Func<ClienteleDb, long, CancellationToken, Task<TEntity?>>>();
        // Made once: a lambda written inside the read would be a new closure on every call of this hot path.
        ConditionalWeakTable<IModel, Func<ClienteleDb, long, CancellationToken, Task<TEntity?>>>.CreateValueCallback compile = _ => EF.CompileAsyncQuery(read);
        return (db, id, ct) => perModel.GetValue(db.Model, compile)(db, id, ct);
    }
}
