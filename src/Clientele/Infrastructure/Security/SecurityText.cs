namespace Clientele.Infrastructure.Security;

/// <summary>
/// Marker for the texts of the request guards (cross-site requests) in SecurityText.{ru,de}.resx beside it; English is
/// the key itself.
/// </summary>
public sealed class SecurityText;
