// The assembly is named "clientele" but its resources live under the "Clientele" namespace.
[assembly: Microsoft.Extensions.Localization.RootNamespace("Clientele")]

namespace Clientele.Infrastructure.Localization;

/// <summary>Marker for the one set of UI strings in SharedResource.{ru,de}.resx beside it (English is the key itself).</summary>
public sealed class SharedResource;
