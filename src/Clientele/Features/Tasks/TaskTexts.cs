namespace Clientele.Features.Tasks;

/// <summary>
/// A task's title and details as the reader reads them. The system stores the tasks it writes (at-risk follow-ups,
/// the demo's) as kinds with values (<see cref="Message.Encode"/>, one or several), so each reader sees them in their
/// own language; a title someone typed, or one stored before, is shown as it is.
/// </summary>
public static class TaskTexts
{
    public static string Show(string stored) => Message.ParseAll(stored) is { } parts ? string.Join(" ", parts.Select(p => p.Render())) : stored;

    public static string? ShowOptional(string? stored) => stored is null ? null : Show(stored);

    /// <summary>
    /// Whether an edit leaves a stored kind as the system wrote it: it is kept without the checks typed text gets (its
    /// separators are control characters a caller may not send, so a caller can only keep one, never make one).
    /// </summary>
    public static bool KeepsStoredKind(string? stored, string? given) => given is not null && given == stored && Message.ParseAll(stored) is not null;
}
