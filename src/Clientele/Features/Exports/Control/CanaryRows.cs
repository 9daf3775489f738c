using System.Security.Cryptography;
using Clientele.Features.Exports.Formats;

namespace Clientele.Features.Exports.Control;

/// <summary>What was written, learnt while the rows stream into the file: data rows (canaries not counted) and the clients among them.</summary>
public sealed class ExportTally
{
    public int Rows { get; internal set; }
    public HashSet<long> ClientIds { get; } = [];
}

/// <summary>Plants canary rows among a client list's rows as they stream, and counts what is written.</summary>
public static class CanaryRows
{
    /// <summary>
    /// The table with each canary after a random data row (1..<paramref name="expectedRows"/>); a canary whose row never
    /// comes (the list shrank since it was counted) follows the last row. Tables whose last row is a total get none, so
    /// that nothing is written below the total.
    /// </summary>
    public static ExportTable Plant(ExportTable data, IReadOnlyList<ExportCanary> canaries, int expectedRows, ExportTally tally)
    {
        var positions = canaries.Select(_ => 1 + RandomNumberGenerator.GetInt32(Math.Max(1, expectedRows))).Order().ToArray();
        var planted = data.Clients is null || data.LastRowIsTotal ? [] : canaries;
        return data with { Rows = Interleave(data, planted, positions, tally) };
    }

    private static IEnumerable<object?[]> Interleave(ExportTable data, IReadOnlyList<ExportCanary> canaries, int[] positions, ExportTally tally)
    {
        var next = 0;
        object?[]? last = null;
        foreach (var row in data.Rows)
        {
            tally.Rows++;
            if (data.Clients is { } spec && spec.IdColumn < row.Length && row[spec.IdColumn] is { } id) tally.ClientIds.Add(Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture));
            yield return row;
            last = row;
            while (next < canaries.Count && positions[next] <= tally.Rows) yield return Canary(data, row, canaries[next++]);
        }
        while (last is not null && next < canaries.Count) yield return Canary(data, last, canaries[next++]);
    }

    private static object?[] Canary(ExportTable data, object?[] neighbour, ExportCanary canary)
    {
        var spec = data.Clients!;
        var row = new object?[data.Columns.Count];
        Array.Copy(neighbour, row, Math.Min(neighbour.Length, row.Length));
        foreach (var blank in spec.BlankColumns ?? []) Set(row, blank, null);
        Set(row, spec.IdColumn, canary.FakeClientId);
        Set(row, spec.NameColumn, canary.Name);
        if (spec.EmailColumn is { } email) Set(row, email, canary.Email);
        if (spec.PhoneColumn is { } phone) Set(row, phone, canary.Phone);
        return row;
    }

    private static void Set(object?[] row, int column, object? value)
    {
        if (column >= 0 && column < row.Length) row[column] = value;
    }
}
