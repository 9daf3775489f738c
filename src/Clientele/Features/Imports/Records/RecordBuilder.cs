using Clientele.Features.Company;
using Clientele.Features.Imports.Mapping;

namespace Clientele.Features.Imports.Records;

/// <summary>What the builders of one import share: the database, the lookups, the company's base currency, the job.</summary>
internal sealed record RecordContext(ClienteleDb Db, RecordLookups Lookups, CompanySettings Company, ImportJob Job, ColumnMap Map);

/// <summary>Turns rows (their client already found) into records; a purchase with lines waits for its last row.</summary>
internal abstract class RecordBuilder(RecordContext context)
{
    protected RecordContext Context { get; } = context;

    public abstract Task AddAsync(RecordRow row, List<RecordUnit> ready, CancellationToken ct);

    public virtual Task FinishAsync(List<RecordUnit> ready, CancellationToken ct) => Task.CompletedTask;

    public static RecordBuilder For(ImportKind kind, RecordContext context) => kind switch
    {
        ImportKind.Purchases => new PurchaseBuilder(context),
        ImportKind.Interactions => new InteractionBuilder(context),
        ImportKind.ServiceCosts => new ServiceCostBuilder(context),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Clients are imported by the client importer."),
    };

    /// <summary>The import field an error about the client or a plainly named API field is about.</summary>
    protected static string? Common(RecordRow first, string apiField) => apiField switch
    {
        "clientId" => first.ClientField,
        "currency" or "exchangeRate" => ImportFields.Currency,
        "managerId" or "employeeId" => ImportFields.Manager,
        _ => null,
    };
}
