namespace Clientele.Infrastructure.Security;

/// <summary>
/// Characters no client record needs and attackers like: C0 and C1 controls (NUL breaks PostgreSQL text and C strings,
/// ESC drives terminals that print an export), bidirectional overrides that make "exe.txt" read as "txt.exe"
/// (Trojan Source), and lone surrogates that no database encoding can store. Tab, CR and LF are allowed only in
/// multi-line text. Everything else — Cyrillic, umlauts, emoji, ZWJ sequences, RTL scripts — is ordinary text.
/// </summary>
public static class ControlCharacters
{
    /// <summary>The first character a text must not hold, or null when it is clean.</summary>
    public static int? FindForbidden(string? text, bool multiLine)
    {
        if (text is null) return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c) || IsForbidden(c, multiLine)) return i;
        }
        return null;
    }

    /// <summary>The problem text for a field holding a forbidden character, or null when the text is clean.</summary>
    public static Validation.Message? Problem(string? text, bool multiLine) =>
        FindForbidden(text, multiLine) is { } at ? Describe(text![at], at) : null;

    private static bool IsForbidden(char c, bool multiLine) => c switch
    {
        '\t' or '\n' or '\r' => !multiLine,
        // C0 controls, DEL and C1 controls.
        _ when char.IsControl(c) => true,
        // LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI: they reorder what a reader sees.
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };

    private static Validation.Message Describe(char c, int at) =>
        Validation.Message.Of("must not contain control, bidirectional-override or unpaired surrogate characters (U+{0:X4} at position {1}).", (int)c, at + 1);
}
