using System.Text;

namespace Clientele.Features.Imports.Reading;

/// <summary>
/// One unfolded vCard content line: [group.]NAME;PARAM=...:value. Values stay raw bytes (as Latin-1) until asked for,
/// because vCard 2.1 may name a charset and quoted-printable encoding per property.
/// </summary>
public sealed class VCardProperty
{
    public required string Name { get; init; }
    public required long Line { get; init; }
    public HashSet<string> Types { get; } = new(StringComparer.OrdinalIgnoreCase);
    public bool Preferred { get; private set; }
    public string? Encoding { get; private set; }
    public string? Charset { get; private set; }
    public required string RawValue { get; init; }

    /// <summary>The property, or an error naming it and its line (no colon, a name with odd characters).</summary>
    public static VCardProperty Parse(string line, long number, out string? error)
    {
        error = null;
        var colon = ColonOutsideQuotes(line);
        if (colon < 0)
        {
            error = Message.Of<ReadingText>("line {0}: '{1}' is not a property (no ':')", number, Shorten(line)).Encode();
            return new VCardProperty { Name = "", Line = number, RawValue = "" };
        }
        var parts = SplitOutsideQuotes(line[..colon], ';');
        var name = parts[0];
        var dot = name.LastIndexOf('.');
        if (dot >= 0) name = name[(dot + 1)..]; // item1.TEL: Apple's grouping of a phone with its label
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            error = Message.Of<ReadingText>("line {0}: '{1}' is not a property name", number, Shorten(parts[0])).Encode();
        var property = new VCardProperty { Name = name.ToUpperInvariant(), Line = number, RawValue = line[(colon + 1)..] };
        foreach (var parameter in parts.Skip(1)) property.AddParameter(parameter);
        return property;
    }

    private void AddParameter(string parameter)
    {
        var equals = parameter.IndexOf('=');
        var key = (equals < 0 ? parameter : parameter[..equals]).Trim().ToUpperInvariant();
        var value = equals < 0 ? null : parameter[(equals + 1)..].Trim().Trim('"');
        switch (key)
        {
            case "TYPE":
                foreach (var type in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    Types.Add(type);
                    if (type.Equals("pref", StringComparison.OrdinalIgnoreCase)) Preferred = true;
                }
                break;
            case "PREF": Preferred = true; break;
            case "ENCODING": Encoding = value?.ToUpperInvariant(); break;
            case "CHARSET": Charset = value; break;
            case "QUOTED-PRINTABLE" or "BASE64" or "B": Encoding = key; break; // 2.1 writes bare parameters
            default:
                if (value is null) Types.Add(key); // 2.1: TEL;WORK;VOICE
                break;
        }
    }

    /// <summary>The value as text: quoted-printable undone and the bytes decoded by CHARSET (UTF-8 unless named).</summary>
    public bool TryText(out string text, out string? error)
    {
        error = null;
        text = "";
        var bytes = System.Text.Encoding.Latin1.GetBytes(RawValue);
        if (Encoding is "QUOTED-PRINTABLE" && !TryDecodeQuotedPrintable(bytes, out bytes))
        {
            error = Message.Of<ReadingText>("line {0}: {1} has broken quoted-printable encoding", Line, Name).Encode();
            return false;
        }
        Encoding charset;
        try
        {
            charset = Charset is null || Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                ? TextEncodings.StrictUtf8
                : TextEncodings.Named(Charset).Encoding;
        }
        catch (ImportFileException)
        {
            error = Message.Of<ReadingText>("line {0}: {1} names an unknown CHARSET={2}", Line, Name, Charset).Encode();
            return false;
        }
        try
        {
            text = charset.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            error = Message.Of<ReadingText>("line {0}: {1} is not valid {2} (bad encoding)", Line, Name, Charset ?? "UTF-8").Encode();
            return false;
        }
    }

    private static bool TryDecodeQuotedPrintable(byte[] input, out byte[] output)
    {
        var result = new List<byte>(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] != '=') { result.Add(input[i]); continue; }
            if (i + 2 >= input.Length || !IsHex(input[i + 1]) || !IsHex(input[i + 2]))
            {
                output = [];
                return false;
            }
            result.Add(Convert.FromHexString([(char)input[i + 1], (char)input[i + 2]])[0]);
            i += 2;
        }
        output = [.. result];
        return true;

        static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);
    }

    /// <summary>Splits on unescaped <paramref name="separator"/> and undoes \\ \, \; \n escapes in each part.</summary>
    public static List<string> Components(string value, char separator)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var ch = value[i];
            if (ch == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                current.Append(next is 'n' or 'N' ? '\n' : next);
            }
            else if (ch == separator)
            {
                parts.Add(current.ToString().Trim());
                current.Clear();
            }
            else current.Append(ch);
        }
        parts.Add(current.ToString().Trim());
        return parts;
    }

    public static string Unescape(string value) => Components(value, '\0')[0];

    private static int ColonOutsideQuotes(string line)
    {
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            else if (line[i] == ':' && !quoted) return i;
        }
        return -1;
    }

    private static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        var quoted = false;
        var from = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"') quoted = !quoted;
            else if (text[i] == separator && !quoted)
            {
                parts.Add(text[from..i]);
                from = i + 1;
            }
        }
        parts.Add(text[from..]);
        return parts;
    }

    private static string Shorten(string raw)
    {
        // Raw bytes are held as Latin-1; show them as the UTF-8 they most likely are.
        var text = System.Text.Encoding.UTF8.GetString(System.Text.Encoding.Latin1.GetBytes(raw));
        return text.Length <= 40 ? text : text[..40] + "…";
    }
}
