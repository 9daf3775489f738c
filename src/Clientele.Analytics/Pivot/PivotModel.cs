namespace Clientele.Analytics.Pivot;

/// <summary>
/// One aggregated fact (typically one client in one month): <see cref="Keys"/>[i] is its value of dimension i, the
/// dimensions being whatever the caller chose (manager, channel, month, ...). Null keys count as "".
/// </summary>
public readonly record struct PivotFact(long ClientId, string[] Keys, decimal Revenue, decimal Margin, decimal Contribution, int Purchases);

public enum PivotMeasure { Revenue, Margin, Contribution, Clients, Purchases }

/// <summary>
/// A pivot of one measure. Keys are tuples of the chosen dimensions' values, sorted naturally; with no dimensions on an
/// axis that axis has exactly one key, the empty tuple, standing for "everything". <see cref="Cells"/> is
/// [row, column]; <see cref="FactCounts"/> tells an empty cell (no facts) from a cell that sums to zero.
/// For <see cref="PivotMeasure.Clients"/> every total is a distinct count of its own, not a sum of the cells,
/// since one client can appear in several cells.
/// </summary>
public sealed record PivotResult(
    PivotMeasure Measure,
    int[] RowDimensions,
    int[] ColumnDimensions,
    string[][] RowKeys,
    string[][] ColumnKeys,
    decimal[,] Cells,
    int[,] FactCounts,
    decimal[] RowTotals,
    decimal[] ColumnTotals,
    decimal GrandTotal);
