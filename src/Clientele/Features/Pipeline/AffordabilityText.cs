namespace Clientele.Features.Pipeline;

/// <summary>
/// Marker for the texts of a deal's "can we afford this client?" (the verdict, the figures' names and how each is
/// computed) in AffordabilityText.{ru,de}.resx beside it; English is the key itself.
/// </summary>
public sealed class AffordabilityText;
