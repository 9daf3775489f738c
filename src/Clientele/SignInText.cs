namespace Clientele;

/// <summary>
/// Marker for the sign-in, two-factor, session and user-administration strings in Resources/SignInText.{ru,de}.resx
/// (English is the key itself), kept apart from <see cref="SharedResource"/> so this feature never edits the shared file.
/// </summary>
public sealed class SignInText;
