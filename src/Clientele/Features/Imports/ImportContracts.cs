using Clientele.Features.Imports.Reading;

namespace Clientele.Features.Imports;

/// <param name="Map">Column header → field key (see <see cref="Mapping.ClientFieldKeys"/> and the other kinds' keys).
/// Null: map automatically by header, or by <paramref name="Preset"/>.</param>
/// <param name="DefaultRegion">Phone numbers without a country code are read in this region (ISO 3166 alpha-2).</param>
/// <param name="SkipInvalid">The user confirmed importing the valid rows; without it a run with rejected rows writes nothing.</param>
public sealed record ImportOptions(
    ImportKind Kind,
    IReadOnlyDictionary<string, string>? Map = null,
    string? Preset = null,
    ImportMatchPolicy OnMatch = ImportMatchPolicy.Update,
    TabularOptions? File = null,
    string DefaultRegion = "RU",
    bool SkipInvalid = false);

public enum ImportRowAction { Create = 0, Update = 1, Merge = 2, Skip = 3, Reject = 4, Review = 5 }

/// <summary>What one row of the file does (or would do, in a dry run), and why.</summary>
/// <param name="Line">The row's line in the file, as the user's editor shows it.</param>
/// <param name="ClientId">The existing client an update, skip or review refers to.</param>
/// <param name="Field">The field a rejection is about (a field key), if one.</param>
/// <param name="Warning">What the row keeps that the reader should check (a phone outside the numbering plan, kept as
/// written), in English with its value; the page says it in the reader's language.</param>
public sealed record ImportRowOutcome(long Line, ImportRowAction Action, string? Reason = null, string? Field = null, long? ClientId = null,
    string? Warning = null);

/// <summary>A dry run's (or a finished run's) result: counts of every action and the rows worth reading.</summary>
/// <param name="Rows">Every rejected and review row, plus updates, merges and rows with a warning, up to a cap; other creates are counted only.</param>
/// <param name="Unchanged">Rows of records the base already has with the same number and values (a re-import); also counted in <paramref name="Skip"/>.</param>
/// <param name="Warnings">Rows written with a warning (a phone kept as written); they are listed in <paramref name="Rows"/>.</param>
public sealed record ImportReport(
    long JobId,
    string FileDescription,
    IReadOnlyList<string> Header,
    IReadOnlyDictionary<string, string> Map,
    long RowsTotal,
    long Create,
    long Update,
    long Merge,
    long Skip,
    long Reject,
    long Review,
    IReadOnlyList<ImportRowOutcome> Rows,
    bool RowsTruncated,
    long Unchanged = 0,
    long Warnings = 0);

/// <summary>Progress of a running phase, for the CLI's bar and the page's.</summary>
public sealed record ImportProgress(long JobId, string Phase, long RowsDone, long? RowsTotal, double RowsPerSecond, TimeSpan? Remaining);
