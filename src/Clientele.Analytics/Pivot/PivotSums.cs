namespace Clientele.Analytics.Pivot;

/// <summary>
/// Running sums of a pivot. For the distinct client count every cell and every total keeps its own set of clients:
/// a client bought in two months is one client of the year, not two.
/// </summary>
internal sealed class Sums
{
    private readonly decimal[,] _cells;
    private readonly int[,] _counts;
    private readonly decimal[] _rowTotals;
    private readonly decimal[] _columnTotals;
    private decimal _grandTotal;

    private readonly HashSet<long>[,]? _cellClients;
    private readonly HashSet<long>[]? _rowClients;
    private readonly HashSet<long>[]? _columnClients;
    private readonly HashSet<long>? _allClients;

    public Sums(int rows, int columns, bool distinctClients)
    {
        _cells = new decimal[rows, columns];
        _counts = new int[rows, columns];
        _rowTotals = new decimal[rows];
        _columnTotals = new decimal[columns];
        if (!distinctClients) return;
        _cellClients = new HashSet<long>[rows, columns];
        _rowClients = [.. Enumerable.Range(0, rows).Select(_ => new HashSet<long>())];
        _columnClients = [.. Enumerable.Range(0, columns).Select(_ => new HashSet<long>())];
        _allClients = [];
    }

    public void Add(int row, int column, long clientId, decimal value)
    {
        _counts[row, column]++;
        if (_allClients is null)
        {
            _cells[row, column] += value;
            _rowTotals[row] += value;
            _columnTotals[column] += value;
            _grandTotal += value;
            return;
        }
        (_cellClients![row, column] ??= []).Add(clientId);
        _rowClients![row].Add(clientId);
        _columnClients![column].Add(clientId);
        _allClients.Add(clientId);
    }

    public PivotResult ToResult(PivotMeasure measure, int[] rowDimensions, int[] columnDimensions, string[][] rowKeys, string[][] columnKeys)
    {
        if (_allClients is not null)
        {
            for (var r = 0; r < _rowTotals.Length; r++)
            {
                _rowTotals[r] = _rowClients![r].Count;
                for (var c = 0; c < _columnTotals.Length; c++) _cells[r, c] = _cellClients![r, c]?.Count ?? 0;
            }
            for (var c = 0; c < _columnTotals.Length; c++) _columnTotals[c] = _columnClients![c].Count;
            _grandTotal = _allClients.Count;
        }
        return new PivotResult(measure, [.. rowDimensions], [.. columnDimensions], rowKeys, columnKeys,
            _cells, _counts, _rowTotals, _columnTotals, _grandTotal);
    }
}
