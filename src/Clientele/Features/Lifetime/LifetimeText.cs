namespace Clientele.Features.Lifetime;

/// <summary>
/// Marker for the churn and lifetime-value UI strings in LifetimeText.{ru,de}.resx beside it (English is the key itself),
/// apart from the shared resources so this feature never edits a file others edit.
/// </summary>
public sealed class LifetimeText;
