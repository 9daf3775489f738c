using Microsoft.Extensions.Localization;

namespace Clientele.Features.Groups;

/// <summary>
/// The seeded groups are stored with English names and strategies; while the owner has not renamed or rewritten them,
/// the pages show them in the user's language. Anything the owner wrote is shown as written.
/// </summary>
public static class GroupText
{
    public static string Name(IStringLocalizer s, string name, GroupPreset preset) =>
        preset != GroupPreset.None && name == preset.ToString() ? s[$"GroupPreset.{preset}"] : name;

    public static string? Strategy(IStringLocalizer s, string? strategy) =>
        strategy is null ? null : s[strategy].Value;
}
