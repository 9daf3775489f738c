using System.Globalization;
using System.Security.Cryptography;
using Clientele.Features.Access;
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
    /// How many rows a canary waits past its drawn place for a neighbour that shows a contact, so that it can carry its
    /// traceable address or number while being masked exactly like that neighbour (ADR 015).
    /// </summary>
    public const int ContactSearchRows = 200;

    /// <summary>
    /// The table with each canary after a random data row (1..<paramref name="expectedRows"/>, or the next row from there
    /// that shows a contact); a canary whose row never comes (the list shrank since it was counted) follows the last row.
    /// Tables whose last row is a total get none, so that nothing is written below the total.
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
            if (data.Clients is { } spec && spec.IdColumn < row.Length && row[spec.IdColumn] is { } id) tally.ClientIds.Add(Convert.ToInt64(id, CultureInfo.InvariantCulture));
            yield return row;
            last = row;
            while (next < canaries.Count && positions[next] <= tally.Rows
                && (ShowsContact(data.Clients!, row) || tally.Rows - positions[next] >= ContactSearchRows))
                yield return Canary(data, row, canaries[next++]);
        }
        while (last is not null && next < canaries.Count) yield return Canary(data, last, canaries[next++]);
    }

    private static bool ShowsContact(ClientRows spec, object?[] row) =>
        spec.EmailColumn is null && spec.PhoneColumn is null || Shown(row, spec.EmailColumn) || Shown(row, spec.PhoneColumn);

    private static bool Shown(object?[] row, int? column) => column is { } c && c < row.Length && row[c] is { } value && value is not string { Length: 0 };

    /// <summary>
    /// The canary's row: the neighbour's non-identifying values, the canary's id, and its name and contacts masked as the
    /// neighbour's are — a masked name is the canary's own masked name, a hidden contact stays hidden. The name keeps the
    /// neighbour's first word, so that a list sorted by name stays sorted around it; the name written is what the trace keeps.
    /// </summary>
    private static object?[] Canary(ExportTable data, object?[] neighbour, ExportCanary canary)
    {
        var spec = data.Clients!;
        var row = new object?[data.Columns.Count];
        Array.Copy(neighbour, row, Math.Min(neighbour.Length, row.Length));
        foreach (var blank in spec.BlankColumns ?? []) Set(row, blank, Redrawn(Get(neighbour, blank)));
        Set(row, spec.IdColumn, canary.FakeClientId);
        if (Get(neighbour, spec.NameColumn) is string neighbourName)
        {
            if (neighbourName.StartsWith(FieldMasks.MaskedClientPrefix, StringComparison.Ordinal)) Set(row, spec.NameColumn, FieldMasks.MaskedClientName(canary.FakeClientId));
            else
            {
                canary.Name = SortedBeside(neighbourName, canary.Name);
                Set(row, spec.NameColumn, canary.Name);
            }
        }
        if (spec.EmailColumn is { } email) Set(row, email, Shown(neighbour, email) ? canary.Email : Get(neighbour, email));
        if (spec.PhoneColumn is { } phone) Set(row, phone, Shown(neighbour, phone) ? canary.Phone : Get(neighbour, phone));
        return row;
    }

    /// <summary>The canary's name with the neighbour's first word in front, when both are of one shape (words, script) of more than one word.</summary>
    internal static string SortedBeside(string neighbour, string name)
    {
        var theirs = neighbour.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ours = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var beside = ours.Length > 1 && CanaryFactory.SameShape(neighbour, name) ? string.Join(' ', [theirs[0], .. ours[1..]]) : name;
        return beside == neighbour ? name : beside;
    }

    /// <summary>
    /// A value a canary must not copy: a number such as a tax id gets the same shape with its digits drawn anew (an
    /// empty cell where every neighbour has one would single the canary out); anything else is left empty.
    /// </summary>
    internal static string? Redrawn(object? value) =>
        value is string { Length: > 0 } text && text.Any(char.IsAsciiDigit) && text.All(c => char.IsAsciiDigit(c) || c is '-' or ' ' or '/')
            ? new string([.. text.Select(c => char.IsAsciiDigit(c) ? (char)('0' + RandomNumberGenerator.GetInt32(10)) : c)])
            : null;

    private static object? Get(object?[] row, int column) => column >= 0 && column < row.Length ? row[column] : null;

    private static void Set(object?[] row, int column, object? value)
    {
        if (column >= 0 && column < row.Length) row[column] = value;
    }
}
