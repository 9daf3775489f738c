using System.Text;

namespace Clientele.Tests.Exports;

/// <summary>A vCard property read back: its name, parameters and value (unescaped, for text values).</summary>
public sealed record VCardProperty(string Name, string Parameters, string Raw)
{
    public string Value => VCardText.Unescape(Raw);

    /// <summary>The components of a structured value (N, ADR, ORG), each unescaped.</summary>
    public string[] Components => [.. VCardText.SplitUnescaped(Raw, ';').Select(VCardText.Unescape)];
}

/// <summary>
/// A small reader of vCard text, independent of the writer: checks the lines (CRLF, at most 75 octets, continuation
/// lines starting with a space), unfolds them and splits the cards into properties.
/// </summary>
public static class VCardText
{
    public static List<List<VCardProperty>> Parse(byte[] bytes)
    {
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        Assert.EndsWith("\r\n", text);
        var physical = text[..^2].Split("\r\n");
        foreach (var line in physical)
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"a line longer than 75 octets: {line}");
            Assert.DoesNotContain('\n', line);
        }
        var logical = new List<string>();
        foreach (var line in physical)
        {
            if (line.StartsWith(' ')) logical[^1] += line[1..];
            else logical.Add(line);
        }
        var cards = new List<List<VCardProperty>>();
        List<VCardProperty>? card = null;
        foreach (var line in logical)
        {
            var colon = line.IndexOf(':');
            Assert.True(colon > 0, $"no property name in: {line}");
            var head = line[..colon];
            var semicolon = head.IndexOf(';');
            var property = new VCardProperty(semicolon < 0 ? head : head[..semicolon], semicolon < 0 ? "" : head[(semicolon + 1)..], line[(colon + 1)..]);
            if (property.Name == "BEGIN") card = [];
            else if (property.Name == "END")
            {
                cards.Add(card!);
                card = null;
            }
            else card!.Add(property);
        }
        Assert.Null(card);
        return cards;
    }

    public static string Unescape(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 == value.Length) text.Append(value[i]);
            else text.Append(value[++i] is 'n' or 'N' ? '\n' : value[i]);
        }
        return text.ToString();
    }

    /// <summary>Splits at separators not escaped by a backslash.</summary>
    public static List<string> SplitUnescaped(string value, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\') i++;
            else if (value[i] == separator)
            {
                parts.Add(value[start..i]);
                start = i + 1;
            }
        }
        parts.Add(value[start..]);
        return parts;
    }

    public static string? One(this List<VCardProperty> card, string name) => card.SingleOrDefault(p => p.Name == name)?.Value;
}
