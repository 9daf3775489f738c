namespace Clientele.Analytics.Lifetime;

/// <summary>
/// Sums a per-row quantity over rows split into chunks, the chunks on all cores when there are enough rows to pay for
/// the threads. Each chunk fills its own accumulator, and the chunks are added in a fixed order, so the result does not
/// depend on the scheduling.
/// </summary>
internal static class ChunkedSum
{
    private const int RowsPerChunkAtLeast = 32_768;

    public static double[] Run(int rows, int width, Action<int, int, double[]> sumRange)
    {
        var chunks = Math.Max(1, Math.Min(Environment.ProcessorCount * 2, rows / RowsPerChunkAtLeast));
        var partial = new double[chunks][];
        if (chunks == 1)
        {
            partial[0] = new double[width];
            sumRange(0, rows, partial[0]);
        }
        else
        {
            Parallel.For(0, chunks, chunk =>
            {
                var accumulator = new double[width];
                sumRange((int)((long)rows * chunk / chunks), (int)((long)rows * (chunk + 1) / chunks), accumulator);
                partial[chunk] = accumulator;
            });
        }
        var total = new double[width];
        foreach (var accumulator in partial)
            for (var i = 0; i < width; i++)
                total[i] += accumulator[i];
        return total;
    }
}
