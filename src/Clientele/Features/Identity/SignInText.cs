using Clientele.Infrastructure.Localization;

namespace Clientele.Features.Identity;

/// <summary>
/// Marker for the sign-in, two-factor, session and user-administration strings in SignInText.{ru,de}.resx beside it
/// (English is the key itself), kept apart from <see cref="SharedResource"/> so this feature never edits the shared file.
/// </summary>
public sealed class SignInText;
