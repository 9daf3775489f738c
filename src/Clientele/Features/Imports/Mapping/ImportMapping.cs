using System.Text;

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
/// <summary>A column map that cannot work; <see cref="Text"/> says why in the reader's language.</summary>
public sealed class ImportMappingException(Message text) : Exception(text.Render(System.Globalization.CultureInfo.InvariantCulture))
{
    public Message Text { get; } = text;
}

/// <summary>Matches a file's columns to fields: by an explicit map, a named preset, or automatically by header.</summary>
public static class ImportMapping
{
    public static IReadOnlyList<string> FieldKeys(ImportKind kind) => [.. ImportFields.For(kind).Select(f => f.Key)];

    /// <summary>
    /// The form headers and synonyms are compared in: lower case, ё as е, ß as ss, only letters and digits. "Эл. почта",
    /// "эл.почта" and "ЭЛ ПОЧТА" are one header; "E-Mail" and "email" too.
    /// </summary>
    public static string HeaderKey(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return "";
        var key = new StringBuilder(header.Length);
        foreach (var ch in header.ToLowerInvariant())
        {
            if (ch == 'ё') key.Append('е');
            else if (ch == 'ß') key.Append("ss");
            else if (ch == '№') key.Append("no");
            else if (char.IsLetterOrDigit(ch)) key.Append(ch);
        }
        return key.ToString();
    }

    // How sure a header match is: the field's own key or label, a listed synonym, or a synonym inside a longer header
    // ("Рабочий телефон (контакт)"), where the longer the synonym found, the surer.
    private const int ExactScore = 1000;
    private const int ContainedScore = 100;
    private const int ShortestContained = 4;

    /// <summary>
    /// Each column gets the field its header matches best, each field at most one column (the best-matching one; on a
    /// tie the leftmost); a header nothing matches is ignored (null).
    /// </summary>
    public static ColumnMap Auto(ImportKind kind, IReadOnlyList<string> header)
    {
        var fields = ImportFields.For(kind);
        var names = fields.Select(f => (Field: f, Names: NamesOf(f))).ToList();
        var candidates = new List<(int Column, string Field, int Score)>();
        for (var column = 0; column < header.Count; column++)
        {
            var key = HeaderKey(header[column]);
            if (key.Length == 0) continue;
            foreach (var (field, fieldNames) in names)
            {
                var score = 0;
                foreach (var name in fieldNames)
                {
                    if (name == key) score = Math.Max(score, ExactScore);
                    else if (name.Length >= ShortestContained && key.Contains(name, StringComparison.Ordinal)) score = Math.Max(score, ContainedScore + name.Length);
                }
                if (score > 0) candidates.Add((column, field.Key, score));
            }
        }
        var result = new string?[header.Count];
        var used = new HashSet<string>(StringComparer.Ordinal);
        // Field order breaks the remaining ties, so a plain "Телефон" in a record import is the client's phone.
        var order = fields.Select((f, i) => (f.Key, i)).ToDictionary(p => p.Key, p => p.i);
        foreach (var (column, field, _) in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Column).ThenBy(c => order[c.Field]))
        {
            if (result[column] is not null || used.Contains(field)) continue;
            result[column] = field;
            used.Add(field);
        }
        return new ColumnMap(result);
    }

    /// <summary>The key, the labels in every language and the synonyms of a field, as header keys.</summary>
    private static HashSet<string> NamesOf(ImportField field)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { HeaderKey(field.Key) };
        foreach (var culture in ImportFields.Languages) names.Add(HeaderKey(field.LabelIn(culture)));
        foreach (var synonym in field.Synonyms) names.Add(HeaderKey(synonym));
        names.Remove("");
        return names;
    }

    /// <summary>Parses "Телефон=phone;Firma=name" (header=field pairs split by ';'); checks only the shape.</summary>
    public static IReadOnlyDictionary<string, string> ParseSpec(string spec)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Field names never contain '=', headers might: split at the last one.
            var at = pair.LastIndexOf('=');
            if (at <= 0 || at == pair.Length - 1) throw new ImportMappingException(Message.Of("'{0}' is not header=field (e.g. \"Телефон=phone\").", pair));
            var header = pair[..at].Trim();
            if (!map.TryAdd(header, pair[(at + 1)..].Trim())) throw new ImportMappingException(Message.Of("The column '{0}' is mapped twice.", header));
        }
        if (map.Count == 0) throw new ImportMappingException(Message.Of("The map is empty: give header=field pairs separated by ';'."));
        return map;
    }

    /// <summary>Parses a --map spec and checks it against the kind's fields and the file's header.</summary>
    public static ColumnMap ParseSpec(string spec, ImportKind kind, IReadOnlyList<string> header) => FromDictionary(kind, ParseSpec(spec), header);

    /// <summary>
    /// The field a name on the right of a map means: a field key, or a field's label in English, Russian or German
    /// ("Телефон", "Firma" would not do — those are headers; "Phone", "Телефон" as the label of phone do).
    /// </summary>
    public static string? FieldOf(ImportKind kind, string name)
    {
        var fields = ImportFields.For(kind);
        if (fields.FirstOrDefault(f => string.Equals(f.Key, name.Trim(), StringComparison.OrdinalIgnoreCase)) is { } byKey) return byKey.Key;
        var key = HeaderKey(name);
        if (key.Length == 0) return null;
        return fields.FirstOrDefault(f => HeaderKey(f.Key) == key || ImportFields.Languages.Any(c => HeaderKey(f.LabelIn(c)) == key))?.Key;
    }

    /// <summary>
    /// A column map from header → field (key or label) pairs. An unknown field names the valid ones; a header the
    /// file does not have names the file's headers; a field mapped from two columns is refused.
    /// </summary>
    public static ColumnMap FromDictionary(ImportKind kind, IReadOnlyDictionary<string, string> map, IReadOnlyList<string> header)
    {
        var result = new string?[header.Count];
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (columnName, fieldName) in map)
        {
            var field = FieldOf(kind, fieldName)
                ?? throw new ImportMappingException(Message.Of("'{0}' is not a field of a {1} import; the fields are: {2}.", fieldName, KindName(kind), string.Join(", ", FieldKeys(kind))));
            var column = IndexOfHeader(header, columnName)
                ?? throw new ImportMappingException(Message.Of("The file has no column '{0}'; its columns are: {1}.", columnName, string.Join(", ", header.Select(h => $"'{h}'"))));
            if (used.TryGetValue(field, out var other))
                throw new ImportMappingException(Message.Of("'{0}' is mapped from two columns, '{1}' and '{2}'.", field, other, columnName));
            used[field] = columnName;
            result[column] = field;
        }
        return new ColumnMap(result);
    }

    /// <summary>The column with this header: exactly, else ignoring case and punctuation.</summary>
    public static int? IndexOfHeader(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++) if (string.Equals(header[i].Trim(), name.Trim(), StringComparison.Ordinal)) return i;
        var key = HeaderKey(name);
        for (var i = 0; i < header.Count; i++) if (key.Length > 0 && HeaderKey(header[i]) == key) return i;
        return null;
    }

    /// <summary>Refuses a map that leaves a required field (or all fields of a one-of group) without a column.</summary>
    public static void CheckRequired(ImportKind kind, ColumnMap map)
    {
        var mapped = map.Fields.OfType<string>().ToHashSet(StringComparer.Ordinal);
        var fields = ImportFields.For(kind);
        foreach (var field in fields.Where(f => f.Required && !mapped.Contains(f.Key)))
            throw new ImportMappingException(Message.Of("No column is mapped to the required field \"{0}\" ({1}).", field.LabelIn(), field.Key));
        foreach (var group in fields.Where(f => f.OneOf is not null).GroupBy(f => f.OneOf))
            if (!group.Any(f => mapped.Contains(f.Key)))
                throw new ImportMappingException(
                    Message.Of("No column is mapped to any of {0}: at least one is needed.", string.Join(", ", group.Select(f => $"\"{f.LabelIn()}\" ({f.Key})"))));
    }

    /// <summary>The column map for <paramref name="options"/>: its Map if given, else its Preset, else automatic; checked for required fields.</summary>
    public static async Task<ColumnMap> ResolveAsync(ClienteleDb db, ImportOptions options, IReadOnlyList<string> header, CancellationToken ct)
    {
        ColumnMap map;
        if (options.Map is not null) map = FromDictionary(options.Kind, options.Map, header);
        else if (!string.IsNullOrWhiteSpace(options.Preset))
        {
            var preset = await ImportPresets.FindAsync(db, options.Kind, options.Preset, ct);
            if (preset is null)
            {
                var names = (await ImportPresets.ListAsync(db, options.Kind, ct)).Select(p => p.Name);
                throw new ImportMappingException(Message.Of("There is no {0} preset '{1}'; the presets are: {2}.", KindName(options.Kind), options.Preset, string.Join(", ", names)));
            }
            map = FromPreset(options.Kind, preset.Map, header);
        }
        else map = Auto(options.Kind, header);
        CheckRequired(options.Kind, map);
        return map;
    }

    /// <summary>A preset lists every column its CRM may write; a file has some of them, and the others are simply absent.</summary>
    public static ColumnMap FromPreset(ImportKind kind, IEnumerable<KeyValuePair<string, string>> presetMap, IReadOnlyList<string> header)
    {
        var present = presetMap.Where(p => IndexOfHeader(header, p.Key) is not null)
            .GroupBy(p => p.Value).Select(g => g.First())
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return FromDictionary(kind, present, header);
    }

    public static string KindName(ImportKind kind) => kind switch
    {
        ImportKind.Clients => "clients",
        ImportKind.Purchases => "purchases",
        ImportKind.Interactions => "interactions",
        ImportKind.ServiceCosts => "service-costs",
        _ => kind.ToString(),
    };

    /// <summary>"clients", "purchases", "interactions", "service-costs" (also the enum names, any case).</summary>
    public static ImportKind? ParseKind(string? text)
    {
        var key = HeaderKey(text);
        foreach (var kind in Enum.GetValues<ImportKind>())
            if (HeaderKey(KindName(kind)) == key || HeaderKey(kind.ToString()) == key) return kind;
        return null;
    }
}
