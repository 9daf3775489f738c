namespace Clientele.Features.Imports.Mapping;

/// <summary>The field each column of the file goes to; null for a column that is ignored.</summary>
public sealed record ColumnMap(IReadOnlyList<string?> Fields)
{
    public int? ColumnOf(string field)
    {
        for (var i = 0; i < Fields.Count; i++) if (Fields[i] == field) return i;
        return null;
    }

    /// <summary>Header → field of the mapped columns, as saved in a job's options and shown to the user.</summary>
    public IReadOnlyDictionary<string, string> ToDictionary(IReadOnlyList<string> header)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Fields.Count && i < header.Count; i++) if (Fields[i] is { } f) map.TryAdd(header[i], f);
        return map;
    }
}

/// <summary>The mapping cannot be used: an unknown field or preset, a header not in the file, a required field unmapped.</summary>
public sealed class ImportMappingException(string message) : Exception(message);

/// <summary>Matches a file's columns to fields: by an explicit map, a named preset, or automatically by header.</summary>
public static class ImportMapping
{
    // SKELETON: headers equal to field keys only. The mapping helper replaces this with the ru/de/en synonyms,
    // the other kinds' fields, presets (saved and built-in CRM ones) and the required-field checks.
    public static IReadOnlyList<string> FieldKeys(ImportKind kind) => kind == ImportKind.Clients ? ClientFieldKeys.All : [];

    public static ColumnMap Auto(ImportKind kind, IReadOnlyList<string> header) =>
        new(header.Select(h => FieldKeys(kind).FirstOrDefault(k => string.Equals(k, h.Trim(), StringComparison.OrdinalIgnoreCase))).ToArray());

    /// <summary>Parses "Телефон=phone;Firma=name" (header=field pairs split by ';').</summary>
    public static IReadOnlyDictionary<string, string> ParseSpec(string spec) =>
        spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2, StringSplitOptions.TrimEntries))
            .Select(p => p.Length == 2 ? p : throw new ImportMappingException($"'{string.Join('=', p)}' is not header=field."))
            .ToDictionary(p => p[0], p => p[1]);

    /// <summary>The column map for <paramref name="options"/>: its Map if given, else its Preset, else automatic.</summary>
    public static Task<ColumnMap> ResolveAsync(ClienteleDb db, ImportOptions options, IReadOnlyList<string> header, CancellationToken ct)
    {
        if (options.Map is null) return Task.FromResult(Auto(options.Kind, header));
        var fields = header.Select(h => options.Map.TryGetValue(h, out var f) ? f : null).ToArray();
        return Task.FromResult(new ColumnMap(fields));
    }
}
