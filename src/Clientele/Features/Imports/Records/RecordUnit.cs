using Clientele.Features.Company;
using Clientele.Infrastructure.Api;

namespace Clientele.Features.Imports.Records;

/// <summary>
/// What one record of the import is: the file lines it comes from (a purchase may span several), the input the API
/// would take, and the first problem its rows had. Checked and created through the API's own spec, so an imported
/// record obeys every rule a typed one does.
/// </summary>
internal abstract class RecordUnit(IReadOnlyList<RecordRow> rows)
{
    public IReadOnlyList<RecordRow> Rows { get; } = rows;
    public long ClientId => Rows[0].ClientId ?? 0;
    public abstract string Entity { get; }

    public abstract Task<Errors> CheckAsync(ClienteleDb db, CompanySettings company, CancellationToken ct);
    public abstract object Create();

    /// <summary>The import field (and the row) an error of the API's input is about.</summary>
    public abstract (string? Field, int RowIndex) Locate(string apiField);
}

internal sealed class RecordUnit<TEntity, TInput, TResponse>(
    IReadOnlyList<RecordRow> rows, EntitySpec<TEntity, TInput, TResponse> spec, TInput input, string entity, Func<string, (string?, int)> locate)
    : RecordUnit(rows)
    where TEntity : class, IHasId, IVersioned where TInput : class
{
    public override string Entity => entity;

    public override Task<Errors> CheckAsync(ClienteleDb db, CompanySettings company, CancellationToken ct) =>
        spec.Check(new CheckContext<TEntity>(db, null, company, ct), input);

    public override object Create() => spec.Create(input);

    public override (string? Field, int RowIndex) Locate(string apiField) => locate(apiField);
}
