using System.Globalization;
using System.Text.Json;
using Clientele.Features.Company;
using Clientele.Infrastructure.Api;

namespace Clientele.Features.Imports.Records;

/// <summary>
/// What one record of the import is: the file lines it comes from (a purchase may span several), the input the API
/// would take, and the first problem its rows had. Checked, created and updated through the API's own spec, so an
/// imported record obeys every rule a typed one does.
/// </summary>
internal abstract class RecordUnit(IReadOnlyList<RecordRow> rows)
{
    public IReadOnlyList<RecordRow> Rows { get; } = rows;
    public long ClientId => Rows[0].ClientId ?? 0;
    public abstract string Entity { get; }
    /// <summary>The document number the file gives, which a re-import matches on (with <see cref="Source"/>).</summary>
    public abstract string? Number { get; }
    public abstract string? Source { get; }

    /// <summary>Checks the input as a create (<paramref name="existing"/> null) or as an edit of that record.</summary>
    public abstract Task<Errors> CheckAsync(ClienteleDb db, CompanySettings company, object? existing, KnownRows known, CancellationToken ct);
    public abstract object Create();

    /// <summary>A reader of what the batches of units of this kind need from the base, set-wise; one per import.</summary>
    public abstract RecordBatch NewBatch();

    /// <summary>The API fields whose values the (checked) input would change on <paramref name="existing"/>.</summary>
    public abstract IReadOnlyList<string> ChangedFields(object existing);

    /// <summary>The record's values as an API input (JSON): what a rollback writes back.</summary>
    public abstract string BeforeImage(object existing);

    public abstract void Apply(object existing);

    /// <summary>The import field (and the row) an error of the API's input is about.</summary>
    public abstract (string? Field, int RowIndex) Locate(string apiField);
}

/// <param name="repeatKey">
/// What a record without a number is compared by with the base's records, as a tuple: its client and day (or moment) and
/// its total (or amount and category, kind and text). Equal tuples are a possible repeat; the tuple's equality is the
/// values' (100.5 is 100.50, a moment is its ticks).
/// </param>
internal sealed class RecordUnit<TEntity, TInput, TResponse>(
    IReadOnlyList<RecordRow> rows, EntitySpec<TEntity, TInput, TResponse> spec, TInput input, string entity, Func<string, (string?, int)> locate,
    Func<TEntity, object> repeatKey)
    : RecordUnit(rows)
    where TEntity : class, IHasId, IVersioned, IExternalDocument where TInput : class
{
    /// <summary>Fields that identify the record rather than describe it: a match has them equal by definition.</summary>
    private static readonly HashSet<string> Identity = new(StringComparer.OrdinalIgnoreCase) { "number", "source", "clientId" };

    public override string Entity => entity;
    public override string? Number => Rows[0]["number"];
    public override string? Source => Rows[0]["source"];

    public override Task<Errors> CheckAsync(ClienteleDb db, CompanySettings company, object? existing, KnownRows known, CancellationToken ct) =>
        spec.Check(new CheckContext<TEntity>(db, (TEntity?)existing, company, ct) { Known = known }, input);

    public override object Create() => spec.Create(input);

    public override RecordBatch NewBatch() => new RecordBatch<TEntity, TInput, TResponse>(spec, repeatKey);

    public override IReadOnlyList<string> ChangedFields(object existing)
    {
        var before = JsonSerializer.SerializeToElement(spec.ToInput((TEntity)existing), ImportJobs.Json);
        var after = JsonSerializer.SerializeToElement(input, ImportJobs.Json);
        var changed = new List<string>();
        foreach (var property in after.EnumerateObject())
        {
            if (Identity.Contains(property.Name)) continue;
            if (!before.TryGetProperty(property.Name, out var old) || !JsonValues.Same(old, property.Value)) changed.Add(property.Name);
        }
        return changed;
    }

    public override string BeforeImage(object existing) => JsonSerializer.Serialize(spec.ToInput((TEntity)existing), ImportJobs.Json);

    public override void Apply(object existing) => spec.Apply((TEntity)existing, input);

    public override (string? Field, int RowIndex) Locate(string apiField) => locate(apiField);
}

/// <summary>Equality of two API inputs' values as the base means them: 100.5 is 100.50, a UTC moment is the same moment without its Z.</summary>
internal static class JsonValues
{
    public static bool Same(JsonElement a, JsonElement b)
    {
        if (a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number) return a.GetDecimal() == b.GetDecimal();
        if (a.ValueKind == JsonValueKind.String && b.ValueKind == JsonValueKind.String)
        {
            var (x, y) = (a.GetString()!, b.GetString()!);
            if (x == y) return true;
            const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
            return x.Length >= 10 && y.Length >= 10 && char.IsAsciiDigit(x[0]) && char.IsAsciiDigit(y[0])
                && DateTime.TryParse(x, CultureInfo.InvariantCulture, utc, out var dx) && DateTime.TryParse(y, CultureInfo.InvariantCulture, utc, out var dy) && dx == dy;
        }
        if (a.ValueKind == JsonValueKind.Array && b.ValueKind == JsonValueKind.Array)
        {
            if (a.GetArrayLength() != b.GetArrayLength()) return false;
            return a.EnumerateArray().Zip(b.EnumerateArray()).All(p => Same(p.First, p.Second));
        }
        if (a.ValueKind == JsonValueKind.Object && b.ValueKind == JsonValueKind.Object)
        {
            var names = a.EnumerateObject().Select(p => p.Name).Union(b.EnumerateObject().Select(p => p.Name));
            return names.All(n => a.TryGetProperty(n, out var x) && b.TryGetProperty(n, out var y) ? Same(x, y)
                : Blank(a, n) && Blank(b, n));
        }
        return a.ValueKind == b.ValueKind && (a.ValueKind is JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False || a.GetRawText() == b.GetRawText());
    }

    private static bool Blank(JsonElement o, string name) => !o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null;
}
