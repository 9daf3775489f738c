namespace Clientele.Features.Tasks;

/// <summary>
/// A task's title and details as the reader reads them. The system stores the tasks it writes (at-risk follow-ups,
/// the demo's) as kinds with values (<see cref="Message.Encode"/>, one or several), so each reader sees them in their
/// own language; a title someone typed, or one stored before, is shown as it is.
/// </summary>
public static class TaskTexts
{
    // A kind's separators are control characters, which every input check refuses; in an edit's input (a merge patch
    // starts from the stored record, a form from the same) they stand in as private-use characters, and a title that
    // comes back exactly so is the stored kind, kept as it was.
    private const string Separators = "\u001D\u001E\u001F";
    private const string StandIns = "\uE01D\uE01E\uE01F";

    public static string Show(string stored) => Message.ParseAll(stored) is { } parts ? string.Join(" ", parts.Select(p => p.Render())) : stored;

    public static string? ShowOptional(string? stored) => stored is null ? null : Show(stored);

    /// <summary>What an edit form shows for a title or details its input holds (<see cref="ForInput"/>).</summary>
    public static string? ShowInput(string? given) => given is null ? null : Show(Swap(given, StandIns, Separators));

    /// <summary>A stored text as an edit's input carries it: a kind with stand-ins for its separators, any other text as it is.</summary>
    public static string? ForInput(string? stored) => stored is not null && Message.ParseAll(stored) is not null ? Swap(stored, Separators, StandIns) : stored;

    /// <summary>Whether an edit gives back a stored kind unchanged: it is then kept as it was, past the checks typed text gets.</summary>
    public static bool KeepsStoredKind(string? stored, string? given) =>
        given is not null && stored is not null && Message.ParseAll(stored) is not null && ForInput(stored) == given;

    private static string Swap(string text, string from, string to)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (from.IndexOf(chars[i]) is var at and >= 0) chars[i] = to[at];
        return new string(chars);
    }
}
