using Clientele.Features.Imports.Reading;

namespace Clientele.Features.Imports.Pages;

/// <summary>The file's columns as the mapping step shows them: the header, a few first rows and the field chosen for each column.</summary>
public sealed class ImportColumns
{
    public required IReadOnlyList<string> Header { get; init; }
    public required IReadOnlyList<string[]> Samples { get; init; }
    public string?[] Mapping { get; set; } = [];
    /// <summary>The user changed a field since the last check: the file must be checked again before it can be imported.</summary>
    public bool Changed { get; set; }

    /// <summary>The header and the first three rows, so the user sees what each column holds.</summary>
    /// <exception cref="ImportFileException">The file cannot be read.</exception>
    public static ImportColumns Read(string path, ImportOptions options)
    {
        using var file = TabularFiles.Open(path, options.File);
        var header = file.Header;
        var samples = new List<string[]>();
        while (samples.Count < 3 && file.Read())
            samples.Add([.. Enumerable.Range(0, header.Count).Select(i => file[i])]);
        return new ImportColumns { Header = header, Samples = samples };
    }

    public Dictionary<string, string> ChosenMap() =>
        Header.Select((h, i) => (h, f: Mapping[i])).Where(p => p.f is not null && p.h.Length > 0)
            .GroupBy(p => p.h, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().f!, StringComparer.Ordinal);

    /// <summary>A field chosen for two columns, if any.</summary>
    public string? TwiceChosen() => Mapping.Where(f => f is not null).GroupBy(f => f).FirstOrDefault(g => g.Count() > 1)?.Key;
}
