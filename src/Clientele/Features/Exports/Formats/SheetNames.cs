using System.Text;

namespace Clientele.Features.Exports.Formats;

/// <summary>
/// Sheet names as Excel accepts them: 1–31 characters, none of <c>[ ] : * ? / \</c>, no apostrophe at either end,
/// not "History" (Excel's own), and unique regardless of case. Excel refuses — "we found a problem" — any other.
/// </summary>
public static class SheetNames
{
    public const int MaxLength = 31;

    public static string[] For(IEnumerable<string> titles)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var title in titles)
        {
            var name = Sanitise(title);
            for (var n = 2; !taken.Add(name); n++) name = Cut(Sanitise(title), MaxLength - $" ({n})".Length) + $" ({n})";
            names.Add(name);
        }
        return [.. names];
    }

    public static string Sanitise(string? title)
    {
        var name = new StringBuilder();
        foreach (var c in title ?? "")
        {
            switch (c)
            {
                case '/' or '\\' or ':': name.Append('-'); break;
                case '[': name.Append('('); break;
                case ']': name.Append(')'); break;
                case '*' or '?': break;
                default: if (!char.IsControl(c)) name.Append(c); break;
            }
        }
        var trimmed = Cut(name.ToString().Trim().Trim('\''), MaxLength).Trim().Trim('\'');
        if (trimmed.Length == 0) return "Sheet";
        return trimmed.Equals("History", StringComparison.OrdinalIgnoreCase) ? trimmed + " 1" : trimmed;
    }

    private static string Cut(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
