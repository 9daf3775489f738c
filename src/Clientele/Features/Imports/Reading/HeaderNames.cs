namespace Clientele.Features.Imports.Reading;

/// <summary>Makes a header row usable as column names: trimmed, no BOM, no empty names, no two alike.</summary>
public static class HeaderNames
{
    public const int MaxColumns = 1000;

    public static string[] Normalize(IReadOnlyList<string> raw)
    {
        var names = new string[raw.Count];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < raw.Count; i++)
        {
            var name = raw[i].Replace("\uFEFF", "").Trim();
            if (name.Length == 0) name = $"Column {i + 1}";
            var unique = name;
            for (var n = 2; !seen.Add(unique); n++) unique = $"{name} ({n})";
            names[i] = unique;
        }
        return names;
    }
}
