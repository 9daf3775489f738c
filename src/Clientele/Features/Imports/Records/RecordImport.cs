using Clientele.Features.Imports.Mapping;
using Clientele.Features.Imports.Reading;

namespace Clientele.Features.Imports.Records;

/// <summary>Imports of purchases, interactions and service costs: rows that belong to clients already in the base.</summary>
public static class RecordImport
{
    // SKELETON: the records helper implements both.
    /// <summary>
    /// Validates every row (the client found by tax id, e-mail, phone or exact name); when <paramref name="write"/>,
    /// commits all valid rows in one transaction recorded against <paramref name="job"/> so it can be rolled back.
    /// </summary>
    public static Task<ImportReport> RunAsync(ClienteleDb db, ImportJob job, ImportOptions options, ITabularReader file, ColumnMap map,
        bool write, IProgress<ImportProgress>? progress, CancellationToken ct) =>
        throw new NotSupportedException($"Importing {options.Kind} is not built yet.");

    /// <summary>Removes every record <paramref name="job"/> created.</summary>
    public static Task RollbackAsync(ClienteleDb db, ImportJob job, CancellationToken ct) =>
        throw new NotSupportedException($"Rolling back {job.Kind} imports is not built yet.");
}
