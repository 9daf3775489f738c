namespace Clientele;

/// <summary>
/// Marker for the UI strings of the owner's analytics settings, channel spend, exchange rates and client groups, in
/// Resources/SettingsText.{ru,de}.resx (English is the key itself). Kept apart from <see cref="SharedResource"/> so that
/// features built in parallel do not edit the same resource files.
/// </summary>
/// <remarks>
/// It sits beside <see cref="SharedResource"/> rather than in Resources/: the localizer looks a type up as
/// RootNamespace.Resources.{type name without the root namespace}, so a class in the Clientele.Resources namespace
/// would be looked for as Clientele.Resources.Resources.SettingsText and silently never found.
/// </remarks>
public sealed class SettingsText;
