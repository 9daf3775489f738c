namespace Clientele.Analytics.Structure;

/// <summary>One client's purchases in one month (a <see cref="Calendar.MonthIndex"/>), from the per-client-per-month aggregate.</summary>
/// <param name="Purchases">Purchases that month; a row with none (a refund-only month) is no activity, though its revenue counts.</param>
public readonly record struct ClientMonth(int Client, int Month, decimal Revenue, int Purchases);

/// <summary>
/// Rows read in client-then-month order. The aggregate table usually hands them over in that order already, and then
/// nothing is copied. Otherwise client, month and "bought" are packed into one long per row and sorted (with the
/// revenue alongside only when asked for): sorting packed keys and then reading them in sequence is several times
/// faster at ten million rows than sorting indexes and jumping around the rows.
/// </summary>
internal readonly ref struct ByClientAndMonth
{
    private readonly ReadOnlySpan<ClientMonth> rows;
    private readonly long[]? keys;
    private readonly decimal[]? revenue;

    public ByClientAndMonth(ReadOnlySpan<ClientMonth> rows, bool withRevenue)
    {
        this.rows = rows;
        var inOrder = true;
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i].Month < 0) throw new ArgumentOutOfRangeException(nameof(rows), rows[i].Month, "A month index is never negative.");
            if (i > 0 && Key(rows[i - 1]) >> 1 > Key(rows[i]) >> 1) inOrder = false;
        }
        if (inOrder) return;
        keys = new long[rows.Length];
        for (var i = 0; i < rows.Length; i++) keys[i] = Key(rows[i]);
        if (withRevenue)
        {
            revenue = new decimal[rows.Length];
            for (var i = 0; i < rows.Length; i++) revenue[i] = rows[i].Revenue;
            Array.Sort(keys, revenue);
        }
        else
        {
            Array.Sort(keys);
        }
    }

    public int Length => rows.Length;

    public int Client(int i) => keys is null ? rows[i].Client : (int)(keys[i] >> 32);

    public int Month(int i) => keys is null ? rows[i].Month : (int)((uint)keys[i] >> 1);

    public bool Bought(int i) => keys is null ? rows[i].Purchases > 0 : (keys[i] & 1) == 1;

    /// <summary>Only when constructed with revenue.</summary>
    public decimal Revenue(int i) => keys is null ? rows[i].Revenue : revenue![i];

    // Client in the high half (signed, so ids sort as numbers), then the month, then whether the client bought.
    private static long Key(in ClientMonth row) => ((long)row.Client << 32) | ((uint)row.Month << 1) | (row.Purchases > 0 ? 1u : 0u);
}
